/** LoadTraffic: the benchmark's realistic mix, always valid for the state model, repeatable. */
import { expect, test } from 'vitest';
import {
  LOAD_EXTENSION_BASE,
  LoadTraffic,
  type TrafficOptions,
} from '../../../electron/sim/voicenter/load';
import { SimState } from '../../../electron/sim/voicenter/state';
import { SimTelephony } from '../../../electron/sim/voicenter/telephony';

interface Ev {
  reason: string;
  data: {
    number: number;
    representativeStatus: number;
    calls: { ivrid: string }[];
    currentCall?: { ivrid: string; callstatus: string; callerphone: string };
  };
}

function setUp(options: TrafficOptions) {
  const state = new SimState();
  const events: Ev[] = [];
  const tel = new SimTelephony({
    state,
    now: () => 1_700_000_000_000,
    seedShaped: () => false,
    publish: (_audience, event, payload) => {
      if (event === 'ExtensionEvent') events.push(payload as Ev);
    },
  });
  const traffic = new LoadTraffic(options, { state, tel, now: () => 1_700_000_000_000 });
  return { state, events, traffic };
}

test('the board starts with a third of its extensions on an answered call', () => {
  const { state, traffic } = setUp({ extensions: 300 });
  expect(traffic.numbers).toHaveLength(300);
  expect(traffic.numbers[0]).toBe(LOAD_EXTENSION_BASE + 1);
  expect(traffic.busyCount).toBe(100);
  const busy = state.allExtensions().filter((e) => e.calls.length > 0);
  expect(busy).toHaveLength(100);
  for (const ext of busy) expect(ext.calls.map((c) => c.status)).toEqual(['Talking']);
});

test('each step is one event of a realistic mix, and the busy share holds', () => {
  const { state, events, traffic } = setUp({ extensions: 90, seed: 'mix' });
  events.length = 0;
  const reasons: Record<string, number> = {};
  for (let i = 0; i < 20_000; i++) {
    const reason = traffic.step();
    reasons[reason] = (reasons[reason] ?? 0) + 1;
    expect(events).toHaveLength(i + 1);
    expect(events[i]?.reason).toBe(reason);
  }
  for (const reason of ['NEWCALL', 'ANSWER', 'HOLD', 'UNHOLD', 'HANGUP', 'userStatusUpdate']) {
    expect(reasons[reason] ?? 0, reason).toBeGreaterThan(1_000);
  }
  expect((reasons['userStatusUpdate'] ?? 0) / 20_000).toBeCloseTo(0.1, 1);
  expect(Math.abs((reasons['NEWCALL'] ?? 0) - (reasons['HANGUP'] ?? 0))).toBeLessThanOrEqual(30);
  expect(traffic.busyCount).toBeGreaterThanOrEqual(29);
  expect(state.allExtensions().filter((e) => e.calls.length > 0)).toHaveLength(traffic.busyCount);
});

test('every call goes NEWCALL -> (ANSWER -> HOLD/UNHOLD) -> HANGUP', () => {
  const { events, traffic } = setUp({ extensions: 30, seed: 'order' });
  events.length = 0;
  for (let i = 0; i < 5_000; i++) traffic.step();
  traffic.hangupAll();
  const byCall = new Map<string, string[]>();
  for (const e of events) {
    if (e.reason === 'userStatusUpdate') continue;
    const id = e.data.currentCall?.ivrid ?? '';
    byCall.set(id, [...(byCall.get(id) ?? []), e.reason]);
  }
  // New calls ring, then are answered or missed; the board's first calls were answered before
  // recording started, so theirs begin talking.
  const fresh = /^NEWCALL,(HANGUP|ANSWER,(HOLD,(UNHOLD,)?)?HANGUP)$/;
  const initial = /^(HOLD,(UNHOLD,)?)?HANGUP$/;
  for (const [id, reasons] of byCall) {
    expect(reasons.join(','), id).toMatch(reasons[0] === 'NEWCALL' ? fresh : initial);
  }
  expect(traffic.busyCount).toBe(0);
});

test('the same seed gives the same traffic, another seed other traffic', () => {
  const run = (seed: string) => {
    const { events, traffic } = setUp({ extensions: 50, seed });
    for (let i = 0; i < 2_000; i++) traffic.step();
    return events.map(
      (e) =>
        `${e.reason}:${e.data.number}:${e.data.currentCall?.ivrid ?? e.data.representativeStatus}:${e.data.currentCall?.callerphone ?? ''}`,
    );
  };
  expect(run('a')).toEqual(run('a'));
  expect(run('a')).not.toEqual(run('b'));
});

test('traffic options are validated', () => {
  expect(() => setUp({ extensions: 0 })).toThrow();
  expect(() => setUp({ extensions: 10, busyShare: 2 })).toThrow();
});
