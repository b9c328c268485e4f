/**
 * The adapter alone, in a process of its own: `read-child.ts <path>` reads the file with the
 * national database's C1-HocSinh adapter (`@eduvn/adapter-moet`, the one `eduvn validate` detects
 * for it) through `readWith`, counts the records and prints the count — nothing validated, nothing
 * reported. The benchmark times the whole process, as it times `eduvn validate`.
 */
import { readWith } from '@eduvn/adapter-kit';
import { c1HocSinh } from '@eduvn/adapter-moet';

const [path = ''] = process.argv.slice(2);
let records = 0;
for await (const item of readWith(c1HocSinh, { path })) {
  if (item.kind === 'record') records++;
}
process.stdout.write(`${records} record(s)\n`);
