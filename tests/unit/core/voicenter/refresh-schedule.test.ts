import { describe, expect, it } from 'vitest';
import {
  MAX_TIMER_MS,
  UNTRUSTED_EXPIRY_REFRESH_MS,
  planRefresh,
  timerDelay,
} from '../../../../electron/core/voicenter/refresh-schedule';
import { parseExpiry } from '../../../../electron/core/voicenter/login-schema';

const HOUR = 3_600_000;
const one = (ms: number) => ({ earliest: ms, latest: ms });

describe('planRefresh', () => {
  const now = 1_700_000_000_000;

  it('is the expiry minus the margin when the expiry is unambiguous', () => {
    expect(planRefresh(one(now + HOUR), now, 5000)).toEqual({
      expiresAt: now + HOUR,
      dueAt: now + HOUR - 5000,
      untrusted: false,
    });
  });

  it('schedules nothing only when the server did not say', () => {
    expect(planRefresh(null, now, 5000)).toEqual({
      expiresAt: null,
      dueAt: null,
      untrusted: false,
    });
  });

  describe('a zone-less TokenExpiry, issued at 2021-08-22 09:00 UTC (12:00 in Israel, summer)', () => {
    const issuedAt = Date.UTC(2021, 7, 22, 9, 0, 0);
    const plan = (text: string) => planRefresh(parseExpiry(text), issuedAt, 5000);

    it('written in Israel time (a 1 h token): refreshes before the Israel reading', () => {
      // Read as UTC it would be 13:00 UTC, three hours too late.
      expect(plan('2021-08-22T13:00:00')).toEqual({
        expiresAt: issuedAt + HOUR,
        dueAt: issuedAt + HOUR - 5000,
        untrusted: false,
      });
    });

    it('written in UTC (a 1 h token): the Israel reading is past, so the UTC one is used', () => {
      // Read as Israel time this is 07:00 UTC, two hours before it was issued.
      expect(plan('2021-08-22T10:00:00')).toEqual({
        expiresAt: issuedAt + HOUR,
        dueAt: issuedAt + HOUR - 5000,
        untrusted: false,
      });
    });

    it('written in UTC (a 12 h token): both readings are ahead, so the earlier one wins', () => {
      expect(plan('2021-08-22T21:00:00')).toEqual({
        expiresAt: issuedAt + 9 * HOUR,
        dueAt: issuedAt + 9 * HOUR - 5000,
        untrusted: false,
      });
    });

    it('a reading inside the margin counts as past: the other reading is used', () => {
      // Israel reading: issuedAt + 3 s, inside the 5 s margin; UTC reading: 3 h later.
      expect(plan('2021-08-22T12:00:03')).toMatchObject({
        expiresAt: issuedAt + 3 * HOUR + 3000,
        untrusted: false,
      });
    });

    it('in winter the readings are two hours apart', () => {
      const winter = Date.UTC(2021, 0, 10, 10, 0, 0); // 12:00 in Israel
      expect(planRefresh(parseExpiry('2021-01-10T11:00:00'), winter, 5000)).toMatchObject({
        expiresAt: winter + HOUR,
        untrusted: false,
      });
    });
  });

  it('never gives up when every reading looks past or due at issue: refreshes later, not now', () => {
    for (const expiry of [
      one(now - HOUR),
      one(now + 4000),
      { earliest: now - 3 * HOUR, latest: now - 1 },
      { earliest: Number.NaN, latest: Number.NaN },
    ]) {
      const result = planRefresh(expiry, now, 5000);
      expect(result.dueAt).toBe(now + UNTRUSTED_EXPIRY_REFRESH_MS);
      expect(result.untrusted).toBe(true);
    }
    // A sane fraction of a token's life: well after now, well before a day.
    expect(UNTRUSTED_EXPIRY_REFRESH_MS).toBeGreaterThanOrEqual(60_000);
    expect(UNTRUSTED_EXPIRY_REFRESH_MS).toBeLessThanOrEqual(HOUR);
    expect(planRefresh(one(now - HOUR), now, 5000).expiresAt).toBe(now - HOUR);
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
