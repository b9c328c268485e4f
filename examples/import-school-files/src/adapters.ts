/** Every layout eduvn knows, for detection. */

import { k12OnlineAdapter } from '@eduvn/adapter-k12online';
import type { Adapter } from '@eduvn/adapter-kit';
import { misaClassAdapter, misaSchoolAdapter } from '@eduvn/adapter-misa';
import { c1HocSinh, csdlGiaoVien, kqhtAdapter } from '@eduvn/adapter-moet';
import { smasAdapter } from '@eduvn/adapter-smas';
import type { SchoolFile } from './import.ts';

/**
 * The adapters for one file of a school in a school year. The KQHT import holds neither its grade
 * nor its period — both are chosen in the Ministry's upload form — so a KQHT adapter is offered
 * only for a file whose grade and period the user gave (`file.form`): every grade-1 period has
 * the same columns, and guessing one would file the results under the wrong period.
 */
export function schoolAdapters(truongId: string, namHoc: string, file?: SchoolFile): Adapter[] {
  const kqht = file?.form ? [kqhtAdapter({ ...file.form, namHoc, truongId })] : [];
  return [
    c1HocSinh,
    csdlGiaoVien,
    ...kqht,
    smasAdapter({ truongId, namHoc }),
    misaClassAdapter,
    misaSchoolAdapter,
    k12OnlineAdapter,
  ];
}
