/** Load mode: valid ExtensionEvent traffic, bounded in count and time, no calls left behind. */
import { expect, test } from 'vitest';
import { delay, useSims } from './helpers';

const { start, connect } = useSims();

interface Ev {
  reason: string;
  data: { number: number; calls: unknown[]; currentCall?: { ivrid: string; callstatus: string } };
}

test('load stays within its budget and ends every call it starts', async () => {
  const sim = await start();
  const account = await connect(sim, 'account');
  const user = await connect(sim, 'user');

  const run = sim.startLoad({ extensions: 5, eventsPerSecond: 400, durationMs: 400 });
  const stats = await run.done;
  expect(stats.budget).toBe(160);
  expect(stats.events).toBeGreaterThan(0);
  expect(stats.events).toBeLessThanOrEqual(stats.budget);
  expect(stats.callsStarted).toBe(stats.callsEnded);

  await account.rec.waitFor('ExtensionEvent', stats.events);
  await delay(100);
  const events = account.rec.of('ExtensionEvent') as Ev[];
  expect(events).toHaveLength(stats.events);
  // Per call: NEWCALL first, HANGUP last, ANSWER at most once in between.
  const byCall = new Map<string, string[]>();
  for (const e of events) {
    expect(e.data.number).toBeGreaterThan(5_000_000);
    const id = e.data.currentCall?.ivrid ?? '';
    byCall.set(id, [...(byCall.get(id) ?? []), e.reason]);
  }
  expect(byCall.size).toBe(stats.callsStarted);
  for (const reasons of byCall.values()) {
    expect(['NEWCALL,HANGUP', 'NEWCALL,ANSWER,HANGUP']).toContain(reasons.join(','));
  }
  // Nothing left ringing in the state model, and the user login saw none of it.
  for (const ext of sim.snapshot().extensions) expect(ext.calls).toEqual([]);
  expect(user.rec.of('ExtensionEvent')).toHaveLength(0);
});

test('stop() ends a load early and still hangs up its calls', async () => {
  const sim = await start();
  const run = sim.startLoad({ extensions: 3, eventsPerSecond: 1_000, durationMs: 60_000 });
  await delay(100);
  run.stop();
  const stats = await run.done;
  expect(stats.events).toBeLessThan(stats.budget);
  expect(stats.callsStarted).toBe(stats.callsEnded);
  for (const ext of sim.snapshot().extensions) expect(ext.calls).toEqual([]);
});

test('load options are validated', async () => {
  const sim = await start();
  expect(() => sim.startLoad({ extensions: 0, eventsPerSecond: 10, durationMs: 100 })).toThrow();
});
