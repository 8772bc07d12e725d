/**
 * The retry rule of spec §4. Commands are not idempotent, so only a transport error (the request
 * may or may not have arrived), a 429 and a 503 are retried; back-off is `0.5 s * 2^(n-1)`, never
 * earlier than the server's `Retry-After`.
 */
import { backoffDelay as capped } from '../../../../shared/retry/backoff';

export interface RetryTiming {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = { baseMs: 500, capMs: 60_000 };

/** HTTP statuses worth another attempt. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Delay before attempt `attempt + 1`, after `attempt` (1-based) failed. */
export function backoffDelay(attempt: number, timing: RetryTiming = DEFAULT_RETRY_TIMING): number {
  // The spec's delays exactly: no jitter, so `notBefore` is what the spec says.
  return capped(attempt, { ...timing, jitter: 0 });
}

/**
 * `Retry-After` as milliseconds from `now`: delta seconds or an HTTP date. Null when absent or
 * unreadable. Capped at an hour so a broken header cannot park an action for ever.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (text === '') return null;
  const hour = 3_600_000;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(hour, Math.round(Number(text) * 1000));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.min(hour, Math.max(0, date - now));
}

/** When the next attempt may start: the back-off, or later if the server asked for it. */
export function nextAttemptAt(
  now: number,
  attempt: number,
  retryAfterMs: number | null,
  timing?: RetryTiming,
): number {
  return now + Math.max(backoffDelay(attempt, timing), retryAfterMs ?? 0);
}
