/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days), so longer waits hop. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * When to refresh a token that expires at `expiresAt` (UTC ms): the SDKs refresh `beforeMs`
 * ahead. Null when there is nothing sensible to schedule: no expiry known, or the token is already
 * inside the margin (clock skew or a zone mix-up; refreshing at once could loop, so the client
 * relies on the server rejecting the token instead).
 */
export function refreshDueAt(
  expiresAt: number | null,
  now: number,
  beforeMs: number,
): number | null {
  if (expiresAt === null || !Number.isFinite(expiresAt)) return null;
  const due = expiresAt - beforeMs;
  return due > now ? due : null;
}

/** The next timer delay towards `dueAt`: 0 when due, at most MAX_TIMER_MS (the timer then re-arms). */
export function timerDelay(dueAt: number, now: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, dueAt - now));
}
