/**
 * Deterministic generated Vietnamese names for benchmarks: realistic family, middle and given names,
 * both tone styles, some NFD text, irregular case and white space, as spreadsheets deliver them.
 * Generated people only — no real records.
 */

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Lương',
  'Mai',
];
const MIDDLE = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Ngọc',
  'Thanh',
  'Quốc',
  'Gia',
  'Bảo',
  'Thu',
  'Hoài',
  'Xuân',
  'Thuỳ',
  'Khánh',
  'Tuấn',
  'Phương',
  'Anh',
  'Diệu',
  'Trọng',
];
const GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Chi',
  'Dũng',
  'Hoà',
  'Hòa',
  'Thuỷ',
  'Thủy',
  'Khoa',
  'Huyền',
  'Ngọc',
  'Long',
  'Nam',
  'Hải',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'My',
  'Nhung',
  'Phúc',
  'Quân',
  'Quý',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tú',
  'Vy',
  'Yến',
  'Khoẻ',
  'Khỏe',
  'Huy',
  'Hưng',
  'Đạt',
  'Đức',
  'Giang',
  'Hà',
  'Hạnh',
  'Khôi',
  'Kiên',
  'Lộc',
  'Minh',
  'Ngân',
  'Nhi',
  'Oanh',
  'Phong',
  'Quỳnh',
  'Thắng',
  'Thịnh',
  'Thư',
  'Toàn',
  'Tuệ',
  'Uyên',
  'Việt',
  'Xuân',
  'Ý',
  'Nguyên',
  'Duy',
];

/** mulberry32: a tiny seeded PRNG, so every run measures the same strings. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` names; about 10% NFD, 10% upper case, 10% with stray white space or NBSP. */
export function generateNames(count: number, seed = 20261128): string[] {
  const random = prng(seed);
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
  const names = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const parts = [pick(FAMILY), pick(MIDDLE)];
    if (random() < 0.4) parts.push(pick(MIDDLE));
    parts.push(pick(GIVEN));
    const r = random();
    let name = parts.join(r < 0.1 ? '  ' : r < 0.15 ? '\u00A0' : ' ');
    const form = random();
    if (form < 0.1) name = name.normalize('NFD');
    else if (form < 0.2) name = name.toUpperCase();
    if (random() < 0.05) name = ` ${name}\t`;
    names[i] = name;
  }
  return names;
}
