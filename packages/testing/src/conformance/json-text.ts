const WIDTH = 100;

const isPrimitive = (v: unknown): boolean => v === null || typeof v !== 'object';

/**
 * JSON text laid out as the repository's formatter (Biome, line width 100) lays it out, so that the
 * generated files pass `biome check` unchanged: objects one key per line, arrays of plain values on
 * one line when they fit (one value per line when they do not), other arrays one item per line,
 * two-space indentation, a final newline.
 *
 * @internal
 */
export function jsonText(value: unknown): string {
  return `${print(value, '', 0, false)}\n`;
}

/** `column`: where the value starts on its line; `comma`: whether a comma follows it. */
function print(value: unknown, indent: string, column: number, comma: boolean): string {
  if (isPrimitive(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (column + flat.length + (comma ? 1 : 0) <= WIDTH) return flat;
    }
    const items = value.map(
      (v, i) => `${inner}${print(v, inner, inner.length, i < value.length - 1)}`,
    );
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value as object);
  if (keys.length === 0) return '{}';
  const entries = keys.map((key, i) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    const v = (value as Record<string, unknown>)[key];
    return `${head}${print(v, inner, head.length, i < keys.length - 1)}`;
  });
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
