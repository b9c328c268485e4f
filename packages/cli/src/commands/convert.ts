import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { checkFiles } from '@eduvn/check';
import { asOfOf, type HintFlags, hintsOf } from '../hints.ts';
import { CliError, type CliIo } from '../io.ts';
import { adaptersFor, readRecords } from '../read-records.ts';
import { printSummary } from './validate.ts';

/** Options of `eduvn convert`. */
export interface ConvertFlags extends HintFlags {
  /** The target: an adapter id, optionally `:` and a template workbook to fill. */
  readonly to?: string | undefined;
  /** The adapter reading the input, instead of detection. */
  readonly adapter?: string | undefined;
  /** Where to write (default: beside the input, named after the target). */
  readonly out?: string | undefined;
  /** The day the input is validated as of. */
  readonly asOf?: string | undefined;
  /** Converts even when validation finds errors. */
  readonly force?: boolean | undefined;
}

/**
 * `eduvn convert <file> --to <adapter[:template]>`: validates the file (the one-call check), then
 * reads its records and writes them in the target adapter's layout — e.g. `--to moet-kqht-k12
 * --khoi 1 --ky CN --nam-hoc 2025-2026 --truong 79000701` for the national TT27 results import of
 * grade 1 at the end of the year, or `--to moet-c1-hocsinh:Template.xlsx` to fill the Ministry's
 * template. Errors stop the conversion (exit 1) unless `--force`.
 */
export async function convertCommand(
  io: CliIo,
  file: string,
  flags: ConvertFlags,
): Promise<number> {
  if (flags.to === undefined || flags.to.trim() === '')
    throw new CliError('--to <adapter[:template]> is required', 2);
  const [targetId = '', ...rest] = flags.to.split(':');
  const templatePath = rest.length > 0 ? rest.join(':') : undefined;
  const hints = hintsOf(flags);
  const asOf = asOfOf(flags.asOf);
  const [target] = adaptersFor(hints, targetId);
  if (target?.write === undefined) throw new CliError(`Adapter ${targetId} cannot write files.`, 2);
  const template =
    templatePath === undefined
      ? undefined
      : await readFile(resolve(io.cwd, templatePath)).catch(() => {
          throw new CliError(`Template ${templatePath}: no such file`);
        });

  const report = await checkFiles([resolve(io.cwd, file)], {
    hints: { ...hints, ...(flags.adapter === undefined ? {} : { adapter: flags.adapter }) },
    ...(asOf === undefined ? {} : { asOf }),
  });
  const errors = report.summary.bySeverity.error;
  if (errors > 0 || report.files.some((f) => f.status !== 'read')) {
    printSummary(io, report, 'en', 20);
    if (errors > 0 && flags.force !== true) {
      io.stderr.write(
        `\nNot converted: ${errors} error(s). Fix them, or convert anyway with --force.\n`,
      );
      return 1;
    }
  }
  const read = await readRecords([file], { cwd: io.cwd, adapter: flags.adapter, hints });
  const entities = new Set(target.entities.map((e) => e.mapping.entity));
  const byEntity = new Map<string, Record<string, unknown>[]>();
  for (const r of read.records) {
    if (!entities.has(r.entity)) continue;
    const list = byEntity.get(r.entity) ?? [];
    list.push(r.record);
    byEntity.set(r.entity, list);
  }
  if (byEntity.size === 0) {
    throw new CliError(
      `${file} holds no record ${target.id} writes (it writes ${[...entities].join(', ')}).`,
    );
  }
  if (byEntity.size > 1)
    throw new CliError(
      `${file} holds several entities ${target.id} writes; convert one at a time.`,
    );
  const [[entity, records]] = [...byEntity] as [[string, Record<string, unknown>[]]];
  let bytes: Uint8Array;
  try {
    bytes = await target.write({
      entity,
      records,
      ...(template === undefined ? {} : { template }),
    });
  } catch (error) {
    throw new CliError(`${target.id} could not write the records: ${(error as Error).message}`);
  }
  const out = resolve(
    io.cwd,
    flags.out ??
      `${basename(file, extname(file))}.${target.id}${templatePath === undefined ? '.xlsx' : extname(templatePath)}`,
  );
  await writeFile(out, bytes);
  io.stdout.write(`${records.length} ${entity} record(s) written as ${target.id} to ${out}\n`);
  return 0;
}
