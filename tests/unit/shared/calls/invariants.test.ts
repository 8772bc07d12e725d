/**
 * Properties of the call store over random traffic (fast-check): what must hold after every step
 * whatever the events, what one step may change, and agreement with the reference model
 * (`reference-reducer.ts`). A failure prints the seed and a shrunk sequence of steps.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeCallKey,
  CallStore,
  RECENT_CALLS_CAP,
  type CallChange,
} from '../../../../shared/calls/store';
import type {
  ActiveCall,
  CallState,
  ExtensionInfo,
  RealtimeEvent,
} from '../../../../shared/domain/calls';
import { stepsArbitrary } from './generators';
import { applyFrozen, expectStoreMatchesModel, freezeStore } from './harness';
import {
  initialModel,
  referenceReduce,
  referenceSetOwnExtensions,
  type ModelState,
} from './reference-reducer';

const keyOf = (active: ActiveCall): string => activeCallKey(active.extension, active.call.ivrid);

/** The newest own active call, found by walking every active call (not the extensions' lists). */
function newestOwnCall(store: CallStore): ActiveCall | null {
  let best: ActiveCall | null = null;
  for (const active of store.board.activeCalls()) {
    if (store.state.ownExtensions.includes(active.extension)) best = active;
  }
  return best;
}

/**
 * What holds of every state, however it was reached. (Checks are plain comparisons gathered into
 * one list of problems: an `expect` per call and record would be most of the test's time.)
 */
function expectConsistent(store: CallStore, where: string): void {
  const { board, state } = store;
  const active = [...board.activeCalls()];
  const records = [...board.values()];
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };

  // Active calls are distinct, counted, and found by extension and call id.
  const keys = active.map(keyOf);
  check(new Set(keys).size === keys.length, `active calls repeat: ${keys.join(' ')}`);
  check(board.activeCallCount === active.length, 'activeCallCount is not the active calls');
  for (const call of active) {
    check(board.activeCall(call.extension, call.call.ivrid) === call, `${keyOf(call)} not found`);
  }

  // The board lists each extension's active calls (the very call objects), oldest change first,
  // and every active call is on the board.
  check(board.size === records.length, 'size is not the records');
  let listed = 0;
  for (const record of records) {
    check(board.get(record.number) === record, `${record.number} is not found by its number`);
    const own = active.filter((a) => a.extension === record.number).map((a) => a.call);
    check(
      record.calls.length === own.length && record.calls.every((call, i) => call === own[i]),
      `${record.number} lists ${record.calls.map((c) => c.ivrid).join(' ')}, not its active calls`,
    );
    listed += record.calls.length;
  }
  check(listed === active.length, 'an active call is on no record');

  // The own extensions are a clean list, and the agent's side holds their board records.
  const ownExtensions = state.ownExtensions;
  check(new Set(ownExtensions).size === ownExtensions.length, 'own extensions repeat');
  check(
    ownExtensions.every((n) => n.trim() === n && n !== ''),
    `own extensions not clean: ${JSON.stringify(ownExtensions)}`,
  );
  const onBoard = ownExtensions.filter((n) => board.get(n) !== undefined);
  check(
    Object.keys(state.own).length === onBoard.length &&
      onBoard.every((n) => state.own[n] === board.get(n)),
    `own records are not the board's: ${Object.keys(state.own).join(' ')}`,
  );

  // One current call at most: the most recently changed active call on an own extension, the very
  // object the board holds; none when no own extension has a call.
  const newest = newestOwnCall(store);
  check(
    state.currentCall === newest,
    `current call ${state.currentCall && keyOf(state.currentCall)}, newest own ${newest && keyOf(newest)}`,
  );

  if (state.lastCall) check(state.lastCall.call.status === 'ended', 'last call not ended');

  check(state.recent.length <= RECENT_CALLS_CAP, 'recent calls over the cap');
  const entries = state.recent.map((r) => `${r.ivrid} on ${r.extension}: ${r.outcome}`);
  check(new Set(entries).size === entries.length, 'a recent call shows twice');
  expect(problems, where).toEqual([]);
}

/** Whether two states tell the same agent's side, part by part (by reference). */
function sameParts(a: CallState, b: CallState): boolean {
  const ownA = Object.entries(a.own);
  return (
    a.ownExtensions === b.ownExtensions &&
    a.currentCall === b.currentCall &&
    a.lastCall === b.lastCall &&
    a.queues === b.queues &&
    a.recent === b.recent &&
    ownA.length === Object.keys(b.own).length &&
    ownA.every(([n, record]) => b.own[n] === record)
  );
}

/** The agent's side of the model, by value. */
function modelSide(model: ModelState): unknown {
  const own = model.ownExtensions.map((n) => model.extensions[n] ?? null);
  const { ownExtensions, currentCall, lastCall, queues, recent } = model;
  return { ownExtensions, own, currentCall, lastCall, queues, recent };
}

/** The board as handed out before a step: its records by number and its active calls in order. */
interface BoardBefore {
  records: Map<string, ExtensionInfo>;
  active: ActiveCall[];
}

function takeBoard(store: CallStore): BoardBefore {
  return {
    records: new Map([...store.board.values()].map((r) => [r.number, r])),
    active: [...store.board.activeCalls()],
  };
}

/** The board outside `extension` is what it was: the same records and calls, in the same order. */
function expectBoardKept(
  store: CallStore,
  before: BoardBefore,
  extension: string | null,
  where: string,
): void {
  const records = [...store.board.values()].filter((r) => r.number !== extension);
  const kept = [...before.records.values()].filter((r) => r.number !== extension);
  const changed = records.filter((r) => r !== before.records.get(r.number)).map((r) => r.number);
  expect({ count: records.length, changed }, where).toEqual({ count: kept.length, changed: [] });
  const others = (list: Iterable<ActiveCall>) => [...list].filter((a) => a.extension !== extension);
  const active = others(store.board.activeCalls());
  const was = others(before.active);
  const same = active.length === was.length && active.every((call, i) => call === was[i]);
  if (!same) expect(active.map(keyOf), `${where}: other calls changed`).toEqual(was.map(keyOf));
  expect(same, `${where}: other calls are new objects`).toBe(true);
}

/** What one event may change: checked between the store before it and after it. */
function expectStep(
  store: CallStore,
  previous: { state: CallState; board: BoardBefore; model: ModelState },
  change: CallChange,
  model: ModelState,
  event: RealtimeEvent,
  where: string,
): void {
  const { before, after } = change;
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  check(before === previous.state, '`before` is not the state before the event');
  check(after === store.state, '`after` is not the state now');

  // Which board records the event says it touched (and, below, that it touched no others).
  const touched =
    event.kind === 'extension'
      ? { board: 'one', extension: event.extension.number }
      : event.kind === 'extensionsSnapshot'
        ? { board: 'all', extension: null }
        : { board: 'none', extension: null };
  check(
    change.board === touched.board && change.extension === touched.extension,
    `change says ${change.board} ${change.extension}, not ${touched.board} ${touched.extension}`,
  );

  // The same state object exactly when no part of the agent's side changed; a change the model
  // sees always gives a new one. Events with no call, and another extension's events, change
  // nothing of it.
  check(after === before || !sameParts(before, after), 'a new state with the same parts');
  check(after !== before || sameParts(before, after), 'the same state with other parts');
  if (after === before) {
    check(
      isDeepStrictEqual(modelSide(model), modelSide(previous.model)),
      "the same state, but the model's agent side changed",
    );
  }
  const noCall = ['loginSuccess', 'dialers', 'monitoredSetChanged', 'keepaliveResponse'];
  const elsewhere =
    event.kind === 'extension' && !before.ownExtensions.includes(event.extension.number);
  if (noCall.includes(event.kind) || elsewhere) {
    check(after === before, `a new state after ${event.kind} on no own extension`);
  }

  // `lastCall` changes exactly when the current call stops being active, and then it is that
  // call, ended now. (A later snapshot or NEWCALL may list the same call again: the last call and
  // an active call can share a key, but never at the moment the last call is set.)
  const at = 'at' in event ? event.at : null;
  const was = before.currentCall;
  const currentEnded = was !== null && !store.board.activeCall(was.extension, was.call.ivrid);
  check(
    (after.lastCall !== before.lastCall) === currentEnded,
    currentEnded ? 'the current call ended, lastCall kept' : 'lastCall changed',
  );
  if (currentEnded && was && after.lastCall) {
    check(keyOf(after.lastCall) === keyOf(was), 'lastCall is not the call that was current');
    check(after.lastCall.endedAt === at, `lastCall ended at ${after.lastCall.endedAt}, not ${at}`);
  }

  // Own calls that ended leave a recent entry; nothing else leaves a personal one.
  for (const active of previous.board.active) {
    if (store.board.activeCall(active.extension, active.call.ivrid)) continue;
    if (!after.ownExtensions.includes(active.extension)) continue;
    check(
      after.recent.some(
        (r) =>
          r.ivrid === active.call.ivrid && r.extension === active.extension && r.endedAt === at,
      ),
      `${keyOf(active)} ended without a recent entry`,
    );
  }
  const old = new Set(before.recent);
  for (const entry of after.recent) {
    if (old.has(entry)) continue;
    if (entry.extension === '') check(event.kind === 'queue', 'a queue entry from no queue event');
    else check(after.ownExtensions.includes(entry.extension), `an entry on ${entry.extension}`);
  }
  expect(problems, where).toEqual([]);
  // A snapshot replaces the board; any other event leaves all but its extension as it was.
  if (touched.board !== 'all') expectBoardKept(store, previous.board, touched.extension, where);
}

/**
 * Start with no history, or a history at (or near) the cap so that it has to be trimmed. The
 * history is made the way the store makes it: abandoned queue calls (personal whatever the own
 * extensions are), sent to the store and the model alike.
 */
const historyArbitrary = fc.oneof(
  fc.constant(0),
  fc.integer({ min: RECENT_CALLS_CAP - 5, max: RECENT_CALLS_CAP }),
);

function history(count: number): RealtimeEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'queue',
    reason: 'ABANDONED',
    at: i,
    queue: { id: 9, name: 'Q9', calls: [] },
    ivrid: `old-${i}`,
  }));
}

const ownArbitrary = fc.constantFrom<string[]>([], ['100'], ['100', '101'], ['5000001']);

describe('call store invariants over random traffic', () => {
  it('hold after every step, and the store is the reference model', () => {
    fc.assert(
      fc.property(ownArbitrary, historyArbitrary, stepsArbitrary(60), (own, past, steps) => {
        const store = new CallStore(own);
        freezeStore(store);
        let model = initialModel(own);
        for (const event of history(past)) {
          applyFrozen(store, event);
          model = referenceReduce(model, event);
        }
        expect(store.state.recent).toHaveLength(Math.min(past, RECENT_CALLS_CAP));
        expectConsistent(store, 'initial state');
        expectStoreMatchesModel(store, model, 'initial state');
        for (const [index, step] of steps.entries()) {
          const where = `step ${index}`;
          const previous = { state: store.state, board: takeBoard(store), model };
          if (step.kind === 'own') {
            const change = store.setOwnExtensions(step.list);
            freezeStore(store);
            model = referenceSetOwnExtensions(model, step.list);
            expect(change.before, where).toBe(previous.state);
            expect(change.after, where).toBe(store.state);
            expect(change).toMatchObject({ board: 'none', extension: null });
            expect(change.after === change.before, where).toBe(
              sameParts(change.before, change.after),
            );
            expect(store.state.lastCall, where).toBe(previous.state.lastCall);
            expectBoardKept(store, previous.board, null, where);
          } else {
            const change = applyFrozen(store, step.event);
            model = referenceReduce(model, step.event);
            expectStep(store, previous, change, model, step.event, where);
          }
          expectConsistent(store, where);
          expectStoreMatchesModel(store, model, where);
        }
      }),
      { numRuns: 200 },
    );
    // A few seconds on its own; a loaded machine running every suite needs more than 5 s.
  }, 60_000);
});
