/**
 * Reading the generated data modules (`data/*.ts`): one unit or one mapping per line, fields
 * separated by `|`. Internal to the admin-units subpath.
 *
 * @internal
 * @module
 */

/** One unit of a data line `code|name|parent|type[|nameEn]`. */
export interface UnitLine {
  /** The unit's code. */
  readonly code: string;
  /** Its name, as the source writes it. */
  readonly name: string;
  /** The parent unit's code; `''` for a province. */
  readonly parent: string;
  /** The unit type (`'Tỉnh'`, `'Quận'`, `'Phường'`, `'Đặc khu'`, …). */
  readonly type: string;
  /** An English name, where the source has one. */
  readonly nameEn: string | undefined;
}

function lines(data: string): string[] {
  return data.split('\n').filter((l) => l !== '');
}

/** The units of a data string, in the source's order. */
export function parseUnits(data: string): UnitLine[] {
  return lines(data).map((l) => {
    const [code = '', name = '', parent = '', type = '', nameEn] = l.split('|');
    return { code, name, parent, type, nameEn };
  });
}

/** The links of a mapping string `old|new,new`: old code → new codes, in the source's order. */
export function parseLinks(data: string): Map<string, readonly string[]> {
  return new Map(
    lines(data).map((l) => {
      const bar = l.indexOf('|');
      return [l.slice(0, bar), l.slice(bar + 1).split(',')] as const;
    }),
  );
}
