import { describe, expect, it } from 'vitest';
import {
  KQHT_LAYOUT_K12,
  KQHT_LAYOUT_K345,
  KQHT_LAYOUTS,
  kqhtLayoutForGrade,
  traitsOf,
} from './layout.ts';

const k12 = KQHT_LAYOUTS[KQHT_LAYOUT_K12];
const k345 = KQHT_LAYOUTS[KQHT_LAYOUT_K345];
const at = (letter: string) => k12.columns.find((c) => c.letter === letter);

describe('the grade 1–2 KQHT layout', () => {
  it('has 35 columns, A to AI', () => {
    expect(k12.columns).toHaveLength(35);
    expect(k12.columns[0]?.letter).toBe('A');
    expect(k12.columns.at(-1)).toEqual({ letter: 'AI', header: [], value: 'blank' });
  });

  it('has the template’s first header row, its groups merged across their columns', () => {
    const row1 = k12.headerRows[0] ?? [];
    expect(row1.slice(0, 6)).toEqual([
      'STT',
      'Mã lớp',
      'Mã học sinh',
      'Họ tên',
      'Ngày sinh',
      'Môn học và hoạt động giáo dục',
    ]);
    expect(row1[18]).toBe('Năng lực cốt lõi'); // S
    expect(row1[26]).toBe('Phẩm chất chủ yếu'); // AA
    expect(row1.slice(31)).toEqual([
      'Hoàn thành\nchương trình lớp học',
      'Lên lớp',
      'Xếp loại',
      null,
    ]);
    expect(k12.merges).toEqual(
      expect.arrayContaining(['F1:R1', 'S1:Z1', 'AA1:AE1', 'AF1:AF3', 'AG1:AG3', 'AH1:AH3']),
    );
  });

  it('has the second and third rows: subjects, competency groups, qualities, levels and tests', () => {
    const row2 = k12.headerRows[1] ?? [];
    const row3 = k12.headerRows[2] ?? [];
    expect(row2.slice(5, 18)).toEqual([
      'Toán',
      null,
      'Tiếng việt',
      null,
      'Đạo đức',
      'Tự nhiên và xã hội',
      'Ngoại ngữ',
      'Tiếng dân tộc',
      'TH-CN (Tin học)',
      'Nghệ thuật (Âm nhạc)',
      'Nghệ thuật (Mĩ thuật)',
      'Hoạt động trải nghiệm',
      'Giáo dục thể chất',
    ]);
    expect(row3.slice(5, 9)).toEqual(['Mức đạt được', 'Điểm KTĐK', 'Mức đạt được', 'Điểm KTĐK']);
    expect(row3.slice(9, 18).every((t) => t === 'Mức đạt được')).toBe(true);
    expect(row2[18]).toBe('Năng lực chung');
    expect(row2[21]).toBe('Năng lực đặc thù');
    expect(row3.slice(18, 26)).toEqual([
      'Tự chủ và tự học',
      'Giao tiếp và hợp tác',
      'Giải quyết vấn đề và sáng tạo',
      'Ngôn ngữ',
      'Tính toán',
      'Khoa học',
      'Thẩm mĩ',
      'Thể chất',
    ]);
    expect(row2.slice(26, 31)).toEqual([
      'Yêu nước',
      'Nhân ái',
      'Chăm chỉ',
      'Trung thực',
      'Trách nhiệm',
    ]);
    expect(k12.merges).toEqual([
      'A1:A3',
      'B1:B3',
      'C1:C3',
      'D1:D3',
      'E1:E3',
      'F2:G2',
      'H2:I2',
      'F1:R1',
      'S2:U2',
      'V2:Z2',
      'S1:Z1',
      'AA2:AA3',
      'AB2:AB3',
      'AC2:AC3',
      'AD2:AD3',
      'AE2:AE3',
      'AA1:AE1',
      'AF1:AF3',
      'AG1:AG3',
      'AH1:AH3',
    ]);
  });

  it('says what every column holds', () => {
    expect(at('F')).toEqual({
      letter: 'F',
      header: ['Môn học và hoạt động giáo dục', 'Toán', 'Mức đạt được'],
      value: 'mucDat:TOAN',
    });
    expect(at('G')?.value).toBe('diemKtdk:TOAN');
    expect(at('I')?.value).toBe('diemKtdk:TIENG_VIET');
    expect(at('N')?.value).toBe('mucDat:TIN_HOC_CONG_NGHE');
    expect(at('S')?.value).toBe('nlTuChuTuHoc');
    expect(at('Z')?.value).toBe('nlTheChat');
    expect(at('AA')).toEqual({
      letter: 'AA',
      header: ['Phẩm chất chủ yếu', 'Yêu nước'],
      value: 'pcYeuNuoc',
    });
    expect(['AF', 'AG', 'AH'].map((l) => at(l)?.value)).toEqual([
      'hoanThanhChuongTrinhLopHoc',
      'lenLop',
      'ketQuaCuoiNam',
    ]);
  });
});

describe('the grade 3–5 KQHT layout (best known)', () => {
  it('adds the Công nghệ and Tin học competencies, more tested subjects, and reads the ID as Mã định danh', () => {
    expect(k345.columns).toHaveLength(43);
    expect(k345.columns.at(-1)?.letter).toBe('AQ');
    expect(k345.headerRows[0]?.[2]).toBe('Mã định danh\nBộ GD&ĐT');
    expect(k345.specificCompetencies.map((t) => t.field)).toEqual([
      'nlNgonNgu',
      'nlTinhToan',
      'nlKhoaHoc',
      'nlCongNghe',
      'nlTinHoc',
      'nlThamMi',
      'nlTheChat',
    ]);
    expect(k345.subjects.filter((s) => s.test).map((s) => s.code)).toEqual([
      'TOAN',
      'TIENG_VIET',
      'LICH_SU_DIA_LI',
      'KHOA_HOC',
      'NGOAI_NGU_1',
      'TIN_HOC_CONG_NGHE',
    ]);
    expect(traitsOf(k345)).toHaveLength(15);
    expect(traitsOf(k12)).toHaveLength(13);
  });

  it('merges every group over exactly its columns, without overlaps', () => {
    for (const layout of [k12, k345]) {
      const cells = new Set<string>();
      for (const range of layout.merges) {
        const [from = '', to = ''] = range.split(':');
        const row = (ref: string) => Number(ref.replace(/[A-Z]+/, ''));
        const col = (ref: string) =>
          layout.columns.findIndex((c) => c.letter === ref.replace(/\d+/, ''));
        for (let r = row(from); r <= row(to); r++) {
          for (let c = col(from); c <= col(to); c++) {
            const key = `${r}:${c}`;
            expect(cells.has(key), `${layout.id} ${range}`).toBe(false);
            cells.add(key);
          }
        }
      }
    }
  });
});

describe('kqhtLayoutForGrade', () => {
  it('gives the grade 1–2 layout to grades 1 and 2, the other to grades 3 to 5', () => {
    expect([1, 2, 3, 4, 5].map((k) => kqhtLayoutForGrade(k).id)).toEqual([
      KQHT_LAYOUT_K12,
      KQHT_LAYOUT_K12,
      KQHT_LAYOUT_K345,
      KQHT_LAYOUT_K345,
      KQHT_LAYOUT_K345,
    ]);
  });
});
