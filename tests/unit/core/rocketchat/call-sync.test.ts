import { describe, expect, it } from 'vitest';
import type {
  CallInfo,
  CallState,
  ExtensionInfo,
  RealtimeEvent,
} from '../../../../shared/domain/calls';
import { initialCallState } from '../../../../shared/calls/reducer';
import {
  callTransitions,
  findCall,
  roomDirection,
} from '../../../../electron/core/rocketchat/call-sync';
import { makeCall, makeExtension } from '../../../support/calls';

const call = (patch: Partial<CallInfo> = {}): CallInfo =>
  makeCall({ ivrid: 'A1', callerName: 'Dana', callerPhone: '0501234567', ...patch });

const extension = (number: string, calls: CallInfo[]): ExtensionInfo =>
  makeExtension(number, { calls });

/** A state as the reducer keeps it: each call on its extension's list and in `activeCalls`. */
const state = (calls: { ext: string; call: CallInfo }[], own = ['101']): CallState => {
  const numbers = [...new Set([...own, ...calls.map((c) => c.ext)])];
  return {
    ...initialCallState(own),
    extensions: Object.fromEntries(
      numbers.map((n) => [
        n,
        extension(
          n,
          calls.filter((c) => c.ext === n).map((c) => c.call),
        ),
      ]),
    ),
    activeCalls: Object.fromEntries(
      calls.map((c) => [`${c.ext}:${c.call.ivrid}`, { call: c.call, extension: c.ext }]),
    ),
  };
};

const event: RealtimeEvent = { kind: 'loginSuccess', at: 5_000 };

describe('callTransitions', () => {
  it('reads answer, hold, unhold and end from the states', () => {
    const ringing = state([{ ext: '101', call: call() }]);
    const talking = state([{ ext: '101', call: call({ status: 'talking', answeredAt: 2_000 }) }]);
    const held = state([{ ext: '101', call: call({ status: 'hold', answeredAt: 2_000 }) }]);
    const none = state([]);
    expect(callTransitions(event, ringing, talking, 0).map((t) => t.kind)).toEqual(['answered']);
    expect(callTransitions(event, talking, held, 0).map((t) => t.kind)).toEqual(['held']);
    expect(callTransitions(event, held, talking, 0).map((t) => t.kind)).toEqual(['unheld']);
    expect(callTransitions(event, talking, none, 0)).toEqual([
      { kind: 'ended', call: talking.activeCalls['101:A1']?.call, answered: true, endedAt: 5_000 },
    ]);
    expect(callTransitions(event, ringing, none, 0)).toMatchObject([
      { kind: 'ended', answered: false },
    ]);
    // The same state twice: nothing happened.
    expect(callTransitions(event, held, held, 0)).toEqual([]);
  });

  it('ignores other extensions and spying', () => {
    const before = state([{ ext: '202', call: call() }]);
    const after = state([{ ext: '202', call: call({ status: 'talking', answeredAt: 2 }) }]);
    expect(callTransitions(event, before, after, 0)).toEqual([]);
    const spy = state([{ ext: '101', call: call({ direction: 'spy', status: 'spying' }) }]);
    expect(callTransitions(event, state([]), spy, 0)).toEqual([]);
  });

  it('takes the end time from lastCall when the reducer recorded it', () => {
    const talking = state([{ ext: '101', call: call({ status: 'talking', answeredAt: 2_000 }) }]);
    const ended: CallState = {
      ...state([]),
      lastCall: { call: call(), extension: '101', endedAt: 9_000, outcome: 'answered' },
    };
    expect(callTransitions(event, talking, ended, 0)).toMatchObject([
      { kind: 'ended', endedAt: 9_000 },
    ]);
  });
});

describe('roomDirection and findCall', () => {
  it('maps directions', () => {
    expect(roomDirection(call())).toBe('inbound');
    expect(roomDirection(call({ direction: 'outgoing' }))).toBe('outbound');
    expect(roomDirection(call({ direction: 'click2call' }))).toBe('outbound');
  });
  it('finds own active calls and the last call', () => {
    const s: CallState = {
      ...state([{ ext: '101', call: call() }]),
      lastCall: { call: call({ ivrid: 'B2' }), extension: '101', endedAt: 1, outcome: 'missed' },
    };
    expect(findCall(s, 'A1')?.ivrid).toBe('A1');
    expect(findCall(s, 'B2')?.ivrid).toBe('B2');
    expect(findCall(s, 'C3')).toBeNull();
    expect(findCall(null, 'A1')).toBeNull();
  });
});
