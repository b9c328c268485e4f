import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSyllable } from '../syllable.ts';
import { decodeLegacy, detectLegacy, encodeLegacy, fontEncoding } from './index.ts';

/** Real lines from school records and documents. */
const SENTENCES = [
  'Trường Tiểu học Kim Đồng',
  'Sở Giáo dục và Đào tạo thành phố Hà Nội',
  'Danh sách học sinh lớp 5A năm học 2009 - 2010',
  'Họ và tên học sinh',
  'Ngày tháng năm sinh',
  'Nơi sinh: xã Tân Phú, huyện Đức Trọng, tỉnh Lâm Đồng',
  'Điểm trung bình môn Toán học kỳ I',
  'Học sinh có hạnh kiểm tốt và học lực giỏi được khen thưởng',
  'Giáo viên chủ nhiệm nhận xét cuối năm',
  'Em ngoan, lễ phép, chăm chỉ học tập',
  'Cần rèn luyện thêm chữ viết và kỹ năng đọc',
  'Bảng tổng hợp kết quả đánh giá giáo dục',
  'Phòng Giáo dục và Đào tạo quận Ba Đình',
  'Được lên lớp thẳng',
  'Phải kiểm tra lại môn Tiếng Việt',
  'Nguyễn Văn An, Trần Thị Bích Ngọc, Lê Hoàng Long',
  'Phạm Thị Thu Hương',
  'Đỗ Minh Tuấn',
  'Hoàng Thị Mỹ Duyên',
  'Con ông Nguyễn Văn Hùng, nghề nghiệp nông dân',
  'Địa chỉ thường trú: thôn Đông, xã Yên Sở',
  'Số điện thoại của phụ huynh',
  'Xếp loại giáo dục: khá',
  'Nghỉ học có phép 3 buổi, không phép 1 buổi',
  'Trường Trung học cơ sở Nguyễn Trãi',
  'Kính gửi các bậc cha mẹ học sinh',
  'Kết quả thi học sinh giỏi cấp tỉnh',
  'Học bạ tiểu học',
  'Hiệu trưởng ký tên và đóng dấu',
  'Nữ',
  'Dân tộc Kinh, tôn giáo không',
  'Môn Ngữ văn, Lịch sử, Địa lý, Giáo dục công dân',
  'Tổng số học sinh toàn trường là 542 em',
  'Ban giám hiệu nhà trường',
];

/** Upper-case headings: TCVN3 writes them with a `…H` font, VNI with upper-case bytes. */
const HEADINGS = [
  'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'DANH SÁCH HỌC SINH ĐƯỢC KHEN THƯỞNG',
  'BẢNG ĐIỂM TỔNG KẾT HỌC KỲ II',
];

describe('fontEncoding', () => {
  it.each([
    ['.VnTime', 'tcvn3', false],
    ['.VnTimeH', 'tcvn3', true],
    ['.VnArial', 'tcvn3', false],
    ['.VnArialH', 'tcvn3', true],
    ['.VnArial NarrowH', 'tcvn3', true],
    ['.VnArial Narrow', 'tcvn3', false],
    ['.vntime', 'tcvn3', false],
    ['  .VnCentury Schoolbook ', 'tcvn3', false],
    ['VNI-Times', 'vni', false],
    ['VNI-Helve', 'vni', false],
    ['VNI Times', 'vni', false],
    ['vni-times', 'vni', false],
  ] as const)('%j is %s (upper-case font: %s)', (name, encoding, upperCaseFont) => {
    expect(fontEncoding(name)).toEqual({ encoding, upperCaseFont });
  });

  it.each(['Times New Roman', 'Arial', 'Calibri', 'VnTime', 'VNITimes', 'Tahoma', ''])(
    '%j is a Unicode font',
    (name) => {
      expect(fontEncoding(name)).toBeNull();
    },
  );
});

describe('detectLegacy by font name', () => {
  it('decides by the font name alone when one is given', () => {
    expect(detectLegacy('Hµ Néi', { fontName: '.VnTime' })).toBe('tcvn3');
    expect(detectLegacy('HÀ NỘI', { fontName: '.VnTimeH' })).toBe('tcvn3');
    expect(detectLegacy('Vieät Nam', { fontName: 'VNI-Times' })).toBe('vni');
    // Even plain ASCII in a legacy font is in that font's encoding (it decodes to itself).
    expect(detectLegacy('Lop 5A', { fontName: '.VnTime' })).toBe('tcvn3');
  });

  it('gives null for a Unicode font unless the content is asked for', () => {
    for (const fontName of ['Times New Roman', 'Arial', 'Calibri']) {
      expect(detectLegacy('Hµ Néi', { fontName })).toBeNull();
      expect(detectLegacy('Vieät Nam', { fontName })).toBeNull();
      // Legacy text pasted into a Unicode-font cell is found when the content is asked for.
      expect(detectLegacy('Tr\u00adêng TiÓu häc Kim §ång', { fontName, content: true })).toBe(
        'tcvn3',
      );
      expect(detectLegacy('Tröôøng Tieåu hoïc Kim Ñoàng', { fontName, content: true })).toBe('vni');
      expect(detectLegacy('Trường Tiểu học Kim Đồng', { fontName, content: true })).toBeNull();
    }
  });

  it('looks at nothing without a font name unless content is asked for', () => {
    expect(detectLegacy('Tr\u00adêng TiÓu häc Kim §ång')).toBeNull();
    expect(detectLegacy('Tr\u00adêng TiÓu häc Kim §ång', { content: false })).toBeNull();
    expect(detectLegacy('Tr\u00adêng TiÓu häc Kim §ång', { fontName: '', content: true })).toBe(
      'tcvn3',
    );
  });
});

describe('detectLegacy by content', () => {
  it.each(SENTENCES)('finds TCVN3 and VNI in %j, and nothing in the Unicode', (sentence) => {
    const tcvn3 = encodeLegacy(sentence, 'tcvn3');
    const vni = encodeLegacy(sentence, 'vni');
    expect(detectLegacy(tcvn3, { content: true }), tcvn3).toBe('tcvn3');
    expect(detectLegacy(vni, { content: true }), vni).toBe('vni');
    expect(detectLegacy(sentence, { content: true })).toBeNull();
    expect(decodeLegacy(tcvn3, 'tcvn3')).toBe(sentence);
    expect(decodeLegacy(vni, 'vni')).toBe(sentence);
  });

  it.each(HEADINGS)('finds upper-case-font TCVN3 and upper-case VNI in %j', (heading) => {
    const tcvn3 = encodeLegacy(heading, 'tcvn3', { upperCaseFont: true });
    expect(detectLegacy(tcvn3, { content: true }), tcvn3).toBe('tcvn3');
    expect(decodeLegacy(tcvn3, 'tcvn3', { upperCaseFont: true })).toBe(heading.toUpperCase());
    expect(detectLegacy(encodeLegacy(heading, 'vni'), { content: true })).toBe('vni');
    expect(detectLegacy(heading, { content: true })).toBeNull();
  });

  it('finds the encoding of a column of names joined together', () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Long', 'Phạm Thu Hương'];
    for (const encoding of ['tcvn3', 'vni'] as const) {
      const column = names.map((n) => encodeLegacy(n, encoding)).join('\n');
      expect(detectLegacy(column, { content: true })).toBe(encoding);
    }
  });

  it('reads Windows-1252 characters in TCVN3 text', () => {
    expect(detectLegacy('“Hµ Néi” – Thñ ®« ngh×n n¨m v¨n hiÕn', { content: true })).toBe('tcvn3');
  });

  it.each([
    '',
    'Lop 5A - Nam hoc 2009-2010',
    'Email: hs001@truong.edu.vn',
    'Café crème, Müller, Señor José',
    '© 2010 « ABC »',
    '25°C, ½ kg',
    'ù ø û',
    'Hoa Mai',
    'Việt Nam',
    'Trường Tiểu học Kim Đồng'.normalize('NFD'),
    'Cá mè, tôi là Bé',
  ])('gives null for %j', (text) => {
    expect(detectLegacy(text, { content: true })).toBeNull();
  });

  it('gives null when both decodings are equally plausible', () => {
    // 'kaû' is TCVN3 kaỷ and VNI kả; neither reading makes more syllables than the other.
    expect(detectLegacy('kaû gêt dâp', { content: true })).toBeNull();
  });
});

// Vietnamese syllables from their parts: onset, nucleus (open ones take no coda), coda, tone.
const ONSETS = [
  '',
  ...'b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x'.split(' '),
];
const OPEN_NUCLEI = [
  ...'a ai ao au ay âu ây e eo ê êu i ia iu o oi ô ôi ơ ơi u ua ui ư ưa ưi ưu y'.split(' '),
  ...'iêu yêu oai oay uôi ươi ươu oa oe uy uê'.split(' '),
];
const CLOSED_NUCLEI = 'a ă â e ê i o ô ơ u ư y iê yê oa oă oe uâ uê uô ươ uy uyê'.split(' ');
const CODAS = 'c ch m n ng nh p t'.split(' ');
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

const syllable = fc
  .record({
    onset: fc.constantFrom(...ONSETS),
    rhyme: fc.oneof(
      fc.tuple(fc.constantFrom(...OPEN_NUCLEI), fc.constant('')),
      fc.tuple(fc.constantFrom(...CLOSED_NUCLEI), fc.constantFrom(...CODAS)),
    ),
    tone: fc.constantFrom(...TONES),
    toneAt: fc.nat(),
    casing: fc.constantFrom('lower', 'title', 'upper'),
  })
  .map(({ onset, rhyme: [nucleus, coda], tone, toneAt, casing }) => {
    const at = toneAt % nucleus.length;
    const toned = [...nucleus].map((v, i) => (i === at ? v + tone : v)).join('');
    const word = (onset + toned + coda).normalize('NFC');
    if (casing === 'upper') return word.toUpperCase();
    if (casing === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
    return word;
  });

const sentence = fc
  .array(fc.tuple(syllable, fc.constantFrom(' ', ' ', ', ', '. ', ' - ', '\n')), {
    minLength: 1,
    maxLength: 15,
  })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

describe('detectLegacy properties', () => {
  it('the generator makes well-formed syllables', () => {
    fc.assert(fc.property(syllable, (w) => parseSyllable(w) !== null));
  });

  it('never finds an encoding in Unicode Vietnamese text, NFC or NFD', () => {
    fc.assert(
      fc.property(sentence, fc.boolean(), (text, nfd) => {
        expect(detectLegacy(nfd ? text.normalize('NFD') : text, { content: true })).toBeNull();
      }),
    );
  });

  it('never finds an encoding in ASCII text', () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      maxLength: 200,
    });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(detectLegacy(text, { content: true })).toBeNull();
      }),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(['tcvn3', 'vni', null]).toContain(detectLegacy(text, { content: true }));
      }),
    );
  });
});

describe('detectLegacy bad inputs', () => {
  it('handles 10,000-character texts', () => {
    const unicode = SENTENCES.join('. ').repeat(10).slice(0, 10_000);
    expect(unicode).toHaveLength(10_000);
    expect(detectLegacy(unicode, { content: true })).toBeNull();
    expect(detectLegacy(encodeLegacy(unicode, 'tcvn3'), { content: true })).toBe('tcvn3');
    expect(detectLegacy(encodeLegacy(unicode, 'vni'), { content: true })).toBe('vni');
    expect(detectLegacy('ù'.repeat(10_000), { content: true })).toBeNull();
    expect(detectLegacy('a'.repeat(10_000), { content: true })).toBeNull();
  });

  it('handles lone combining marks and lone VNI marks', () => {
    expect(detectLegacy('\u0301', { content: true })).toBeNull();
    expect(detectLegacy('\u0301\u0323 \u0302', { content: true })).toBeNull();
    expect(detectLegacy('ù', { content: true })).toBeNull();
    expect(detectLegacy('Ø', { content: true })).toBeNull();
  });
});
