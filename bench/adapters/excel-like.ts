/**
 * An Excel-like .xlsx of the C1-HocSinh model (see `c1-hoc-sinh.ts`): cell text as **shared
 * strings** (`t="s"`, as Excel saves), `sharedStrings.xml` placed **after** the sheet in the zip
 * (as Excel and exceljs write it), date cells with a date style, numbers as numbers. Written with
 * `node:zlib` and a minimal zip writer here, so that the file does not depend on the kit's writer
 * (which writes inline strings).
 */
import { writeFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import type { CellInput } from '@eduvn/adapter-kit';
import { isoToExcelSerial } from '@eduvn/text';
import { pupilRows } from './c1-hoc-sinh.ts';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A zip of deflated parts in the given order (no data descriptors, no zip64). */
function zip(parts: readonly (readonly [string, Uint8Array])[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30 + nameBytes.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    nameBytes.copy(local, 30);
    const entry = Buffer.alloc(46 + nameBytes.length);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    nameBytes.copy(entry, 46);
    locals.push(local, packed);
    central.push(entry);
    offset += local.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/**
 * The Excel-like workbook of `pupils` generated pupils, as bytes, with the number of rows of its
 * sheet (rows with cells; empty rows are left out).
 */
export function excelLikeWorkbook(pupils: number): { bytes: Buffer; rows: number } {
  const strings = new Map<string, number>();
  const list: string[] = [];
  const shared = (text: string): number => {
    let index = strings.get(text);
    if (index === undefined) {
      index = list.length;
      strings.set(text, index);
      list.push(text);
    }
    return index;
  };
  const sheet: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:Y${pupils + 10}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`,
  ];
  let rows = 0;
  let r = 0;
  for (const row of pupilRows(pupils)) {
    r++;
    // Empty rows are not written (as Excel does not write them).
    if (row.every((cell) => cell === null)) continue;
    rows++;
    let xml = `<row r="${r}" spans="1:25">`;
    row.forEach((cell: CellInput, c) => {
      if (cell === null) return;
      const ref = `${letters(c)}${r}`;
      if (typeof cell === 'number') xml += `<c r="${ref}"><v>${cell}</v></c>`;
      else if (typeof cell === 'boolean') xml += `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
      else if (typeof cell === 'string')
        xml += `<c r="${ref}" s="2" t="s"><v>${shared(cell)}</v></c>`;
      else if ('date' in cell)
        xml += `<c r="${ref}" s="1"><v>${isoToExcelSerial(cell.date)}</v></c>`;
      else xml += `<c r="${ref}" s="2" t="s"><v>${shared(cell.text)}</v></c>`;
    });
    sheet.push(`${xml}</row>`);
  }
  sheet.push(
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${list.length}" uniqueCount="${list.length}">${list
    .map(
      (s) =>
        `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${escapeXml(s)}</t></si>`,
    )
    .join('')}</sst>`;
  const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
  const bytes = zip([
    [
      '[Content_Types].xml',
      utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    ],
    [
      '_rels/.rels',
      utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ],
    [
      'xl/workbook.xml',
      utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    ],
    ['xl/worksheets/sheet1.xml', utf8(sheet.join(''))],
    [
      'xl/styles.xml',
      utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
    ],
    ['xl/sharedStrings.xml', utf8(sst)],
  ]);
  return { bytes, rows };
}

/** Writes {@link excelLikeWorkbook} to `path`; returns the rows of its sheet. */
export async function writeExcelLikeFile(path: string, pupils: number): Promise<number> {
  const { bytes, rows } = excelLikeWorkbook(pupils);
  await writeFile(path, bytes);
  return rows;
}
