import { describe, expect, it } from 'vitest';
import { CallStore } from '../../../../shared/calls/store';
import type {
  ActiveCall,
  CallState,
  ExtensionInfo,
  QueueInfo,
  RealtimeEvent,
} from '../../../../shared/domain/calls';
import { ownActiveCalls } from '../../../../shared/calls/derive';
import { applyFrozen, expectStoreMatchesModel, freezeStore } from './harness';
import { initialModel, referenceReduce, referenceSetOwnExtensions } from './reference-reducer';
import { call, extension, extEvent, randomSteps } from './generators';

function expectSame<T>(actual: T[], expected: T[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((item, i) => expect(item).toBe(expected[i]));
}

/** What the board hands out now, taken before an event to compare with what it shows after. */
interface BoardBefore {
  state: CallState;
  records: Map<string, ExtensionInfo | undefined>;
  active: ActiveCall[];
}

describe('an ExtensionEvent touches only its extension', () => {
  const BOARD = Array.from({ length: 50 }, (_, i) => String(5_000_001 + i));
  const OWN = BOARD[0] ?? '';
  const OTHER = BOARD[7] ?? '';

  function board(): CallStore {
    const store = new CallStore([OWN]);
    const exts = BOARD.map((n, i) => extension(n, i % 3 === 0 ? [call(`busy-${n}`)] : []));
    applyFrozen(store, { kind: 'extensionsSnapshot', at: 1, extensions: exts });
    const queues: QueueInfo[] = [{ id: 3, name: 'Q', calls: [] }];
    applyFrozen(store, { kind: 'queuesSnapshot', at: 2, queues });
    return store;
  }

  function take(store: CallStore): BoardBefore {
    return {
      state: store.state,
      records: new Map(BOARD.map((n) => [n, store.board.get(n)])),
      active: [...store.board.activeCalls()],
    };
  }

  /**
   * Every other extension's record and active call is the very object it was, the other calls
   * keep their order, and the event reports the one extension it touched.
   */
  function expectOnlyTouched(store: CallStore, before: BoardBefore, event: RealtimeEvent): void {
    const touched = event.kind === 'extension' ? event.extension.number : '';
    const change = applyFrozen(store, event);
    expect(change).toMatchObject({ board: 'one', extension: touched });
    expect(change.before).toBe(before.state);
    expect(change.after).toBe(store.state);
    for (const n of BOARD) {
      // The touched record may be a new one or the old one changed in place (another agent's).
      if (n !== touched) expect(store.board.get(n)).toBe(before.records.get(n));
    }
    const others = (list: Iterable<ActiveCall>) => [...list].filter((a) => a.extension !== touched);
    expectSame(others(store.board.activeCalls()), others(before.active));
    expect(store.state.queues).toBe(before.state.queues);
  }

  /** The board's active calls are these very objects, in this order. */
  function expectSameCalls(store: CallStore, active: ActiveCall[]): void {
    expectSame([...store.board.activeCalls()], active);
  }

  it('NEWCALL, ANSWER and HANGUP on another extension leave the agent side as it was', () => {
    const store = board();
    const ringing = call('in-1');
    const steps: RealtimeEvent[] = [
      extEvent('NEWCALL', 10, extension(OTHER, [ringing]), ringing),
      extEvent('ANSWER', 11, extension(OTHER, [ringing]), { ...ringing, status: 'talking' }),
      extEvent('HANGUP', 12, extension(OTHER), { ...ringing, status: 'talking' }),
    ];
    for (const event of steps) {
      const before = take(store);
      expectOnlyTouched(store, before, event);
      // Not an own extension: the agent's card and history are untouched, the very same state.
      expect(store.state).toBe(before.state);
    }
    expect(store.board.get(OTHER)?.calls).toEqual([]);
  });

  it('a status change keeps every call, and an unknown reason with no call change too', () => {
    const store = board();
    const before = take(store);
    const status = extEvent('userStatusUpdate', 10, extension(OTHER, [], 3), null);
    expectOnlyTouched(store, before, status);
    expectSameCalls(store, before.active);
    expect(store.board.get(OTHER)?.statusCode).toBe(3);
    expect(store.state).toBe(before.state);

    const updated = take(store);
    expectOnlyTouched(store, updated, extEvent('TRANSFER', 11, extension(OTHER), null));
    expectSameCalls(store, updated.active);
    expect(store.state).toBe(updated.state);
  });

  it('an own call becomes current without re-deriving the board', () => {
    const store = board();
    const before = take(store);
    const own = call('mine');
    expectOnlyTouched(store, before, extEvent('NEWCALL', 10, extension(OWN, [own]), own));
    expect(store.state).not.toBe(before.state);
    expect(store.state.currentCall).toMatchObject({ extension: OWN, call: { ivrid: 'mine' } });
    // The snapshot's call on the own extension stays listed, in order of last change.
    expect(store.board.get(OWN)?.calls.map((c) => c.ivrid)).toEqual([`busy-${OWN}`, 'mine']);
    expect(store.state.own[OWN]).toBe(store.board.get(OWN));
    // The state taken before still tells the agent's side as it was then.
    expect(before.state.own[OWN]?.calls.map((c) => c.ivrid)).toEqual([`busy-${OWN}`]);
    expect(before.state.currentCall?.call.ivrid).toBe(`busy-${OWN}`);
  });
});

describe('ownActiveCalls', () => {
  it("lists the own extensions' calls, the board's call objects, and nothing else", () => {
    const store = new CallStore(['101', '100']);
    for (const [n, ivrid] of [
      ['100', 'x'],
      ['102', 'y'],
      ['101', 'z'],
      ['100', 'w'],
    ] as const) {
      const c = call(ivrid);
      applyFrozen(store, extEvent('NEWCALL', 1, extension(n, [c]), c));
    }
    const own = ownActiveCalls(store.state);
    expect(own.map((a) => `${a.extension}:${a.call.ivrid}`)).toEqual(['101:z', '100:x', '100:w']);
    for (const active of own) {
      expect(active.call).toBe(store.board.activeCall(active.extension, active.call.ivrid)?.call);
    }
    const before = store.state;
    store.setOwnExtensions([]);
    expect(ownActiveCalls(store.state)).toEqual([]);
    // An older state still lists what it held.
    expect(ownActiveCalls(before)).toEqual(own);
  });
});

describe('current call across several own extensions', () => {
  it('falls back to the newest remaining own call, whichever extension it is on', () => {
    const store = new CallStore(['1', '2']);
    const a = call('a');
    const b = call('b');
    const c = call('c');
    for (const event of [
      extEvent('NEWCALL', 1, extension('1', [a]), a),
      extEvent('NEWCALL', 2, extension('2', [b]), b),
      extEvent('NEWCALL', 3, extension('3', [c]), c),
      extEvent('HOLD', 4, extension('1', [a]), { ...a, status: 'talking' }),
    ]) {
      applyFrozen(store, event);
    }
    expect(store.state.currentCall?.call).toMatchObject({ ivrid: 'a', status: 'hold' });
    applyFrozen(store, extEvent('HANGUP', 5, extension('1'), a));
    expect(store.state.currentCall?.call.ivrid).toBe('b');
    applyFrozen(store, extEvent('HANGUP', 6, extension('2'), b));
    expect(store.state.currentCall).toBeNull();
    expect(store.state.lastCall?.call.ivrid).toBe('b');
  });
});

describe('the call store agrees with the straightforward model', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('random sequence, seed %d', (seed) => {
    const own = seed % 3 === 0 ? ['100', '101'] : seed % 3 === 1 ? ['100'] : [];
    const store = new CallStore(own);
    freezeStore(store);
    let model = initialModel(own);
    expectStoreMatchesModel(store, model, `seed ${seed}, initial`);
    for (const [index, step] of randomSteps(seed, 150).entries()) {
      if (step.kind === 'own') {
        store.setOwnExtensions(step.list);
        freezeStore(store);
        model = referenceSetOwnExtensions(model, step.list);
      } else {
        applyFrozen(store, step.event);
        model = referenceReduce(model, step.event);
      }
      // Order is part of the contract: `activeCalls()` lists the last change last, and each
      // record lists its calls the same way (the board's own order means nothing).
      expectStoreMatchesModel(store, model, `seed ${seed}, step ${index}`);
    }
  });
});
