/**
 * Which rows the team board shows and in what order: search, status and queue filters, and the
 * sort. Pure functions over `BoardRow`, so the model and its tests share them.
 */
import type { BoardRow } from './board-row';

export interface BoardFilter {
  /** Name, extension or caller's number, as typed. */
  query: string;
  /** `any`, or a status code (null: the server sent none). */
  status: 'any' | number | null;
  /** `any`, or the queue of one of the extension's calls. */
  queue: 'any' | number;
}

export type SortKey = 'name' | 'extension' | 'status' | 'duration';

export interface BoardSort {
  key: SortKey;
  /** Reverses the key only: rows without a value (no name, no call) stay last either way. */
  descending: boolean;
}

export const NO_FILTER: BoardFilter = { query: '', status: 'any', queue: 'any' };
export const DEFAULT_SORT: BoardSort = { key: 'name', descending: false };

/** Phone digits a search may be typed with: `050-123 4567`, `+972 50…`. */
const PHONE_LIKE = /^[\d\s\-+().]+$/;

/** The digit strings a typed number may appear as (local `0…` and international `972…`). */
function digitForms(query: string): string[] {
  if (!PHONE_LIKE.test(query)) return [];
  const digits = query.replace(/\D/g, '');
  if (digits === '') return [];
  if (digits.startsWith('972')) return [digits, `0${digits.slice(3)}`];
  if (digits.startsWith('0') && digits.length > 1) return [digits, `972${digits.slice(1)}`];
  return [digits];
}

export function rowFilter(filter: BoardFilter): (row: BoardRow) => boolean {
  const query = filter.query.trim().toLowerCase();
  const forms = digitForms(query);
  const { status, queue } = filter;
  return (row) => {
    if (status !== 'any' && row.statusCode !== status) return false;
    if (queue !== 'any' && !row.queueIds.includes(queue)) return false;
    if (query === '') return true;
    if (row.text.includes(query)) return true;
    return forms.some((digits) => row.number.includes(digits) || row.digits.includes(digits));
  };
}

/** Extensions are digit strings: shorter first, then by digits, so 99 comes before 100. */
export function compareExtensions(a: string, b: string): number {
  if (a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A total order (ties broken by extension, which is unique), so a row's place can be found by
 * binary search and the model can move one row without sorting the rest.
 */
export function rowComparator(
  sort: BoardSort,
  statusName: (code: number | null) => string,
  collator: Intl.Collator,
): (a: BoardRow, b: BoardRow) => number {
  const sign = sort.descending ? -1 : 1;
  const names = new Map<number | null, string>();
  const nameOf = (code: number | null): string => {
    let name = names.get(code);
    if (name === undefined) {
      name = statusName(code);
      names.set(code, name);
    }
    return name;
  };
  const primary = (a: BoardRow, b: BoardRow): number => {
    switch (sort.key) {
      case 'extension':
        return sign * compareExtensions(a.number, b.number);
      case 'name':
        if ((a.name === '') !== (b.name === '')) return a.name === '' ? 1 : -1;
        return sign * collator.compare(a.name, b.name);
      case 'status':
        if ((a.statusCode === null) !== (b.statusCode === null))
          return a.statusCode === null ? 1 : -1;
        return a.statusCode === b.statusCode
          ? 0
          : sign * collator.compare(nameOf(a.statusCode), nameOf(b.statusCode));
      case 'duration':
        // Ascending is shortest first: the later a call's start, the shorter it is. The order
        // follows the start time, which does not move as the clock ticks.
        if ((a.since === null) !== (b.since === null)) return a.since === null ? 1 : -1;
        return a.since === null || b.since === null ? 0 : sign * (b.since - a.since);
    }
  };
  return (a, b) => primary(a, b) || compareExtensions(a.number, b.number);
}
