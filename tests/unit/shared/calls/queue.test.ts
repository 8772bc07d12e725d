import { describe, expect, it } from 'vitest';
import { queueEvent, T0, utcMs, wireQueue } from '../../../fixtures/voicenter/builders';
import { Harness } from './harness';

const waiting = { ivrid: 'q-1', phone: '0541112222', name: 'Dana', joined: T0 };

describe('queue events', () => {
  it('JOIN then EXIT: the queue list follows data.Calls, no trace is left', () => {
    const h = new Harness();
    h.send('QueueEvent', queueEvent('JOIN', wireQueue(7, [waiting]), T0, 'q-1'));
    expect(h.state.queues['7']).toEqual({
      id: 7,
      name: 'Queue 7',
      calls: [{ ivrid: 'q-1', callerId: '0541112222', callerName: 'Dana', joinedAt: utcMs(T0) }],
    });
    h.send('QueueEvent', queueEvent('EXIT', wireQueue(7, []), T0 + 30, 'q-1'));
    expect(h.state.queues['7']?.calls).toEqual([]);
    expect(h.state.recent).toEqual([]);
  });

  it('ABANDONED leaves a recent call with the caller from the previous list', () => {
    const h = new Harness();
    const other = { ivrid: 'q-2', joined: T0 + 5 };
    h.run([
      ['QueueEvent', queueEvent('JOIN', wireQueue(7, [waiting]), T0, 'q-1')],
      ['QueueEvent', queueEvent('JOIN', wireQueue(7, [waiting, other]), T0 + 5, 'q-2')],
      ['QueueEvent', queueEvent('ABANDONED', wireQueue(7, [other]), T0 + 40, 'q-1')],
    ]);
    expect(h.state.queues['7']?.calls.map((c) => c.ivrid)).toEqual(['q-2']);
    expect(h.state.recent).toEqual([
      {
        ivrid: 'q-1',
        extension: '',
        callerName: 'Dana',
        callerPhone: '0541112222',
        did: '',
        direction: 'incoming',
        startedAt: utcMs(T0),
        answeredAt: null,
        endedAt: utcMs(T0 + 40),
        outcome: 'abandoned',
        cause: '',
        queueId: 7,
      },
    ]);
    // The same event again (a resend) does not add a second entry.
    h.send('QueueEvent', queueEvent('ABANDONED', wireQueue(7, [other]), T0 + 41, 'q-1'));
    expect(h.state.recent).toHaveLength(1);
  });

  it('ABANDONED without ivruniqueid names the one call that left the list', () => {
    const h = new Harness();
    h.run([
      ['QueueEvent', queueEvent('JOIN', wireQueue(7, [waiting]), T0)],
      ['QueueEvent', queueEvent('ABANDONED', wireQueue(7, []), T0 + 9)],
    ]);
    expect(h.state.recent.map((r) => [r.ivrid, r.callerPhone, r.outcome])).toEqual([
      ['q-1', '0541112222', 'abandoned'],
    ]);
  });

  it('ANSWER and unknown reasons refresh the queue only', () => {
    const h = new Harness();
    h.run([
      ['QueueEvent', queueEvent('JOIN', wireQueue(7, [waiting]), T0, 'q-1')],
      ['QueueEvent', queueEvent('ANSWER', wireQueue(7, []), T0 + 3, 'q-1')],
      ['QueueEvent', queueEvent('SHUFFLE', wireQueue(8, [waiting], 'Sales'), T0 + 4)],
    ]);
    expect(h.state.queues['7']?.calls).toEqual([]);
    expect(h.state.queues['8']?.name).toBe('Sales');
    expect(h.state.recent).toEqual([]);
  });
});
