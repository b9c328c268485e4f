/**
 * Run: `pnpm --filter @eduvn/example-import-school-files start`.
 *
 * Makes a school office's files from a generated school, checks them all in one call, and prints
 * what became of each file and the first issues, each pointing at a cell.
 */
import { formatText } from '@eduvn/rules';
import { demoFiles, demoSchool, SCHOOL_YEAR } from './demo-files.ts';
import { checkSchoolFiles } from './import.ts';

const school = demoSchool();
const files = await demoFiles(school);
const report = await checkSchoolFiles(files, {
  asOf: '2026-05-31',
  truongId: school.truong.truongId,
  namHoc: SCHOOL_YEAR,
});

for (const f of report.files) {
  const how =
    f.status === 'read'
      ? `read by ${f.adapter}${f.confidence === undefined ? '' : ` (confidence ${f.confidence.toFixed(2)})`}`
      : f.status === 'proposed'
        ? `read with a proposed mapping (${f.adapter}) — review it`
        : 'unreadable';
  console.log(`${f.file}: ${how}; ${f.records} records, ${f.skipped} rows skipped`);
}
const text = formatText(report, { lang: 'en' }).split('\n');
console.log(`\n${text.slice(0, 30).join('\n')}${text.length > 30 ? '\n…' : ''}`);
