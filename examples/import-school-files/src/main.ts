/**
 * Run: `pnpm --filter @eduvn/example-import-school-files start`.
 *
 * Makes a school office's files from a generated school, recognises and reads each, validates
 * everything, and prints what became of each file and the first issues, each pointing at a cell.
 */
import { formatText } from '@eduvn/rules';
import { schoolAdapters } from './adapters.ts';
import { demoFiles, demoSchool, SCHOOL_YEAR } from './demo-files.ts';
import { importFiles } from './import.ts';

const school = demoSchool();
const files = await demoFiles(school);
const { outcomes, report } = await importFiles(files, {
  adapters: (file) => schoolAdapters(school.truong.truongId, SCHOOL_YEAR, file),
  asOf: '2026-05-31',
});

for (const o of outcomes) {
  const how =
    o.status === 'read'
      ? `read by ${o.adapter} (confidence ${o.confidence?.toFixed(2)})`
      : o.status === 'inferred'
        ? `read with a proposed mapping (${o.adapter}) — review it`
        : o.status === 'unreadable'
          ? `unreadable (${o.error})`
          : `not recognised; best: ${o.candidates?.map((c) => `${c.id} ${c.confidence}`).join(', ')}`;
  console.log(`${o.file}: ${how}; ${o.records} records, ${o.skipped} rows skipped`);
  for (const p of o.problems.slice(0, 3)) console.log(`    ${p}`);
}
const byFile = new Map<string, number>();
for (const issue of report.issues) {
  const file = issue.location?.file ?? '(dataset)';
  byFile.set(file, (byFile.get(file) ?? 0) + 1);
}
console.log(`\nissues by file: ${[...byFile].map(([f, n]) => `${f} ${n}`).join(', ')}`);
const text = formatText(report, { lang: 'en' }).split('\n');
console.log(`\n${text.slice(0, 25).join('\n')}${text.length > 25 ? '\n…' : ''}`);
