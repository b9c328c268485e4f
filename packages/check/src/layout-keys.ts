/**
 * Adds a record's keys to the fields its layout carries: `noteKeys(carried, record)` does what
 * `for (const key in record) carried.add(key)` does. A file's records mostly have the keys of the
 * record before, in the same order: a key that is the one at its place in the record before (for
 * the same set) is in the set already and is not looked up; only the others are.
 *
 * @returns a function keeping the keys of the last record it was given (one per check run)
 * @internal
 */
export function keyNoter(): (carried: Set<string>, record: object) => void {
  let lastCarried: Set<string> | undefined;
  // The keys of the last record noted in `lastCarried`, in order: every one of them is in it.
  const lastKeys: string[] = [];
  return (carried, record) => {
    if (carried !== lastCarried) {
      lastCarried = carried;
      lastKeys.length = 0;
    }
    let i = 0;
    for (const key in record) {
      if (lastKeys[i] !== key) {
        if (!carried.has(key)) carried.add(key);
        lastKeys[i] = key;
      }
      i++;
    }
    if (lastKeys.length !== i) lastKeys.length = i;
  };
}
