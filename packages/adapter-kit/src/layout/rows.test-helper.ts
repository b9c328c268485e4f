import {
  type Cell,
  type CellValue,
  columnIndex,
  type MergedRange,
  type Row,
} from '../workbook/types.ts';

/** A cell from a value, or the cell itself. */
function cellOf(v: CellValue | Cell | undefined): Cell | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'object' && v !== null) return v;
  return { value: v };
}

/** A row from its values, column A first (`undefined` is a gap). */
export function row(n: number, values: readonly (CellValue | Cell | undefined)[]): Row {
  return { row: n, cells: values.map(cellOf) };
}

/** A row from values by column letters (`{ A: 'STT', AF: 'Lên lớp' }`). */
export function rowAt(n: number, values: Readonly<Record<string, CellValue | Cell>>): Row {
  const cells: (Cell | undefined)[] = [];
  for (const [letters, v] of Object.entries(values)) {
    const i = columnIndex(letters);
    while (cells.length < i) cells.push(undefined);
    cells[i] = cellOf(v);
  }
  return { row: n, cells };
}

/** A merged range from Excel notation (`'F1:R1'`). */
export function merge(ref: string): MergedRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad range ${ref}`);
  return {
    left: columnIndex(m[1] ?? ''),
    top: Number(m[2]),
    right: columnIndex(m[3] ?? ''),
    bottom: Number(m[4]),
  };
}

/**
 * The KQHT import template's three header rows for grades 1–2 (vendor formats: "National
 * database import of TT27 results"), starting at `top`, with its merged ranges. The qualities'
 * cells are merged down over rows 2–3 (their row 3 is blank).
 */
export function kqhtHeader(top = 1): { rows: Row[]; merges: MergedRange[] } {
  const r1 = top;
  const r2 = top + 1;
  const r3 = top + 2;
  const rows = [
    rowAt(r1, {
      A: 'STT',
      B: 'Mã lớp',
      C: 'Mã học sinh',
      D: 'Họ tên',
      E: 'Ngày sinh',
      F: 'Môn học và hoạt động giáo dục',
      S: 'Năng lực cốt lõi',
      AA: 'Phẩm chất chủ yếu',
      AF: 'Hoàn thành\nchương trình lớp học',
      AG: 'Lên lớp',
      AH: 'Xếp loại',
    }),
    rowAt(r2, {
      F: 'Toán',
      H: 'Tiếng việt',
      J: 'Đạo đức',
      K: 'Tự nhiên và xã hội',
      L: 'Ngoại ngữ',
      M: 'Tiếng dân tộc',
      N: 'TH-CN (Tin học)',
      O: 'Nghệ thuật (Âm nhạc)',
      P: 'Nghệ thuật (Mĩ thuật)',
      Q: 'Hoạt động trải nghiệm',
      R: 'Giáo dục thể chất',
      S: 'Năng lực chung',
      V: 'Năng lực đặc thù',
      AA: 'Yêu nước',
      AB: 'Nhân ái',
      AC: 'Chăm chỉ',
      AD: 'Trung thực',
      AE: 'Trách nhiệm',
    }),
    rowAt(r3, {
      F: 'Mức đạt được',
      G: 'Điểm KTĐK',
      H: 'Mức đạt được',
      I: 'Điểm KTĐK',
      J: 'Mức đạt được',
      K: 'Mức đạt được',
      L: 'Mức đạt được',
      M: 'Mức đạt được',
      N: 'Mức đạt được',
      O: 'Mức đạt được',
      P: 'Mức đạt được',
      Q: 'Mức đạt được',
      R: 'Mức đạt được',
      S: 'Tự chủ và tự học',
      T: 'Giao tiếp và hợp tác',
      U: 'Giải quyết vấn đề và sáng tạo',
      V: 'Ngôn ngữ',
      W: 'Tính toán',
      X: 'Khoa học',
      Y: 'Thẩm mĩ',
      Z: 'Thể chất',
    }),
  ];
  const merges = [
    ...['A', 'B', 'C', 'D', 'E', 'AF', 'AG', 'AH'].map((c) => merge(`${c}${r1}:${c}${r3}`)),
    ...['AA', 'AB', 'AC', 'AD', 'AE'].map((c) => merge(`${c}${r2}:${c}${r3}`)),
    merge(`F${r1}:R${r1}`),
    merge(`S${r1}:Z${r1}`),
    merge(`AA${r1}:AE${r1}`),
    merge(`F${r2}:G${r2}`),
    merge(`H${r2}:I${r2}`),
    merge(`S${r2}:U${r2}`),
    merge(`V${r2}:Z${r2}`),
  ];
  return { rows, merges };
}

/** A KQHT data row below the header. */
export function kqhtData(n: number, pupil: { code: string; name: string }): Row {
  return rowAt(n, {
    A: n,
    B: '1A',
    C: pupil.code,
    D: pupil.name,
    E: '12/05/2018',
    F: 'T',
    G: 9,
    H: 'H',
    I: 7,
    J: 'T',
    K: 'T',
    L: 'H',
    M: 'T',
    N: 'T',
    O: 'H',
    P: 'T',
    Q: 'T',
    R: 'T',
    S: 'T',
    T: 'Đ',
    U: 'T',
    V: 'T',
    W: 'Đ',
    X: 'T',
    Y: 'T',
    Z: 'C',
    AA: 'T',
    AB: 'T',
    AC: 'Đ',
    AD: 'T',
    AE: 'T',
    AF: 'x',
    AG: 'x',
    AH: 'HTT',
  });
}
