/**
 * The history's list: newest first, at most `HISTORY_CAP` calls, one entry per call and extension.
 * Pure functions over arrays, so the core keeps one array and the tests read the rules directly.
 */
import type { CallDirection } from '../domain/calls';
import { normalisePhone, type PhoneRegion } from '../phone/normalise';
import { isMissed, type HistoryEntry, type HistoryOutcome } from './entry';

/** How many calls the history keeps (the oldest go first). */
export const HISTORY_CAP = 5_000;

/**
 * Puts `entry` in its place by end time (newest first). An entry with the same id is replaced,
 * keeping what was added to it later (room, wrap-up) unless the new one brings its own: a late
 * HANGUP after a reconnect then corrects a provisional entry instead of adding a second one.
 */
export function addEntry(
  list: readonly HistoryEntry[],
  entry: HistoryEntry,
  cap = HISTORY_CAP,
): HistoryEntry[] {
  const old = list.find((e) => e.id === entry.id);
  const merged: HistoryEntry = old
    ? {
        ...entry,
        roomId: entry.roomId ?? old.roomId,
        roomLink: entry.roomLink ?? old.roomLink,
        wrapUp: entry.wrapUp ?? old.wrapUp,
        takenBy: entry.takenBy || old.takenBy,
      }
    : entry;
  const rest = old ? list.filter((e) => e !== old) : [...list];
  // Nearly always the newest: found at the front without walking the list.
  let at = 0;
  while (at < rest.length && (rest[at]?.endedAt ?? 0) > merged.endedAt) at += 1;
  rest.splice(at, 0, merged);
  return rest.length > cap ? rest.slice(0, cap) : rest;
}

/** Changes the entries of call `ivrid` (every extension's); the list as it was when none match. */
export function patchCall(
  list: readonly HistoryEntry[],
  ivrid: string,
  patch: Partial<Pick<HistoryEntry, 'roomId' | 'roomLink' | 'wrapUp'>>,
): readonly HistoryEntry[] {
  if (!list.some((e) => e.ivrid === ivrid)) return list;
  return list.map((e) => (e.ivrid === ivrid ? { ...e, ...patch } : e));
}

export interface HistoryFilter {
  outcomes?: readonly HistoryOutcome[];
  directions?: readonly CallDirection[];
  /** Words to find in the name, number, wrap-up or tags; digits also match the number however written. */
  text?: string;
}

export interface HistoryPageRequest extends HistoryFilter {
  offset: number;
  limit: number;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  /** How many entries match the filter (all pages). */
  total: number;
  offset: number;
}

/** A predicate for `filter`, with the text prepared once rather than per entry. */
export function matcher(
  filter: HistoryFilter,
  region: PhoneRegion,
): (entry: HistoryEntry) => boolean {
  const outcomes = filter.outcomes?.length ? new Set(filter.outcomes) : null;
  const directions = filter.directions?.length ? new Set(filter.directions) : null;
  const words = (filter.text ?? '').trim().toLocaleLowerCase();
  const digits = words.replace(/\D/g, '');
  // Something typed like a number (`050-123-4567`, `4567`) is looked for in the numbers only,
  // whole numbers in any form by their normalised key.
  const phoneLike = digits !== '' && /^[\d\s\-().+]+$/.test(words);
  const phoneKey = phoneLike ? normalisePhone(words, region) : '';
  return (entry) => {
    if (outcomes && !outcomes.has(entry.outcome)) return false;
    if (directions && !directions.has(entry.direction)) return false;
    if (words === '') return true;
    if (phoneLike) {
      return (
        entry.phoneKey === phoneKey ||
        entry.callerPhone.replace(/\D/g, '').includes(digits) ||
        entry.phoneKey.includes(digits)
      );
    }
    const texts = [
      entry.callerName,
      entry.callerPhone,
      entry.takenBy,
      entry.wrapUp?.comment ?? '',
      ...(entry.wrapUp?.tags ?? []),
    ];
    return texts.some((text) => text.toLocaleLowerCase().includes(words));
  };
}

export function pageOf(
  list: readonly HistoryEntry[],
  request: HistoryPageRequest,
  region: PhoneRegion,
): HistoryPage {
  const matches = list.filter(matcher(request, region));
  return {
    entries: matches.slice(request.offset, request.offset + request.limit),
    total: matches.length,
    offset: request.offset,
  };
}

/** Missed calls that ended after `seenUntil` (the last time the agent looked at the history). */
export function unseenMissed(list: readonly HistoryEntry[], seenUntil: number): number {
  let count = 0;
  for (const entry of list) {
    // Newest first: the rest are older still.
    if (entry.endedAt <= seenUntil) break;
    if (isMissed(entry)) count += 1;
  }
  return count;
}

/** Earlier calls with this number (newest first), for the screen pop. */
export function callsWith(
  list: readonly HistoryEntry[],
  phoneKey: string,
  limit: number,
  exceptIvrid = '',
): HistoryEntry[] {
  if (phoneKey === '') return [];
  const found: HistoryEntry[] = [];
  for (const entry of list) {
    if (entry.phoneKey === phoneKey && entry.ivrid !== exceptIvrid) found.push(entry);
    if (found.length >= limit) break;
  }
  return found;
}
