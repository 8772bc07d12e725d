/**
 * The history as a CSV file for a spreadsheet (RFC 4180: comma-separated, CRLF lines, fields with
 * a comma, quote or line break quoted, quotes doubled).
 *
 * A field a spreadsheet would read as a formula (first character `=`, `+`, `-`, `@`, or a tab or
 * carriage return that some spreadsheets skip before looking) gets a leading `'`, so a caller
 * name like `=HYPERLINK(...)` is text when the file is opened (OWASP's CSV injection advice). That
 * includes international numbers (`'+972501234567`): Excel shows them as typed.
 */
import { formatPhoneForDisplay, type PhoneRegion } from '../phone/normalise';
import type { HistoryEntry } from './entry';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: guarded against formulas, then quoted when it has to be. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

const COLUMNS = [
  'started',
  'ended',
  'direction',
  'outcome',
  'number',
  'caller name',
  'line',
  'extension',
  'taken by',
  'duration (s)',
  'queue',
  'hang-up cause',
  'room',
  'wrap-up',
  'tags',
] as const;

/** UTC, ISO 8601 to the second: unambiguous in every spreadsheet and time zone. */
function time(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function rowOf(entry: HistoryEntry, region: PhoneRegion): string[] {
  return [
    time(entry.startedAt),
    time(entry.endedAt),
    entry.direction,
    entry.outcome,
    formatPhoneForDisplay(entry.callerPhone, region),
    entry.callerName,
    entry.did === '' ? '' : formatPhoneForDisplay(entry.did, region),
    entry.extension,
    entry.takenBy,
    entry.durationMs === null ? '' : String(Math.round(entry.durationMs / 1000)),
    entry.queueId === null ? '' : String(entry.queueId),
    entry.cause,
    entry.roomLink ?? entry.roomId ?? '',
    entry.wrapUp?.comment ?? '',
    (entry.wrapUp?.tags ?? []).join('; '),
  ];
}

/**
 * The whole file: a byte-order mark first, so Excel reads the UTF-8 (Hebrew names) instead of
 * guessing the system code page; a header row; one row per call in the order given.
 */
export function historyCsv(entries: readonly HistoryEntry[], region: PhoneRegion): string {
  const lines = [csvRow(COLUMNS), ...entries.map((e) => csvRow(rowOf(e, region)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
