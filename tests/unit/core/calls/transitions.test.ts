import { describe, expect, it } from 'vitest';
import type { CallInfo, CallState, RealtimeEvent } from '../../../../shared/domain/calls';
import {
  callTransitions,
  findCall,
  roomDirection,
} from '../../../../electron/core/calls/transitions';
import { callStateOf, callStoreOf, makeCall } from '../../../support/calls';

const call = (patch: Partial<CallInfo> = {}): CallInfo =>
  makeCall({ ivrid: 'A1', callerName: 'Dana', callerPhone: '0501234567', ...patch });

/** A state the call store hands out: each call on its extension's record, the last one current. */
const state = (calls: { ext: string; call: CallInfo }[], own = ['101']): CallState =>
  callStateOf({
    ownExtensions: own,
    calls: calls.map((c) => ({ extension: c.ext, call: c.call })),
  });

const event: RealtimeEvent = { kind: 'loginSuccess', at: 5_000 };

describe('callTransitions', () => {
  it('reads answer, hold, unhold and end from the states', () => {
    const ringing = state([{ ext: '101', call: call() }]);
    const talking = state([{ ext: '101', call: call({ status: 'talking', answeredAt: 2_000 }) }]);
    const held = state([{ ext: '101', call: call({ status: 'hold', answeredAt: 2_000 }) }]);
    const none = state([]);
    const talkingCall = talking.own['101']?.calls[0];
    expect(talkingCall).toMatchObject({ ivrid: 'A1', status: 'talking' });
    expect(callTransitions(event, ringing, talking, 0).map((t) => t.kind)).toEqual(['answered']);
    expect(callTransitions(event, talking, held, 0).map((t) => t.kind)).toEqual(['held']);
    expect(callTransitions(event, held, talking, 0).map((t) => t.kind)).toEqual(['unheld']);
    expect(callTransitions(event, talking, none, 0)).toEqual([
      { kind: 'ended', call: talkingCall, answered: true, endedAt: 5_000 },
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

  it('takes the end time from lastCall when the store recorded it', () => {
    const answered = call({ status: 'talking', answeredAt: 2_000 });
    const talking = state([{ ext: '101', call: answered }]);
    const ended = callStateOf({
      ownExtensions: ['101'],
      lastCall: { call: answered, extension: '101', endedAt: 9_000, outcome: 'answered' },
    });
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
    const s = callStateOf({
      ownExtensions: ['101'],
      calls: [{ extension: '101', call: call() }],
      lastCall: { call: call({ ivrid: 'B2' }), extension: '101', endedAt: 1, outcome: 'missed' },
    });
    expect(findCall(s, 'A1')?.ivrid).toBe('A1');
    expect(findCall(s, 'B2')?.ivrid).toBe('B2');
    expect(findCall(s, 'C3')).toBeNull();
    expect(findCall(null, 'A1')).toBeNull();
  });
  it('does not find a call on another extension, even though the board has it', () => {
    const store = callStoreOf({
      ownExtensions: ['101'],
      calls: [
        { extension: '101', call: call() },
        { extension: '202', call: call({ ivrid: 'D4' }) },
      ],
    });
    expect(store.board.activeCall('202', 'D4')).toBeDefined();
    expect(findCall(store.state, 'D4')).toBeNull();
    expect(findCall(store.state, 'A1')?.ivrid).toBe('A1');
  });
});
