import { k12OnlineAdapter } from '@eduvn/adapter-k12online';
import type { Adapter } from '@eduvn/adapter-kit';
import { misaClassAdapter, misaSchoolAdapter } from '@eduvn/adapter-misa';
import {
  c1HocSinh,
  createC1HocSinh,
  createCsdlGiaoVien,
  csdlGiaoVien,
  kqhtAdapter,
} from '@eduvn/adapter-moet';
import { smasAdapter } from '@eduvn/adapter-smas';
import type { Catalogs } from '@eduvn/standard';
import type { FileHints } from './types.ts';

/** Options of {@link defaultAdapters}. */
export interface DefaultAdapterOptions {
  /**
   * The catalogs the national database's exports code names with (default: the bundled ones) —
   * give the template's own catalog sheets to code what the bundled catalogs lack.
   */
  readonly catalogs?: Catalogs;
  /** The day the catalogs' codes must be valid on (default: their current version). */
  readonly asOf?: string;
}

/**
 * The adapters of the workspace's adapter packages offered for a file with these hints:
 *
 * - the national database's pupil export `C1-HocSinh` and staff export `CSDL_GiaoVien`
 *   (`@eduvn/adapter-moet`), always;
 * - its TT27 results import (KQHT) only with `khoi`, `kyDanhGia`, `namHoc` and `truongId`: the
 *   file holds none of them (the upload form asks for them) and every period of a grade has the
 *   same columns, so a period is never guessed;
 * - SMAS assessment exports (`@eduvn/adapter-smas`) only with `truongId`: SMAS files never hold
 *   the school's code (`namHoc`, `khoi` and `kyDanhGia` are used where the sheet's title is
 *   silent);
 * - MISA EMIS pupil lists, by class and whole-school (`@eduvn/adapter-misa`), and K12Online's
 *   account template (`@eduvn/adapter-k12online`), always.
 *
 * CSV files nobody described (`@eduvn/adapter-csv`) are read with a proposed mapping when no
 * adapter fits: see `checkFiles`.
 *
 * @param hints - what the file's sender said about it
 * @param options - catalogs for the national database's exports
 * @throws TypeError / RangeError from an adapter's factory for hints of the wrong shape
 *
 * @example
 * ```ts
 * const adapters = defaultAdapters({ khoi: 1, kyDanhGia: 'CN', namHoc: '2025-2026', truongId: '79000701' });
 * ```
 */
export function defaultAdapters(
  hints: FileHints = {},
  options: DefaultAdapterOptions = {},
): Adapter[] {
  const { khoi, kyDanhGia, namHoc, truongId } = hints;
  const catalogOptions = {
    ...(options.catalogs === undefined ? {} : { catalogs: options.catalogs }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  };
  const own = options.catalogs !== undefined;
  const out: Adapter[] = [
    own ? createC1HocSinh(catalogOptions) : c1HocSinh,
    own ? createCsdlGiaoVien(catalogOptions) : csdlGiaoVien,
  ];
  if (
    khoi !== undefined &&
    kyDanhGia !== undefined &&
    namHoc !== undefined &&
    truongId !== undefined
  ) {
    out.push(kqhtAdapter({ khoi, kyDanhGia, namHoc, truongId }));
  }
  if (truongId !== undefined) {
    out.push(
      smasAdapter({
        truongId,
        ...(namHoc === undefined ? {} : { namHoc }),
        ...(khoi === undefined ? {} : { khoi }),
        ...(kyDanhGia === undefined ? {} : { kyDanhGia }),
      }),
    );
  }
  out.push(misaClassAdapter, misaSchoolAdapter, k12OnlineAdapter);
  return out;
}
