/**
 * CSV reading: `openCsv` (decoding, delimiter detection, RFC 4180 quotes, rows of cells) side by
 * side with the floor — `TextDecoder` plus a split on line breaks and commas, which is wrong for
 * quoted fields but shows what decoding and scanning alone cost — on 100,000 rows × 25 columns of
 * school-like data (IDs, Vietnamese names, some quoted with commas and doubled quotes, dates,
 * decimals, gaps), about 22 MB of UTF-8.
 *
 * Run: `pnpm --filter @eduvn/bench bench:csv`; BENCH_ROWS to change the size.
 */
import { openCsv } from '@eduvn/adapter-kit';
import { compareAsync } from '../harness.ts';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);

function generate(rows: number): Uint8Array {
  const names = [
    'Nguyễn Văn An',
    'Trần Thị Bích',
    'Lê Hoàng "Nam"',
    'Phạm Minh Đức, con',
    'Hà Thu',
  ];
  const lines = [Array.from({ length: 25 }, (_, i) => `Cột ${i + 1}`).join(',')];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 25; c++) {
      switch (c % 5) {
        case 0:
          cells.push(String(1_000_000 + r * 25 + c));
          break;
        case 1: {
          const name = names[(r + c) % names.length] as string;
          cells.push(/[",]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name);
          break;
        }
        case 2:
          cells.push(`${(r % 28) + 1}/0${(c % 9) + 1}/2015`);
          break;
        case 3:
          cells.push(c % 2 ? '' : 'Nam');
          break;
        default:
          cells.push(`${(r * 7 + c) % 10}.${c % 10}`);
      }
    }
    lines.push(cells.join(','));
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

const data = generate(ROWS);
console.log(
  `CSV of ${ROWS.toLocaleString('en')} rows × 25 columns, ${(data.byteLength / 1e6).toFixed(1)} MB`,
);

await compareAsync(
  'Reading CSV',
  [data],
  [
    {
      name: 'floor: decode + split (no quotes)',
      run: ([bytes]) => {
        const text = new TextDecoder().decode(bytes);
        let cells = 0;
        for (const line of text.split('\r\n')) cells += line.split(',').length;
        return Promise.resolve(cells);
      },
    },
    {
      name: 'openCsv → rows of cells',
      run: async ([bytes]) => {
        const book = await openCsv(bytes as Uint8Array);
        let cells = 0;
        for await (const row of book.rows(0)) cells += row.cells.length;
        await book.close();
        return cells;
      },
    },
  ],
  { unit: 'rows', count: ROWS + 1, rounds: 5 },
);
