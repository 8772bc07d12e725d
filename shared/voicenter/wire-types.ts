/** What the lenient lists of the schemas (`wire.ts`) produce. Types only. */

/** An item left out of a list: where it was and what was wrong (never its content). */
export interface DroppedItem {
  index: number;
  problem: string;
}

export interface Lenient<T> {
  items: T[];
  /** Index of each kept item in the original list, so nested notes can name their path. */
  indexes: number[];
  dropped: DroppedItem[];
}
