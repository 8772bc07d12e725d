/**
 * An update of the recent calls brings the whole list again, as new objects, though a call that
 * ends adds one entry to it. The list's rows are keyed, and a row whose item is a new object
 * redoes its text (phone formatting included) even when nothing in it changed: keeping the
 * window's own object for every entry that is equal to it leaves those rows alone, and the same
 * array when nothing changed at all.
 */

/**
 * `next`, with each entry equal to one of `before` (same key, same values) replaced by that one:
 * `before` itself when every entry is, `next` itself when none is.
 */
export function keepUnchanged<T extends object>(
  before: readonly T[],
  next: T[],
  keyOf: (item: T) => string,
): T[] {
  const known = new Map<string, T>();
  for (const item of before) known.set(keyOf(item), item);
  let reused = false;
  let same = before.length === next.length;
  const kept = next.map((item, index) => {
    const old = known.get(keyOf(item));
    const keep = old !== undefined && shallowEqual(old, item) ? old : item;
    if (keep === old) reused = true;
    if (keep !== before[index]) same = false;
    return keep;
  });
  if (!reused) return next;
  return same ? (before as T[]) : kept;
}

/** Whether two flat records have the same keys and the same primitive values. */
function shallowEqual(a: object, b: object): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}
