import type { ExpiryReadings } from './types';

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days), so longer waits hop. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * When the expiry cannot be believed, refresh after half of an hour-long token's life. No public
 * number gives the real lifetime; an hour is the short end of what login services issue, and a
 * refresh every half hour costs one request and a reconnect, where waiting for the server to drop
 * the socket costs the agent their events until the client notices.
 */
export const UNTRUSTED_EXPIRY_REFRESH_MS = 30 * 60_000;

export interface RefreshPlan {
  /** The expiry the client goes by (UTC ms); null when the server did not say. */
  expiresAt: number | null;
  /** When to renew the token; null only when the server did not say when it expires. */
  dueAt: number | null;
  /** True when no reading of the expiry was believable and `dueAt` is the fallback. */
  untrusted: boolean;
}

/**
 * What to make of a fresh token's expiry, at the moment it was issued: the SDKs refresh `beforeMs`
 * ahead of it. A token is never already expired when it is handed out, so a reading that puts the
 * refresh at or before `issuedAt` is the wrong zone (or a skewed clock) and is passed over: the
 * earliest reading that leaves time wins, so a zone-less expiry is renewed before either reading
 * runs out. When none does, the refresh comes after `UNTRUSTED_EXPIRY_REFRESH_MS` rather than
 * never (the server dropping the socket was the only way back) or at once (that could loop).
 */
export function planRefresh(
  expiry: ExpiryReadings | null,
  issuedAt: number,
  beforeMs: number,
): RefreshPlan {
  if (expiry === null) return { expiresAt: null, dueAt: null, untrusted: false };
  for (const reading of [expiry.earliest, expiry.latest]) {
    if (Number.isFinite(reading) && reading - beforeMs > issuedAt) {
      return { expiresAt: reading, dueAt: reading - beforeMs, untrusted: false };
    }
  }
  const latest = Number.isFinite(expiry.latest) ? expiry.latest : null;
  return { expiresAt: latest, dueAt: issuedAt + UNTRUSTED_EXPIRY_REFRESH_MS, untrusted: true };
}

/** The next timer delay towards `dueAt`: 0 when due, at most MAX_TIMER_MS (the timer then re-arms). */
export function timerDelay(dueAt: number, now: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, dueAt - now));
}
