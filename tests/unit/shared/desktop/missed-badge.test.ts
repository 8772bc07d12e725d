import { describe, expect, it } from 'vitest';
import type { CallOutcome, RecentCall } from '@shared/domain/calls';
import { badgeOf, markSeen, missedSince } from '@shared/desktop/missed-badge';

const recent = (
  ivrid: string,
  outcome: CallOutcome,
  endedAt: number,
  extension = '201',
): RecentCall => ({
  ivrid,
  extension,
  callerName: '',
  callerPhone: '0501234567',
  did: '',
  direction: 'incoming',
  startedAt: null,
  answeredAt: null,
  endedAt,
  outcome,
  cause: '',
  queueId: null,
});

describe('missedSince', () => {
  const calls = [
    recent('a', 'missed', 300),
    recent('a', 'missed', 300, '202'),
    recent('b', 'answered', 250),
    recent('c', 'missed', 200),
    recent('d', 'answered-elsewhere', 150),
    recent('e', 'missed', 100),
  ];
  it('counts missed calls that ended after the mark, a ring-group call once', () => {
    expect(missedSince(calls, 0)).toBe(3);
    expect(missedSince(calls, 100)).toBe(2);
    expect(missedSince(calls, 300)).toBe(0);
  });
});

describe('badgeOf', () => {
  it.each([
    [0, 0, ''],
    [-3, 0, ''],
    [Number.NaN, 0, ''],
    [1, 1, '1'],
    [9, 9, '9'],
    [10, 10, '9+'],
  ])('%d -> %d "%s"', (count, expected, label) => {
    expect(badgeOf(count)).toEqual({ count: expected, label });
  });
});

describe('markSeen', () => {
  it('never moves back', () => {
    expect(markSeen(500, 400)).toBe(500);
    expect(markSeen(500, 600)).toBe(600);
  });
});
