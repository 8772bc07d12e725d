import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from '../../../../shared/retry/backoff';

describe('Backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const backoff = new Backoff({ baseMs: 1000, capMs: 60_000, random: () => 0 });
    const delays = Array.from({ length: 9 }, () => backoff.next());
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('never exceeds the cap, however many attempts', () => {
    const backoff = new Backoff({ baseMs: 250, capMs: 5000, random: () => 0 });
    for (let i = 0; i < 200; i += 1) expect(backoff.next()).toBeLessThanOrEqual(5000);
    expect(backoff.next()).toBe(5000);
  });

  it('starts again from the base after reset', () => {
    const backoff = new Backoff({ baseMs: 1000, capMs: 60_000, random: () => 0 });
    for (let i = 0; i < 6; i += 1) backoff.next();
    expect(backoff.attemptCount).toBe(6);
    backoff.reset();
    expect(backoff.attemptCount).toBe(0);
    expect(backoff.next()).toBe(1000);
    expect(backoff.next()).toBe(2000);
  });

  it('jitters downwards only, by at most the jitter share', () => {
    const high = new Backoff({ baseMs: 1000, capMs: 60_000, jitter: 0.2, random: () => 0.999_999 });
    expect(high.next()).toBe(800);
    const none = new Backoff({ baseMs: 1000, capMs: 60_000, jitter: 0, random: () => 0.9 });
    expect(none.next()).toBe(1000);
    const real = new Backoff({ baseMs: 1000, capMs: 2000 });
    for (let i = 0; i < 50; i += 1) {
      const delay = real.next();
      expect(delay).toBeGreaterThanOrEqual(i === 0 ? 800 : 1600);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });
});

describe('backoffDelay', () => {
  const exact = { baseMs: 500, capMs: 10_000, jitter: 0 };
  it.each([
    [0, 500],
    [1, 500],
    [2, 1_000],
    [5, 8_000],
    [6, 10_000],
    [10_000, 10_000],
  ])('retry %i waits %i ms without jitter', (attempt, delay) => {
    expect(backoffDelay(attempt, exact)).toBe(delay);
  });

  it('takes off at most the jitter share, 0.2 unless told, and never goes below zero', () => {
    expect(backoffDelay(1, { baseMs: 1_000, capMs: 5_000 }, () => 0.5)).toBe(900);
    expect(backoffDelay(1, { baseMs: 1_000, capMs: 5_000, jitter: 0.5 }, () => 1)).toBe(500);
    expect(backoffDelay(1, { baseMs: 1_000, capMs: 5_000, jitter: 7 }, () => 1)).toBe(0);
    expect(backoffDelay(1, { baseMs: 1_000, capMs: 5_000, jitter: -1 }, () => 1)).toBe(1_000);
  });

  it('does not draw a random number when there is no jitter', () => {
    const random = () => {
      throw new Error('drawn');
    };
    expect(backoffDelay(3, exact, random)).toBe(2_000);
  });
});
