import { describe, expect, it } from 'vitest';
import {
  MAX_TIMER_MS,
  refreshDueAt,
  timerDelay,
} from '../../../../electron/core/voicenter/refresh-schedule';

describe('refreshDueAt', () => {
  const now = 1_700_000_000_000;

  it('is the expiry minus the margin', () => {
    expect(refreshDueAt(now + 3_600_000, now, 5000)).toBe(now + 3_595_000);
  });

  it('is null without an expiry or when already inside the margin (no refresh loop)', () => {
    expect(refreshDueAt(null, now, 5000)).toBeNull();
    expect(refreshDueAt(Number.NaN, now, 5000)).toBeNull();
    expect(refreshDueAt(now + 5000, now, 5000)).toBeNull();
    expect(refreshDueAt(now + 4000, now, 5000)).toBeNull();
    expect(refreshDueAt(now - 1, now, 5000)).toBeNull();
  });
});

describe('timerDelay', () => {
  it('caps long waits at 2^31-1 ms so setTimeout does not fire at once', () => {
    expect(MAX_TIMER_MS).toBe(2_147_483_647);
    const now = 0;
    const fortyDays = 40 * 24 * 3_600_000;
    expect(timerDelay(fortyDays, now)).toBe(MAX_TIMER_MS);
    // After one hop the rest fits.
    expect(timerDelay(fortyDays, MAX_TIMER_MS)).toBe(fortyDays - MAX_TIMER_MS);
  });

  it('is zero when due or past, the exact gap otherwise', () => {
    expect(timerDelay(1000, 1000)).toBe(0);
    expect(timerDelay(1000, 5000)).toBe(0);
    expect(timerDelay(6000, 1000)).toBe(5000);
  });
});
