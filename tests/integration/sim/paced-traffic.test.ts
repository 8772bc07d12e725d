/** Paced traffic (the demo's large team board) and LoadTraffic's queue routing. */
import { afterEach, expect, test, vi } from 'vitest';
import { teamBoardTraffic } from '../../../electron/demo/team-board';
import { LoadTraffic } from '../../../electron/sim/voicenter/load';
import { startPacedTraffic } from '../../../electron/sim/voicenter/paced-traffic';
import { SimState } from '../../../electron/sim/voicenter/state';
import { SimTelephony } from '../../../electron/sim/voicenter/telephony';

function setUp(now: () => number) {
  const state = new SimState();
  const events: { reason: string; data: { currentCall?: { queueid?: unknown } } }[] = [];
  const tel = new SimTelephony({
    state,
    now,
    seedShaped: () => false,
    publish: (_audience, event, payload) => {
      if (event === 'ExtensionEvent') events.push(payload as (typeof events)[number]);
    },
  });
  return { state, tel, events };
}

afterEach(() => {
  vi.useRealTimers();
});

test('paced traffic sends its events per second as the clock moves, and nothing once stopped', () => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
  const now = () => Date.now();
  const { state, tel, events } = setUp(now);
  const run = startPacedTraffic({ extensions: 60, eventsPerSecond: 200 }, { state, tel, now });
  events.length = 0;
  vi.advanceTimersByTime(1_000);
  expect(run.sent()).toBeGreaterThanOrEqual(190);
  expect(run.sent()).toBeLessThanOrEqual(200);
  expect(events).toHaveLength(run.sent());
  run.stop();
  const sent = run.sent();
  vi.advanceTimersByTime(5_000);
  expect(run.sent()).toBe(sent);
});

test('a late timer catches up by at most one second of events', () => {
  let clock = 1_700_000_000_000;
  vi.useFakeTimers({ now: clock });
  const { state, tel } = setUp(() => clock);
  const run = startPacedTraffic(
    { extensions: 30, eventsPerSecond: 100 },
    { state, tel, now: () => clock },
  );
  clock += 60_000; // a paused process: a minute passes before the next tick
  vi.advanceTimersByTime(20);
  expect(run.sent()).toBeLessThanOrEqual(100);
  run.stop();
});

test('incoming calls come through the queues given, in turn; the random sequence is unchanged', () => {
  const at = () => 1_700_000_000_000;
  const routed = setUp(at);
  const plain = setUp(at);
  const withQueues = new LoadTraffic(
    { extensions: 50, seed: 'q', queueIds: [11, 22] },
    { ...routed, now: at },
  );
  const without = new LoadTraffic({ extensions: 50, seed: 'q' }, { ...plain, now: at });
  for (let i = 0; i < 500; i++) expect(withQueues.step()).toBe(without.step());
  const queued = routed.state
    .allExtensions()
    .flatMap((e) => e.calls)
    .filter((c) => c.direction === 'Incoming');
  expect(queued.length).toBeGreaterThan(0);
  expect(new Set(queued.map((c) => c.queueId))).toEqual(new Set([11, 22]));
});

test('the demo reads team-board scenarios, with bounds, and leaves the others alone', () => {
  expect(teamBoardTraffic('team-board', 1)).toMatchObject({
    extensions: 5_000,
    eventsPerSecond: 100,
  });
  expect(teamBoardTraffic('team-board:200:20', 1)).toMatchObject({
    extensions: 200,
    eventsPerSecond: 20,
  });
  expect(teamBoardTraffic('team-board:99999', 1)).toMatchObject({ extensions: 10_000 });
  expect(teamBoardTraffic('demo-loop', 1)).toBeNull();
  expect(teamBoardTraffic('team-board:x', 1)).toBeNull();
});
