/**
 * Points the new record's text fields at the old record's strings where they are equal. Every
 * event brings fresh copies of the same names and numbers; keeping the old ones lets the copies
 * die young instead of being kept (and promoted by the garbage collector) with the record, which
 * on a large board is most of what an event would otherwise leave behind.
 */
export function keepSameText<T, K extends keyof T>(next: T, before: T, fields: readonly K[]): void {
  for (const field of fields) {
    if (next[field] === before[field]) next[field] = before[field];
  }
}
