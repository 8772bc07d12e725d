/**
 * Drives the real parser and reducer together: wire payloads in, call state out. Every state the
 * reducer receives is deep-frozen first, so any mutation of its input throws.
 */
import type { CallState, RealtimeEvent } from '../../../../shared/domain/calls';
import { initialCallState, reduceCallState } from '../../../../shared/calls/reducer';
import { createEventParser } from '../../../../shared/voicenter/parse';

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export type WireEvent = readonly [name: string, payload: unknown];

export class Harness {
  readonly parser = createEventParser({ now: () => 0 });
  state: CallState;

  constructor(own: string[] = []) {
    this.state = deepFreeze(initialCallState(own));
  }

  /** Parses and applies one wire event; a parse failure fails the test. */
  send(name: string, payload: unknown): CallState {
    const result = this.parser.parse(name, payload);
    if (!result.ok) throw new Error(`parse failed: ${result.error}`);
    return this.apply(result.event);
  }

  apply(event: RealtimeEvent): CallState {
    this.state = deepFreeze(reduceCallState(this.state, deepFreeze(event)));
    return this.state;
  }

  run(events: readonly WireEvent[]): CallState {
    for (const [name, payload] of events) this.send(name, payload);
    return this.state;
  }
}
