import type { FileHints } from '@eduvn/check';
import { CliError } from './io.ts';

/** The hint flags shared by the commands that read files. */
export interface HintFlags {
  /** `--khoi`: the grade 1–5 of a KQHT/SMAS file. */
  readonly khoi?: string | undefined;
  /** `--ky`: the TT27 period (GK1, CK1, GK2, CN). */
  readonly ky?: string | undefined;
  /** `--nam-hoc`: the school year `yyyy-yyyy`. */
  readonly namHoc?: string | undefined;
  /** `--truong`: the school's code. */
  readonly truong?: string | undefined;
}

const PERIODS = ['GK1', 'CK1', 'GK2', 'CN'] as const;

/** Checks the hint flags and turns them into `FileHints`. */
export function hintsOf(flags: HintFlags): FileHints {
  const hints: { -readonly [K in keyof FileHints]: FileHints[K] } = {};
  if (flags.khoi !== undefined) {
    const khoi = Number(flags.khoi);
    if (!Number.isInteger(khoi) || khoi < 1 || khoi > 5)
      throw new CliError(`--khoi must be a grade 1–5, got ${JSON.stringify(flags.khoi)}`, 2);
    hints.khoi = khoi;
  }
  if (flags.ky !== undefined) {
    const ky = flags.ky.toUpperCase();
    if (!(PERIODS as readonly string[]).includes(ky))
      throw new CliError(
        `--ky must be one of ${PERIODS.join(', ')}, got ${JSON.stringify(flags.ky)}`,
        2,
      );
    hints.kyDanhGia = ky as (typeof PERIODS)[number];
  }
  if (flags.namHoc !== undefined) {
    const m = /^(\d{4})-(\d{4})$/.exec(flags.namHoc);
    if (m === null || Number(m[2]) !== Number(m[1]) + 1)
      throw new CliError(
        `--nam-hoc must be a school year yyyy-yyyy, got ${JSON.stringify(flags.namHoc)}`,
        2,
      );
    hints.namHoc = flags.namHoc;
  }
  if (flags.truong !== undefined) hints.truongId = flags.truong;
  return hints;
}

/** Checks an `--as-of` date. */
export function asOfOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CliError(`--as-of must be a date yyyy-mm-dd, got ${JSON.stringify(value)}`, 2);
  }
  return value;
}
