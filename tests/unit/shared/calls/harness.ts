/**
 * Drives the real parser and call store together: wire payloads in, call state out. Every event
 * the store receives is deep-frozen first, and so is everything it hands out after each event
 * (the agent's side and its calls; not other agents' records and calls, which the board changes
 * in place by design), so any mutation of an event or of a value already handed out throws.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type {
  CallBoard,
  CallState,
  ExtensionInfo,
  RealtimeEvent,
} from '../../../../shared/domain/calls';
import { CallStore, type CallChange } from '../../../../shared/calls/store';
import { createEventParser } from '../../../../shared/voicenter/parse';
import { activeCallKeys } from '../../../support/calls';
import type { ModelState } from './reference-reducer';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Freezes what the store hands out as values: the agent's side (its own records and calls
 * included). Other extensions' board records and calls are the store's own, changed in place.
 */
export function freezeStore(store: CallStore): void {
  deepFreeze(store.state);
  const own = store.state.ownExtensions;
  for (const active of store.board.activeCalls()) {
    if (own.includes(active.extension)) deepFreeze(active);
  }
}

/** Applies a frozen event and freezes what the store hands out after it. */
export function applyFrozen(store: CallStore, event: RealtimeEvent): CallChange {
  const change = store.apply(deepFreeze(event));
  freezeStore(store);
  return change;
}

/** The board as plain records by extension number (its iteration order means nothing). */
export function boardRecords(board: CallBoard): Record<string, ExtensionInfo> {
  return Object.fromEntries([...board.values()].map((record) => [record.number, record]));
}

/**
 * The store agrees with the reference model (`reference-reducer.ts`): the same board, the same
 * active calls in the same order (oldest change first), and the same agent's side, its own
 * records being the model's records of the own extensions the board knows.
 */
export function expectStoreMatchesModel(store: CallStore, model: ModelState, where: string): void {
  const { board, state } = store;
  const own: Record<string, ExtensionInfo> = {};
  for (const number of model.ownExtensions) {
    const record = model.extensions[number];
    if (record) own[number] = record;
  }
  const seen = {
    board: boardRecords(board),
    size: board.size,
    activeKeys: activeCallKeys(board),
    activeCalls: [...board.activeCalls()],
    activeCallCount: board.activeCallCount,
    ownExtensions: state.ownExtensions,
    own: state.own,
    currentCall: state.currentCall,
    lastCall: state.lastCall,
    queues: state.queues,
    recent: state.recent,
  };
  const wanted = {
    board: model.extensions,
    size: Object.keys(model.extensions).length,
    activeKeys: Object.keys(model.activeCalls),
    activeCalls: Object.values(model.activeCalls),
    activeCallCount: Object.keys(model.activeCalls).length,
    ownExtensions: model.ownExtensions,
    own,
    currentCall: model.currentCall,
    lastCall: model.lastCall,
    queues: model.queues,
    recent: model.recent,
  };
  // A strict deep comparison first (fast); `toEqual` only to explain a difference.
  if (!isDeepStrictEqual(seen, wanted)) expect(seen, where).toStrictEqual(wanted);
}

export type WireEvent = readonly [name: string, payload: unknown];

export class Harness {
  readonly parser = createEventParser({ now: () => 0 });
  readonly store: CallStore;

  constructor(own: string[] = []) {
    this.store = new CallStore(own);
    freezeStore(this.store);
  }

  /** The agent's side now. */
  get state(): CallState {
    return this.store.state;
  }

  /** The whole board, as of the latest event. */
  get board(): CallBoard {
    return this.store.board;
  }

  /** Parses and applies one wire event; a parse failure fails the test. */
  send(name: string, payload: unknown): CallState {
    const result = this.parser.parse(name, payload);
    if (!result.ok) throw new Error(`parse failed: ${result.error}`);
    return this.apply(result.event);
  }

  apply(event: RealtimeEvent): CallState {
    applyFrozen(this.store, event);
    return this.state;
  }

  run(events: readonly WireEvent[]): CallState {
    for (const [name, payload] of events) this.send(name, payload);
    return this.state;
  }
}
