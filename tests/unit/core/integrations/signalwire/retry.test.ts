import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  nextAttemptAt,
  parseRetryAfter,
} from '../../../../../electron/core/integrations/signalwire/retry';

describe('back-off 0.5 s * 2^(n-1)', () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [4, 4_000],
    [10, 60_000],
  ])('after attempt %i waits %i ms', (attempt, delay) => {
    expect(backoffDelay(attempt)).toBe(delay);
  });

  it('honours a longer Retry-After and ignores a shorter one', () => {
    expect(nextAttemptAt(1_000, 1, 3_000)).toBe(4_000);
    expect(nextAttemptAt(1_000, 3, 100)).toBe(3_000);
    expect(nextAttemptAt(1_000, 1, null)).toBe(1_500);
  });

  it('uses the timing given', () => {
    expect(backoffDelay(3, { baseMs: 10, capMs: 25 })).toBe(25);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    [null, null],
    ['', null],
    ['soon', null],
    ['0', 0],
    ['2', 2_000],
    ['1.5', 1_500],
    ['99999', 3_600_000],
    ['Thu, 01 Jan 2026 12:00:10 GMT', 10_000],
    ['Thu, 01 Jan 2026 11:00:00 GMT', 0],
  ])('reads %j as %j ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});
