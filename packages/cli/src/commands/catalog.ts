import { bundledCatalogs, type CatalogEntry, type Catalogs } from '@eduvn/standard';
import { adminUnitsPack } from '@eduvn/standard/admin-units';
import { CliError, type CliIo } from '../io.ts';

let cached: Catalogs | undefined;
/** The bundled catalogs with the administrative units (loaded once, on first use). */
function catalogs(): Catalogs {
  cached ??= bundledCatalogs(adminUnitsPack());
  return cached;
}

/** `'tinh'`, `'DM_TINH'`, `'dm_tinh'` → the catalog id the catalogs hold, or `undefined`. */
function catalogId(all: Catalogs, name: string): string | undefined {
  const upper = name.trim().toUpperCase();
  const ids = all.ids();
  return ids.find((id) => id === upper) ?? ids.find((id) => id === `DM_${upper}`);
}

function describe(entry: CatalogEntry): string {
  const parts = [`${entry.code}  ${entry.name}`];
  if (entry.nameEn !== undefined) parts.push(`(${entry.nameEn})`);
  if (entry.parent !== undefined)
    parts.push(`in ${entry.parentSystem ?? ''} ${entry.parent}`.trim());
  if (entry.validFrom !== undefined || entry.validTo !== undefined) {
    parts.push(`valid ${entry.validFrom ?? '…'} to ${entry.validTo ?? '…'}`);
  }
  if (entry.replaces?.length) parts.push(`replaces ${entry.replaces.join(', ')}`);
  if (entry.replacedBy?.length) parts.push(`replaced by ${entry.replacedBy.join(', ')}`);
  return parts.join('  ');
}

/** Options of `eduvn catalog`. */
export interface CatalogOptions {
  /** The day the code must be valid on (ISO date). */
  readonly asOf?: string | undefined;
}

/**
 * `eduvn catalog [name] [code]`: lists the catalogs, a catalog's codes, or looks a code up — in
 * the version that applies on `--as-of` (default: the current one), and, for a code whose meaning
 * changed (the 2025 administrative units), in every other version too.
 */
export function catalogCommand(
  io: CliIo,
  name: string | undefined,
  code: string | undefined,
  options: CatalogOptions,
): number {
  const all = catalogs();
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
    throw new CliError(`--as-of must be a date yyyy-mm-dd, got ${JSON.stringify(options.asOf)}`, 2);
  }
  const query = options.asOf === undefined ? {} : { asOf: options.asOf };
  if (name === undefined) {
    for (const id of all.ids().sort()) {
      const system = all.system(id);
      io.stdout.write(`${id.padEnd(34)} ${system?.name.en ?? ''}\n`);
    }
    return 0;
  }
  const id = catalogId(all, name);
  if (id === undefined) {
    throw new CliError(`No catalog named ${JSON.stringify(name)}; \`eduvn catalog\` lists them.`);
  }
  const system = all.system(id);
  if (code === undefined) {
    const version = all.version(id, query);
    if (version === undefined)
      throw new CliError(
        `${id} has no version in force${options.asOf ? ` on ${options.asOf}` : ''}.`,
      );
    io.stdout.write(
      `${id} — ${system?.name.vi ?? ''} / ${system?.name.en ?? ''}, version ${version.version}\n`,
    );
    for (const entry of all.entries(id, query)) io.stdout.write(`  ${describe(entry)}\n`);
    return 0;
  }
  const hit = all.lookup(id, code.trim(), query);
  const when = options.asOf === undefined ? 'now' : `on ${options.asOf}`;
  if (hit) {
    io.stdout.write(`${id} ${when} (version ${hit.version.version}): ${describe(hit.entry)}\n`);
  } else {
    io.stdout.write(`${id}: ${JSON.stringify(code)} is not a code ${when}.\n`);
  }
  // The same code in the other versions: codes were reused with another meaning in 2025.
  for (const version of system?.versions ?? []) {
    if (version.version === hit?.version.version) continue;
    const entry = version.entries.find((e) => e.code === code.trim());
    if (entry === undefined) continue;
    const span = `${version.validFrom ?? '…'} to ${version.validTo ?? '…'}`;
    io.stdout.write(`  in version ${version.version} (${span}): ${describe(entry)}\n`);
  }
  return hit ? 0 : 1;
}
