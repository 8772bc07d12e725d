import { describe, expect, it } from 'vitest';
import { callDurationMs, missedSince, queueStats } from '../../../../shared/calls/derive';
import type { QueueInfo, RecentCall } from '../../../../shared/domain/calls';
import { makeRecent } from '../../../support/calls';

describe('callDurationMs', () => {
  it.each([
    [{ startedAt: 1_000, answeredAt: 5_000 }, 9_000, 4_000],
    [{ startedAt: 1_000, answeredAt: null }, 9_000, 8_000],
    [{ startedAt: null, answeredAt: null }, 9_000, 0],
    [{ startedAt: 10_000, answeredAt: null }, 9_000, 0],
  ])('%j at %d -> %d', (call, now, expected) => {
    expect(callDurationMs(call, now)).toBe(expected);
  });
});

describe('queueStats', () => {
  const queues: QueueInfo[] = [
    { id: 1, name: 'A', calls: [{ ivrid: 'x', callerId: '', callerName: '', joinedAt: 1_000 }] },
    {
      id: 2,
      name: 'B',
      calls: [
        { ivrid: 'x', callerId: '', callerName: '', joinedAt: 1_000 },
        { ivrid: 'y', callerId: '', callerName: '', joinedAt: null },
        { ivrid: 'z', callerId: '', callerName: '', joinedAt: 4_000 },
      ],
    },
    { id: 3, name: 'C', calls: [] },
  ];

  it('counts waiting callers once and finds the longest wait', () => {
    expect(queueStats(queues, 10_000)).toEqual({ waiting: 3, longestWaitMs: 9_000 });
    expect(queueStats({ a: queues[2] as QueueInfo }, 10_000)).toEqual({
      waiting: 0,
      longestWaitMs: 0,
    });
    expect(
      queueStats(Object.fromEntries(queues.map((q) => [String(q.id), q])), 10_000).waiting,
    ).toBe(3);
  });
});

describe('missedSince', () => {
  const r = (ivrid: string, outcome: RecentCall['outcome'], endedAt: number): RecentCall =>
    makeRecent({ ivrid, outcome, endedAt });

  it('keeps missed calls that ended after the mark', () => {
    const recent = [
      r('d', 'missed', 40),
      r('c', 'answered', 30),
      r('b', 'missed', 20),
      r('a', 'missed', 10),
    ];
    expect(missedSince(recent, 10).map((x) => x.ivrid)).toEqual(['d', 'b']);
    expect(missedSince(recent, 40)).toEqual([]);
  });
});
