/**
 * Run with `pnpm --filter @eduvn/example-clean-class-list start`. The rows imitate what a reader
 * gets from a real class list: NFD text, stray spaces, both tone styles, an Excel serial, a serial
 * stored as text, a TCVN3 name in a .VnTime cell, and two bad dates. Generated people only.
 */
import { formatVnDate } from '@eduvn/text';
import { cleanClassList, type RawRow } from './clean.ts';

const rows: RawRow[] = [
  { name: '  nguyễn   văn AN '.normalize('NFD'), birthDate: '05/09/2016' },
  { name: 'LÊ THỊ HÒA', birthDate: 42618 },
  { name: 'Lê Thị Hoà', birthDate: '2016-09-05' },
  { name: 'TrÇn Thu Thñy', nameFont: '.VnTime', birthDate: '42700' },
  { name: 'Phạm Minh Khoa', birthDate: '31/02/2016' },
  { name: 'Đỗ Gia Huy', birthDate: '12/5/16' },
];

const { rows: cleaned, duplicates } = cleanClassList(rows);
for (const r of cleaned) {
  if ('problem' in r) console.log(`row ${r.row}: ${r.problem}`);
  else console.log(`row ${r.row}: ${r.name.padEnd(18)} ${formatVnDate(r.birthDate)}`);
}
for (const d of duplicates) console.log(`probably the same pupil: ${d.join(', ')}`);
