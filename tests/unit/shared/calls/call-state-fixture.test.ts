import { describe, expect, it } from 'vitest';
import { activeCallKeys, callStateOf, callStoreOf, makeCall } from '../../../support/calls';

describe('callStateOf: hand-built call states for tests', () => {
  it('stores the calls as given, in order, the newest own one current', () => {
    const a = makeCall({ ivrid: 'a' });
    const b = makeCall({ ivrid: 'b', status: 'talking', answeredAt: 2_000 });
    const c = makeCall({ ivrid: 'c' });
    const store = callStoreOf({
      ownExtensions: ['1', '3'],
      calls: [
        { extension: '1', call: a },
        { extension: '1', call: b },
        { extension: '2', call: c },
      ],
    });
    expect(activeCallKeys(store.board)).toEqual(['1:a', '1:b', '2:c']);
    expect(store.state.currentCall?.call).toBe(b);
    expect(store.state.own['1']?.calls).toEqual([a, b]);
    expect(store.state.own['3']?.calls).toEqual([]);
    expect(store.state.own['2']).toBeUndefined();
  });

  it('ends the last call through the store', () => {
    const last = makeCall({ ivrid: 'x', status: 'talking', answeredAt: 2_000 });
    const state = callStateOf({
      ownExtensions: ['1'],
      lastCall: { extension: '1', call: last, endedAt: 9_000, outcome: 'answered' },
    });
    expect(state.lastCall).toMatchObject({ call: { ivrid: 'x', status: 'ended' }, endedAt: 9_000 });
    expect(state.recent.map((r) => [r.ivrid, r.outcome])).toEqual([['x', 'answered']]);
    expect(state.currentCall).toBeNull();
  });

  it('refuses a state the store never makes', () => {
    const call = makeCall({ ivrid: 'x' });
    // An unanswered incoming call hangs up missed, not answered.
    expect(() =>
      callStateOf({
        ownExtensions: ['1'],
        lastCall: { extension: '1', call, endedAt: 1, outcome: 'answered' },
      }),
    ).toThrow(/last call 1:x missed/);
    // Only a call that was current (on an own extension) becomes the last call.
    expect(() =>
      callStateOf({
        ownExtensions: ['1'],
        lastCall: { extension: '2', call, endedAt: 1, outcome: 'missed' },
      }),
    ).toThrow(/last call none/);
    expect(() =>
      callStateOf({
        calls: [
          { extension: '1', call },
          { extension: '1', call },
        ],
      }),
    ).toThrow(/listed twice/);
  });
});
