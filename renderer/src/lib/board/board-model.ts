/**
 * The team board's rows, filtered and sorted, kept up to date one changed record at a time.
 *
 * Work per batch of changes is proportional to the changes: a changed row that keeps its place is
 * replaced where it stands; one whose sort key or filter match changed is taken out and put back
 * at its new place, found by binary search (the order is total, see `rowComparator`). Moving an
 * element in a 5,000-row array is a memmove of pointers, microseconds. Only a new filter, sort or
 * set of status names, or a whole new board, sorts everything again, and those happen when the
 * agent asks or the server sends a snapshot, not per frame. Sorting by duration follows when the
 * call started, so the ticking clock never reorders the board.
 *
 * Plain TypeScript (no Svelte, no DOM), so it is tested on its own.
 */
import type { ExtensionInfo } from '../../../../shared/domain/calls';
import { DEFAULT_SORT, NO_FILTER, rowComparator, rowFilter } from './board-order';
import type { BoardFilter, BoardSort } from './board-order';
import { toRow, type BoardRow } from './board-row';

const collators = new Map<string, Intl.Collator>();

/** One collator per language (making one costs far more than comparing with it). */
export function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

export interface BoardModelOptions {
  statusName: (code: number | null) => string;
  collator: Intl.Collator;
  filter?: BoardFilter;
  sort?: BoardSort;
}

export class BoardModel {
  private readonly rows = new Map<string, BoardRow>();
  /** The rows that pass the filter, in order. */
  private order: BoardRow[] = [];
  private readonly statusCounts = new Map<number | null, number>();
  private options: Required<BoardModelOptions>;
  private matches: (row: BoardRow) => boolean;
  private compare: (a: BoardRow, b: BoardRow) => number;

  constructor(options: BoardModelOptions) {
    this.options = { filter: NO_FILTER, sort: DEFAULT_SORT, ...options };
    this.matches = rowFilter(this.options.filter);
    this.compare = this.comparator();
  }

  /** Extensions on the board. */
  get total(): number {
    return this.rows.size;
  }

  /** Extensions that pass the filter. */
  get size(): number {
    return this.order.length;
  }

  get filter(): BoardFilter {
    return this.options.filter;
  }

  get sort(): BoardSort {
    return this.options.sort;
  }

  /** The filtered, sorted rows from `start` to before `end`. */
  slice(start: number, end: number): BoardRow[] {
    return this.order.slice(start, end);
  }

  row(number: string): BoardRow | undefined {
    return this.rows.get(number);
  }

  /** Status codes on the board with how many extensions have each. */
  statuses(): ReadonlyMap<number | null, number> {
    return this.statusCounts;
  }

  /** Replaces the whole board. */
  reset(records: Iterable<ExtensionInfo>): void {
    this.rows.clear();
    this.statusCounts.clear();
    for (const record of records) {
      const row = toRow(record);
      this.rows.set(row.number, row);
      this.count(row.statusCode, 1);
    }
    this.rebuild();
  }

  /** Takes changed records; unchanged ones may be passed too (they cost a comparison). */
  upsert(records: Iterable<ExtensionInfo>): void {
    for (const record of records) this.put(toRow(record));
  }

  /** A new filter, sort or status naming: the one case that re-sorts everything. */
  configure(patch: Partial<BoardModelOptions>): void {
    this.options = { ...this.options, ...patch };
    this.matches = rowFilter(this.options.filter);
    this.compare = this.comparator();
    this.rebuild();
  }

  private comparator(): (a: BoardRow, b: BoardRow) => number {
    const { sort, statusName, collator } = this.options;
    return rowComparator(sort, statusName, collator);
  }

  private rebuild(): void {
    const order: BoardRow[] = [];
    for (const row of this.rows.values()) if (this.matches(row)) order.push(row);
    order.sort(this.compare);
    this.order = order;
  }

  private put(row: BoardRow): void {
    const old = this.rows.get(row.number);
    this.rows.set(row.number, row);
    if (old) this.count(old.statusCode, -1);
    this.count(row.statusCode, 1);
    const at = old && this.matches(old) ? this.indexOf(old) : -1;
    const keep = this.matches(row);
    if (at >= 0 && keep && this.fitsAt(row, at)) {
      this.order[at] = row;
      return;
    }
    if (at >= 0) this.order.splice(at, 1);
    if (keep) this.order.splice(this.lowerBound(row), 0, row);
  }

  /** Whether `row` may stand at `index` without breaking the order around it. */
  private fitsAt(row: BoardRow, index: number): boolean {
    const before = this.order[index - 1];
    const after = this.order[index + 1];
    return (
      (before === undefined || this.compare(before, row) < 0) &&
      (after === undefined || this.compare(row, after) < 0)
    );
  }

  private indexOf(row: BoardRow): number {
    const at = this.lowerBound(row);
    // Found by its own key, it is there unless the order was built with other rules; then look.
    return this.order[at] === row ? at : this.order.indexOf(row);
  }

  /** The first index whose row does not sort before `row`. */
  private lowerBound(row: BoardRow): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.order[mid];
      if (other !== undefined && this.compare(other, row) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private count(code: number | null, delta: number): void {
    const next = (this.statusCounts.get(code) ?? 0) + delta;
    if (next > 0) this.statusCounts.set(code, next);
    else this.statusCounts.delete(code);
  }
}
