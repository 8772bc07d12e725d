import { describe, expect, it } from 'vitest';
import type { QueueInfo } from '../../../../shared/domain/calls';
import type { Message } from '../../../../shared/messages/catalogue';
import { english } from '../../../../shared/messages/translate';
import { breachesOf, QueueWatch } from '../../../../electron/core/history/queue-watch';

const NOW = 1_000_000;
const queue = (id: number, waits: number[]): QueueInfo => ({
  id,
  name: `Sales ${id}`,
  calls: waits.map((ms, i) => ({
    ivrid: `q${id}-${i}`,
    callerId: '0501234567',
    callerName: '',
    joinedAt: NOW - ms,
  })),
});

describe('breachesOf', () => {
  it('finds queues over the wait or the count threshold; 0 turns a threshold off', () => {
    const queues = { 1: queue(1, [100_000]), 2: queue(2, [5_000, 4_000, 3_000]), 3: queue(3, []) };
    expect(
      breachesOf(queues, { alertWaitSeconds: 90, alertWaitingCount: 3 }, NOW).map((b) => [
        b.queueId,
        b.kind,
      ]),
    ).toEqual([
      [1, 'wait'],
      [2, 'count'],
    ]);
    expect(breachesOf(queues, { alertWaitSeconds: 0, alertWaitingCount: 0 }, NOW)).toEqual([]);
  });
});

describe('QueueWatch', () => {
  function watch(thresholds = { alertWaitSeconds: 60, alertWaitingCount: 0 }) {
    let now = NOW;
    const shown = new Map<string, string>();
    const raised: string[] = [];
    const w = new QueueWatch({
      thresholds: () => thresholds,
      now: () => now,
      raise: (key, message: Message) => {
        raised.push(key);
        shown.set(key, english(message));
      },
      clear: (key) => shown.delete(key),
      everyMs: 60 * 60_000,
    });
    return { w, shown, raised, later: (ms: number) => (now += ms) };
  }

  it('raises one notice when a wait goes over, and takes it down when the caller leaves', () => {
    const { w, shown, raised, later } = watch();
    w.follow({ 7: queue(7, [30_000]) });
    expect(shown.size).toBe(0);
    later(40_000);
    w.check();
    expect([...shown.values()]).toEqual(['A caller in Sales 7 has waited over 01:00.']);
    later(5_000);
    w.check();
    expect(raised).toHaveLength(1);
    expect(w.view({ alertWaitSeconds: 60, alertWaitingCount: 0 }).breaches).toMatchObject([
      { queueId: 7, kind: 'wait', waiting: 1 },
    ]);
    w.follow({ 7: queue(7, []) });
    expect(shown.size).toBe(0);
    w.stop();
  });

  it('counts callers against the count threshold', () => {
    const { w, shown } = watch({ alertWaitSeconds: 0, alertWaitingCount: 2 });
    w.follow({ 3: queue(3, [1_000, 2_000]) });
    expect([...shown.values()]).toEqual(['2 or more callers wait in Sales 3.']);
    w.stop();
  });
});
