/**
 * The production server's clock quirks. Its "epoch seconds" are Israel local wall-clock time
 * written as if it were UTC, and `servertimeoffset` is the Asia/Jerusalem offset in minutes at
 * that instant (120 in winter, 180 in summer). Clients undo it with
 * `utcMs = (value - servertimeoffset * 60) * 1000`.
 */

const ISRAEL = 'Asia/Jerusalem';

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: ISRAEL,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

// Offsets only change on whole hours, so one lookup per minute is exact and keeps the load mode
// off the (slow) Intl path.
let cachedMinute = Number.NaN;
let cachedOffset = 0;

/** Asia/Jerusalem offset from UTC, in minutes, at the instant `utcMs`. */
export function israelOffsetMinutes(utcMs: number): number {
  const minute = Math.floor(utcMs / 60_000);
  if (minute === cachedMinute) return cachedOffset;
  const parts: Record<string, number> = {};
  for (const p of wallClock.formatToParts(minute * 60_000)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wallMs = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  cachedMinute = minute;
  cachedOffset = Math.round((wallMs - minute * 60_000) / 60_000);
  return cachedOffset;
}

/**
 * A UTC instant as the server writes epoch seconds: Israel wall clock read as UTC. Each field uses
 * the offset at its own instant (a local DATETIME converted naively), so a call that spans a DST
 * switch carries two different offsets; 0 stays 0 ("never").
 */
export function toWireEpoch(utcMs: number): number {
  if (utcMs <= 0) return 0;
  return Math.floor(utcMs / 1000) + israelOffsetMinutes(utcMs) * 60;
}

/**
 * `TokenExpiry`-style timestamp, "2021-08-22T12:00:00": Israel wall clock without a zone suffix,
 * like the rest of the server's clocks (the login API is the same Israeli stack). A client must
 * read it as Asia/Jerusalem time, not as UTC and not as the machine's local time.
 */
export function formatIsraelWallClock(utcMs: number): string {
  const seconds = Math.floor(utcMs / 1000) * 1000;
  return new Date(seconds + israelOffsetMinutes(utcMs) * 60_000).toISOString().slice(0, 19);
}
