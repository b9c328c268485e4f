/** `map[key]` when `key` is the map's own property (never an inherited one such as `toString`). */
export function own<V>(map: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}
