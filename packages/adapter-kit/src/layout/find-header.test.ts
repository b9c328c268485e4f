import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../workbook/types.ts';
import { findHeader } from './find-header.ts';
import { kqhtData, kqhtHeader, row } from './rows.test-helper.ts';
import type { HeaderTerm } from './types.ts';

const PUPIL_TERMS: HeaderTerm[] = [
  { label: 'STT' },
  { label: 'Mã học sinh', aliases: ['Mã HS'] },
  { label: 'Họ tên', aliases: ['Họ và tên'] },
  { label: 'Ngày sinh' },
  { label: 'Giới tính' },
  { label: 'Dân tộc' },
];

/** A class list with the usual title block: header on row 9, data from row 10. */
function classList(): Row[] {
  return [
    row(1, [
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI',
      undefined,
      undefined,
      undefined,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ]),
    row(2, [
      'TRƯỜNG TIỂU HỌC KIM ĐỒNG',
      undefined,
      undefined,
      undefined,
      'Độc lập - Tự do - Hạnh phúc',
    ]),
    row(4, ['DANH SÁCH HỌC SINH']),
    row(5, ['Năm học 2024 - 2025']),
    row(8, ['Lớp: 1A', undefined, undefined, 'Giáo viên chủ nhiệm: Nguyễn Thị Lan']),
    row(9, ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc']),
    row(10, [1, '0110001', 'Nguyễn Văn An', '12/05/2018', 'Nam', 'Kinh']),
    row(11, [2, '0110002', 'Trần Thị Bình', '03/11/2018', 'Nữ', 'Tày']),
  ];
}

describe('findHeader', () => {
  it('finds a header on row 9 below a title block, not the rows above it', () => {
    const header = findHeader(classList(), PUPIL_TERMS);
    expect(header).toBeDefined();
    expect(header?.firstRow).toBe(9);
    expect(header?.lastRow).toBe(9);
    expect(header?.score).toBe(6);
    expect(header?.matched.get('Họ tên')?.letter).toBe('C');
    expect(header?.columns.map((c) => c.label)).toEqual([
      'STT',
      'Mã học sinh',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
    ]);
  });

  it('matches NFD headers with line breaks and (*) markers', () => {
    const rows = [
      row(3, [
        'Mã HS',
        'Họ và tên (*)'.normalize('NFD'),
        'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)'.normalize('NFD'),
        'NGÀY SINH (*)',
      ]),
      row(4, ['01', 'Lê Văn Cường', 'Tỉnh Hòa Bình', '01/01/2018']),
    ];
    const header = findHeader(rows, [
      ...PUPIL_TERMS,
      { label: 'Tỉnh/Thành phố (Theo địa chỉ thường trú)' },
    ]);
    expect(header?.firstRow).toBe(3);
    expect(header?.matched.get('Mã học sinh')?.letter).toBe('A');
    expect(header?.matched.get('Họ tên')?.letter).toBe('B');
    expect(header?.matched.get('Tỉnh/Thành phố (Theo địa chỉ thường trú)')?.letter).toBe('C');
    expect(header?.matched.get('Ngày sinh')?.letter).toBe('D');
    expect(header?.columns[2]?.label).toBe('Tỉnh/Thành phố (Theo địa chỉ thường trú)');
  });

  it('matches a header without its remark in parentheses loosely', () => {
    const rows = [row(1, ['Mã học sinh', 'Họ tên', 'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)'])];
    const header = findHeader(rows, [...PUPIL_TERMS, { label: 'Tỉnh/Thành phố' }]);
    expect(header?.matched.get('Tỉnh/Thành phố')?.letter).toBe('C');
  });

  it('ignores tone placement (hoà/hòa, thuỷ/thủy)', () => {
    const rows = [row(1, ['Mã học sinh', 'Họ tên', 'Khuyết tật hoà nhập', 'Hỗ trợ thuỷ lợi phí'])];
    const header = findHeader(rows, [
      { label: 'Mã học sinh' },
      { label: 'Khuyết tật hòa nhập' },
      { label: 'Hỗ trợ thủy lợi phí' },
    ]);
    expect(header?.score).toBe(3);
    expect(header?.matched.get('Khuyết tật hòa nhập')?.letter).toBe('C');
    expect(header?.matched.get('Hỗ trợ thủy lợi phí')?.letter).toBe('D');
  });

  it('finds nothing when too few terms appear', () => {
    const rows = [row(1, ['Tên trường', 'Địa chỉ']), row(2, ['Kim Đồng', 'Hà Nội'])];
    expect(findHeader(rows, PUPIL_TERMS)).toBeUndefined();
    expect(findHeader([], PUPIL_TERMS)).toBeUndefined();
    expect(findHeader(classList(), [])).toBeUndefined();
    expect(findHeader([row(1, ['Họ tên', 'X'])], PUPIL_TERMS)).toBeUndefined();
    expect(findHeader([row(1, ['Họ tên', 'X'])], PUPIL_TERMS, { minScore: 1 })?.score).toBe(1);
  });

  it('rejects options out of range', () => {
    expect(() => findHeader([], PUPIL_TERMS, { maxHeaderRows: 0 })).toThrow(RangeError);
    expect(() => findHeader([], PUPIL_TERMS, { minScore: 0.5 })).toThrow(RangeError);
  });

  it('leaves out phantom columns at the right, keeps unlabelled columns with data', () => {
    const rows = [
      row(1, ['Mã học sinh', 'Họ tên', '', undefined, '', '', { value: '', font: 'Arial' }]),
      row(2, ['001', 'Phạm Thu', undefined, 'ghi chú', '', '']),
      row(3, ['002', 'Lý Hoa', '', '', '', '']),
    ];
    const header = findHeader(rows, PUPIL_TERMS);
    expect(header?.columns.map((c) => [c.letter, c.label])).toEqual([
      ['A', 'Mã học sinh'],
      ['B', 'Họ tên'],
      ['D', ''],
    ]);
  });

  describe('the KQHT template (three header rows, merged)', () => {
    const ROW1_TERMS: HeaderTerm[] = [
      { label: 'STT' },
      { label: 'Mã lớp' },
      { label: 'Mã học sinh' },
      { label: 'Họ tên' },
      { label: 'Ngày sinh' },
    ];

    function sheet(): Row[] {
      const { rows } = kqhtHeader(3);
      return [
        row(1, ['KẾT QUẢ HỌC TẬP CUỐI NĂM HỌC']),
        ...rows,
        kqhtData(6, { code: '0110001', name: 'Nguyễn Văn An' }),
        kqhtData(7, { code: '0110002', name: 'Trần Thị Bình' }),
      ];
    }

    const EXPECTED: Record<string, string[]> = {
      C: ['Mã học sinh'],
      F: ['Môn học và hoạt động giáo dục', 'Toán', 'Mức đạt được'],
      G: ['Môn học và hoạt động giáo dục', 'Toán', 'Điểm KTĐK'],
      I: ['Môn học và hoạt động giáo dục', 'Tiếng việt', 'Điểm KTĐK'],
      J: ['Môn học và hoạt động giáo dục', 'Đạo đức', 'Mức đạt được'],
      R: ['Môn học và hoạt động giáo dục', 'Giáo dục thể chất', 'Mức đạt được'],
      S: ['Năng lực cốt lõi', 'Năng lực chung', 'Tự chủ và tự học'],
      U: ['Năng lực cốt lõi', 'Năng lực chung', 'Giải quyết vấn đề và sáng tạo'],
      V: ['Năng lực cốt lõi', 'Năng lực đặc thù', 'Ngôn ngữ'],
      Z: ['Năng lực cốt lõi', 'Năng lực đặc thù', 'Thể chất'],
      AA: ['Phẩm chất chủ yếu', 'Yêu nước'],
      AE: ['Phẩm chất chủ yếu', 'Trách nhiệm'],
      AF: ['Hoàn thành chương trình lớp học'],
      AH: ['Xếp loại'],
    };

    function pathsOf(header: ReturnType<typeof findHeader>): Record<string, readonly string[]> {
      return Object.fromEntries((header?.columns ?? []).map((c) => [c.letter, c.path]));
    }

    it('flattens the header into paths with the merged ranges', () => {
      const { merges } = kqhtHeader(3);
      const header = findHeader(sheet(), ROW1_TERMS, { merges });
      expect(header?.firstRow).toBe(3);
      expect(header?.lastRow).toBe(5);
      expect(header?.columns).toHaveLength(34);
      expect(pathsOf(header)).toMatchObject(EXPECTED);
      expect(header?.columns.find((c) => c.letter === 'G')?.label).toBe(
        'Môn học và hoạt động giáo dục › Toán › Điểm KTĐK',
      );
    });

    it('flattens the header into the same paths without merges (fill-right)', () => {
      const header = findHeader(sheet(), ROW1_TERMS);
      expect(header?.firstRow).toBe(3);
      expect(header?.lastRow).toBe(5);
      expect(pathsOf(header)).toMatchObject(EXPECTED);
    });

    it('finds path terms, skipping upper rows, and keeps same-named leaves apart', () => {
      const header = findHeader(sheet(), [
        ...ROW1_TERMS,
        { label: 'Toán › Mức đạt được', paths: [['Toán', 'Mức đạt được']] },
        { label: 'Toán › Điểm KTĐK', paths: [['Toán', 'Điểm KTĐK']] },
        { label: 'TV › Điểm', paths: [['Tiếng Việt', 'Điểm KTĐK']] },
        { label: 'Khoa học', paths: [['Năng lực đặc thù', 'Khoa học']] },
        { label: 'Yêu nước' },
      ]);
      expect(header?.score).toBe(10);
      expect(header?.matched.get('Toán › Mức đạt được')?.letter).toBe('F');
      expect(header?.matched.get('Toán › Điểm KTĐK')?.letter).toBe('G');
      expect(header?.matched.get('TV › Điểm')?.letter).toBe('I');
      expect(header?.matched.get('Khoa học')?.letter).toBe('X');
      expect(header?.matched.get('Yêu nước')?.letter).toBe('AA');
    });

    it('stops at the data even when the vocabulary knows only sub-headers', () => {
      const header = findHeader(sheet(), [
        { label: 'Tự chủ và tự học' },
        { label: 'Giao tiếp và hợp tác' },
        { label: 'x', paths: [['Toán', 'Mức đạt được']] },
      ]);
      expect(header?.firstRow).toBe(3);
      expect(header?.lastRow).toBe(5);
      expect(header?.score).toBe(3);
    });
  });

  it('survives hostile header texts', () => {
    const huge = 'Họ tên '.repeat(1500);
    const rows = [
      row(1, [
        '__proto__',
        'constructor',
        'Mã học sinh',
        'Họ tên',
        huge,
        'toString',
        'hasOwnProperty',
      ]),
      row(2, ['a', 'b', '001', 'An', 'x', 'y', 'z']),
    ];
    const header = findHeader(rows, [...PUPIL_TERMS, { label: '__proto__' }]);
    expect(header?.score).toBe(3);
    expect(header?.matched.get('__proto__')?.letter).toBe('A');
    expect(header?.columns).toHaveLength(7);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('findHeader (properties)', () => {
  const HEADERS = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc'];
  const variant = fc.constantFrom<(s: string) => string>(
    (s) => s,
    (s) => s.normalize('NFD'),
    (s) => s.toUpperCase(),
    (s) => `${s} (*)`,
    (s) => s.replace(' ', '\n'),
    (s) => ` ${s}\u00A0`,
  );

  it('finds the header below any title block, however its texts are written', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'DANH SÁCH HỌC SINH',
            'Năm học 2024 - 2025',
            'Lớp 3B',
            'TRƯỜNG TIỂU HỌC KIM ĐỒNG',
          ),
          { maxLength: 10 },
        ),
        fc.array(variant, { minLength: HEADERS.length, maxLength: HEADERS.length }),
        (titles, variants) => {
          const rows = titles.map((t, i) => row(i + 1, [t]));
          const at = titles.length + 2;
          rows.push(
            row(
              at,
              HEADERS.map((h, i) => (variants[i] ?? ((s: string) => s))(h)),
            ),
          );
          rows.push(row(at + 1, [1, '0110001', 'Nguyễn Văn An', '12/05/2018', 'Nam', 'Kinh']));
          const header = findHeader(rows, PUPIL_TERMS);
          expect(header?.firstRow).toBe(at);
          expect(header?.lastRow).toBe(at);
          expect(header?.score).toBe(6);
        },
      ),
    );
  });
});
