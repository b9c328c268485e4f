/** A catalog pack that is not valid JSON of the pack format, with every problem found. */
export class CatalogPackError extends Error {
  override readonly name = 'CatalogPackError';
  /** The pack's name, or `'(unnamed pack)'`. */
  readonly pack: string;
  /** Each problem: where in the pack (a JSON path) and what is wrong. */
  readonly problems: readonly { readonly path: string; readonly message: string }[];

  constructor(
    pack: string,
    problems: readonly { readonly path: string; readonly message: string }[],
  ) {
    const shown = problems
      .slice(0, 5)
      .map((p) => `${p.path || '(root)'}: ${p.message}`)
      .join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`Catalog pack ${pack} is not valid: ${shown}${more}`);
    this.pack = pack;
    this.problems = problems;
  }
}

/**
 * Two packs define the same code of the same catalog version differently. Packs may add versions
 * and codes, never silently rewrite history; pass `{ onConflict: 'replace' }` to let the later
 * pack win.
 */
export class CatalogConflictError extends Error {
  override readonly name = 'CatalogConflictError';
  /** The code system. */
  readonly system: string;
  /** The version. */
  readonly version: string;
  /** The code defined twice (or `undefined` when the version's own data differ). */
  readonly code: string | undefined;

  constructor(system: string, version: string, code: string | undefined, detail: string) {
    super(
      `Catalog ${system} version ${version}${code === undefined ? '' : ` code ${JSON.stringify(code)}`} is defined differently by two packs: ${detail}`,
    );
    this.system = system;
    this.version = version;
    this.code = code;
  }
}
