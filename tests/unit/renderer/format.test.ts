import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, secondsUntil } from '@renderer/lib/format';
import { queueFigures } from '@renderer/lib/display';
import type { QueueInfo, RecentCall } from '@shared/domain/calls';

describe('formatDuration', () => {
  it.each([
    [0, '00:00'],
    [999, '00:00'],
    [5_000, '00:05'],
    [65_000, '01:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_600_000 + 2 * 60_000 + 3_000, '1:02:03'],
    [-5_000, '00:00'],
    [null, '00:00'],
    [Number.NaN, '00:00'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatAge and secondsUntil', () => {
  it('says how long ago in the chosen language', () => {
    expect(formatAge(10_000, 15_000, 'en')).toMatch(/5 sec/);
    expect(formatAge(0, 3 * 60_000, 'en')).toMatch(/3 min/);
    expect(formatAge(0, 3 * 60_000, 'he')).toMatch(/3/);
    expect(formatAge(0, 3 * 60_000, 'he')).not.toMatch(/min/);
  });

  it('never counts below zero', () => {
    expect(secondsUntil(10_500, 10_000)).toBe(1);
    expect(secondsUntil(9_000, 10_000)).toBe(0);
  });
});

describe('queueFigures', () => {
  const queue: QueueInfo = {
    id: 7,
    name: 'Support',
    calls: [
      { ivrid: 'a', callerId: '0501', callerName: 'A', joinedAt: 1_000 },
      { ivrid: 'b', callerId: '0502', callerName: 'B', joinedAt: 40_000 },
    ],
  };
  const recent = (queueId: number | null, outcome: RecentCall['outcome']): RecentCall => ({
    ivrid: `${queueId}-${outcome}`,
    extension: '101',
    callerName: '',
    callerPhone: '',
    did: '',
    direction: 'incoming',
    startedAt: null,
    answeredAt: null,
    endedAt: 0,
    outcome,
    cause: '',
    queueId,
  });

  it('counts waiting callers, the longest wait and this queue’s abandoned callers', () => {
    const figures = queueFigures(
      queue,
      [recent(7, 'abandoned'), recent(8, 'abandoned'), recent(7, 'answered')],
      61_000,
    );
    expect(figures).toEqual({ waiting: 2, longestWaitMs: 60_000, abandoned: 1 });
  });

  it('has no longest wait when nobody waits', () => {
    expect(queueFigures({ ...queue, calls: [] }, [], 61_000).longestWaitMs).toBeNull();
  });
});
