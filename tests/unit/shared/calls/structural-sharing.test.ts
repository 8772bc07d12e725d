import { describe, expect, it } from 'vitest';
import {
  initialCallState,
  reduceCallState,
  setOwnExtensions,
} from '../../../../shared/calls/reducer';
import type {
  CallDirection,
  CallInfo,
  CallState,
  CallStatus,
  ExtensionInfo,
  QueueInfo,
  RealtimeEvent,
} from '../../../../shared/domain/calls';
import { ownActiveCalls } from '../../../../shared/calls/derive';
import { deepFreeze } from './harness';
import { referenceReduce, referenceSetOwnExtensions } from './reference-reducer';
import { makeCall, makeExtension } from '../../../support/calls';

function call(ivrid: string, more: Partial<CallInfo> = {}): CallInfo {
  return makeCall({ ivrid, ...more });
}

function extension(number: string, calls: CallInfo[] = [], statusCode = 1): ExtensionInfo {
  const name = `Agent ${number}`;
  return makeExtension(number, { userName: name, representativeName: name, statusCode, calls });
}

function extEvent(
  reason: string,
  at: number,
  ext: ExtensionInfo,
  current: CallInfo | null,
  hangupIvrid?: string,
): RealtimeEvent {
  return {
    kind: 'extension',
    reason,
    at,
    extension: ext,
    call: current,
    hangup:
      reason === 'HANGUP'
        ? { cause: 'Normal hangup', callerId: '', ivrid: hangupIvrid ?? current?.ivrid ?? '' }
        : null,
  };
}

describe('an ExtensionEvent copies only what it changes', () => {
  const BOARD = Array.from({ length: 50 }, (_, i) => String(5_000_001 + i));
  const OWN = BOARD[0] ?? '';
  const OTHER = BOARD[7] ?? '';

  function board(): CallState {
    let state = deepFreeze(initialCallState([OWN]));
    const exts = BOARD.map((n, i) => extension(n, i % 3 === 0 ? [call(`busy-${n}`)] : []));
    state = deepFreeze(
      reduceCallState(state, { kind: 'extensionsSnapshot', at: 1, extensions: exts }),
    );
    const queues: QueueInfo[] = [{ id: 3, name: 'Q', calls: [] }];
    return deepFreeze(reduceCallState(state, { kind: 'queuesSnapshot', at: 2, queues }));
  }

  function expectOnlyTouched(before: CallState, after: CallState, touched: string): void {
    for (const n of BOARD) {
      if (n === touched) expect(after.extensions[n]).not.toBe(before.extensions[n]);
      else expect(after.extensions[n]).toBe(before.extensions[n]);
    }
    for (const [key, active] of Object.entries(after.activeCalls)) {
      if (active.extension !== touched) expect(active).toBe(before.activeCalls[key]);
    }
    expect(after.queues).toBe(before.queues);
  }

  it('NEWCALL, ANSWER and HANGUP on one extension share every other extension and call', () => {
    let before = board();
    const ringing = call('in-1');
    const steps: RealtimeEvent[] = [
      extEvent('NEWCALL', 10, extension(OTHER, [ringing]), ringing),
      extEvent('ANSWER', 11, extension(OTHER, [ringing]), { ...ringing, status: 'talking' }),
      extEvent('HANGUP', 12, extension(OTHER), { ...ringing, status: 'talking' }),
    ];
    for (const event of steps) {
      const after = deepFreeze(reduceCallState(before, deepFreeze(event)));
      expectOnlyTouched(before, after, OTHER);
      // Not an own extension: the agent's card and history are untouched.
      expect(after.recent).toBe(before.recent);
      expect(after.currentCall).toBe(before.currentCall);
      before = after;
    }
    expect(before.extensions[OTHER]?.calls).toEqual([]);
  });

  it('a status change shares the calls, and an unknown reason with no call change too', () => {
    const before = board();
    const status = deepFreeze(
      reduceCallState(before, extEvent('userStatusUpdate', 10, extension(OTHER, [], 3), null)),
    );
    expect(status.activeCalls).toBe(before.activeCalls);
    expect(status.extensions[OTHER]?.statusCode).toBe(3);
    expectOnlyTouched(before, status, OTHER);

    const unknown = reduceCallState(status, extEvent('TRANSFER', 11, extension(OTHER), null));
    expect(unknown.activeCalls).toBe(status.activeCalls);
    expectOnlyTouched(status, unknown, OTHER);
  });

  it('an own call becomes current without re-deriving the board', () => {
    const before = board();
    const own = call('mine');
    const after = reduceCallState(before, extEvent('NEWCALL', 10, extension(OWN, [own]), own));
    expectOnlyTouched(before, after, OWN);
    expect(after.currentCall).toMatchObject({ extension: OWN, call: { ivrid: 'mine' } });
    // The snapshot's call on the own extension stays listed, in order of last change.
    expect(after.extensions[OWN]?.calls.map((c) => c.ivrid)).toEqual([`busy-${OWN}`, 'mine']);
  });
});

describe('ownActiveCalls', () => {
  it("lists the own extensions' calls, the same objects as activeCalls, and nothing else", () => {
    let state = initialCallState(['101', '100']);
    for (const [n, ivrid] of [
      ['100', 'x'],
      ['102', 'y'],
      ['101', 'z'],
      ['100', 'w'],
    ] as const) {
      const c = call(ivrid);
      state = reduceCallState(state, extEvent('NEWCALL', 1, extension(n, [c]), c));
    }
    const own = ownActiveCalls(state);
    expect(own.map((a) => `${a.extension}:${a.call.ivrid}`)).toEqual(['101:z', '100:x', '100:w']);
    for (const active of own)
      expect(state.activeCalls[`${active.extension}:${active.call.ivrid}`]).toBe(active);
    expect(ownActiveCalls(setOwnExtensions(state, []))).toEqual([]);
  });
});

describe('current call across several own extensions', () => {
  it('falls back to the newest remaining own call, whichever extension it is on', () => {
    let state = initialCallState(['1', '2']);
    const a = call('a');
    const b = call('b');
    const c = call('c');
    for (const event of [
      extEvent('NEWCALL', 1, extension('1', [a]), a),
      extEvent('NEWCALL', 2, extension('2', [b]), b),
      extEvent('NEWCALL', 3, extension('3', [c]), c),
      extEvent('HOLD', 4, extension('1', [a]), { ...a, status: 'talking' }),
    ]) {
      state = deepFreeze(reduceCallState(state, deepFreeze(event)));
    }
    expect(state.currentCall?.call).toMatchObject({ ivrid: 'a', status: 'hold' });
    state = reduceCallState(state, extEvent('HANGUP', 5, extension('1'), a));
    expect(state.currentCall?.call.ivrid).toBe('b');
    state = reduceCallState(state, extEvent('HANGUP', 6, extension('2'), b));
    expect(state.currentCall).toBeNull();
    expect(state.lastCall?.call.ivrid).toBe('b');
  });
});

/** Small deterministic PRNG (mulberry32), so a failing sequence can be replayed by its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const EXTS = ['100', '101', '102', '5000001', 'sip-7'];
const IVRIDS = ['a', 'b', 'c', 'd'];
const REASONS = ['NEWCALL', 'ANSWER', 'HOLD', 'UNHOLD', 'HANGUP', 'userStatusUpdate', 'TRANSFER'];
const STATUSES: CallStatus[] = ['ringing', 'dialing', 'talking', 'hold', 'unknown'];
const DIRECTIONS: CallDirection[] = ['incoming', 'outgoing', 'click2call', 'spy', 'unknown'];

type Step = { kind: 'event'; event: RealtimeEvent } | { kind: 'own'; list: string[] };

function randomSteps(seed: number, count: number): Step[] {
  const r = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const some = <T>(list: readonly T[], max: number): T[] =>
    Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(list));
  const randomCall = (): CallInfo =>
    call(pick(IVRIDS), {
      status: pick(STATUSES),
      direction: pick(DIRECTIONS),
      c2cLeg: pick([null, 1, 2] as const),
      answeredAt: r() < 0.4 ? 2_000 : null,
      callerPhone: r() < 0.5 ? '050' : '',
    });
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    const at = 10_000 + i;
    const roll = r();
    if (roll < 0.05) {
      const extensions = [...new Set(some(EXTS, 4))].map((n) =>
        extension(
          n,
          some(IVRIDS, 2).map(() => randomCall()),
        ),
      );
      steps.push({ kind: 'event', event: { kind: 'extensionsSnapshot', at, extensions } });
    } else if (roll < 0.08) {
      steps.push({ kind: 'own', list: some(EXTS, 2) });
    } else if (roll < 0.11) {
      const calls = some(IVRIDS, 2).map((ivrid) => ({
        ivrid,
        callerId: '',
        callerName: '',
        joinedAt: null,
      }));
      const queue = { id: pick([1, 2]), name: 'Q', calls };
      const reason = pick(['JOIN', 'ABANDONED', 'EXIT']);
      steps.push({
        kind: 'event',
        event: { kind: 'queue', reason, at, queue, ivrid: r() < 0.5 ? pick(IVRIDS) : null },
      });
    } else {
      const reason = pick(REASONS);
      const listed = some(IVRIDS, 2).map(() => randomCall());
      const current = r() < 0.7 ? randomCall() : null;
      const hangupIvrid = pick([current?.ivrid ?? '', pick(IVRIDS), '']);
      const ext = extension(pick(EXTS), listed, pick([1, 2, 3]));
      steps.push({ kind: 'event', event: extEvent(reason, at, ext, current, hangupIvrid) });
    }
  }
  return steps;
}

describe('the optimised reducer agrees with the straightforward model', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('random sequence, seed %d', (seed) => {
    const own = seed % 3 === 0 ? ['100', '101'] : seed % 3 === 1 ? ['100'] : [];
    let fast = deepFreeze(initialCallState(own));
    let model = initialCallState(own);
    for (const [index, step] of randomSteps(seed, 150).entries()) {
      if (step.kind === 'own') {
        fast = deepFreeze(setOwnExtensions(fast, step.list));
        model = referenceSetOwnExtensions(model, step.list);
      } else {
        fast = deepFreeze(reduceCallState(fast, deepFreeze(step.event)));
        model = referenceReduce(model, step.event);
      }
      const where = `seed ${seed}, step ${index}`;
      expect(fast, where).toEqual(model);
      // Order is part of the contract: last change last, and the board lists calls the same way.
      expect(Object.keys(fast.activeCalls), where).toEqual(Object.keys(model.activeCalls));
      expect(Object.keys(fast.extensions), where).toEqual(Object.keys(model.extensions));
    }
  });
});
