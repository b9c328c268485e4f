import type { Notes, SchoolRecords } from './input.ts';

/** A school site as the EQMS site tables name it. */
export interface Site {
  readonly id: string;
  readonly name: string | undefined;
}

/** The EQMS limit on site names (`TEN_DIEM_TRUONG`, 50 characters). */
const NAME_LIMIT = 50;

/**
 * The school's sites: those of the school record (`Truong.diemTruongs`), then any other site code
 * that a class or facility record names. Names longer than the EQMS limit of 50 characters are
 * shortened (and noted).
 */
export function sitesOf(school: SchoolRecords, notes: Notes): Site[] {
  const sites = new Map<string, string | undefined>();
  for (const s of school.truong?.diemTruongs ?? []) {
    if (s.diemTruongId !== undefined && !sites.has(s.diemTruongId))
      sites.set(s.diemTruongId, s.ten);
  }
  for (const r of [...school.lops, ...school.coSoVatChats]) {
    if (r.diemTruongId !== undefined && !sites.has(r.diemTruongId))
      sites.set(r.diemTruongId, undefined);
  }
  return [...sites].map(([id, name]) => {
    if (name !== undefined && [...name].length > NAME_LIMIT) {
      notes.add(
        'site-name-shortened',
        `Site names longer than ${NAME_LIMIT} characters (the EQMS limit) were shortened.`,
      );
      return { id, name: [...name].slice(0, NAME_LIMIT).join('') };
    }
    return { id, name };
  });
}
