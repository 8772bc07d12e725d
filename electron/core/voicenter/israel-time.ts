/**
 * The login API is the same Israeli stack as the socket servers, whose clocks are Asia/Jerusalem
 * wall-clock time; its zone-less timestamps ("2021-08-22T12:00:00") may be too, or may be UTC
 * (`login-schema.ts` reads them both ways). Never the machine's own zone.
 */
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Jerusalem',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Asia/Jerusalem offset from UTC in ms at the instant `utcMs`. */
function israelOffsetMs(utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(utcMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallMs = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return wallMs - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Israel wall-clock time, given as if it were UTC ms, to the real UTC instant. Two passes settle
 * the offset next to a DST switch; a wall time that does not exist (spring forward) lands an hour
 * off, which is harmless for an expiry.
 */
export function israelWallClockToUtcMs(wallAsUtcMs: number): number {
  const first = wallAsUtcMs - israelOffsetMs(wallAsUtcMs);
  return wallAsUtcMs - israelOffsetMs(first);
}
