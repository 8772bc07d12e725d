import { describe, expect, it } from 'vitest';
import { MirrorFilter } from '../../../../../electron/core/integrations/signalwire/mirroring';
import type { CallState, RealtimeEvent } from '../../../../../shared/domain/calls';
import { call, extensionEvent, state } from './fixtures';

describe('MirrorFilter', () => {
  const mine = call('111');
  const during = state([{ extension: '201', call: mine }]);
  const after = state([], { last: mine });

  it('mirrors hold, unhold and end of the agent own call, once each', () => {
    const filter = new MirrorFilter();
    expect(filter.decide(extensionEvent('HOLD', '201', mine, 5), during, during)).toEqual({
      which: 'hold',
      ivrid: '111',
      at: 5,
    });
    // A second HOLD (another extension of a ring group, or a repeat) is not a change.
    expect(filter.decide(extensionEvent('HOLD', '201', mine, 6), during, during)).toBeNull();
    expect(filter.decide(extensionEvent('UNHOLD', '201', mine, 7), during, during)?.which).toBe(
      'unhold',
    );
    expect(filter.decide(extensionEvent('HANGUP', '201', mine, 8), during, after)?.which).toBe(
      'end',
    );
    // Nothing after the end.
    expect(filter.decide(extensionEvent('UNHOLD', '201', mine, 9), after, after)).toBeNull();
  });

  it('ignores other reasons, other events and other agents extensions', () => {
    const filter = new MirrorFilter();
    expect(filter.decide(extensionEvent('ANSWER', '201', mine), during, during)).toBeNull();
    expect(filter.decide(extensionEvent('HOLD', '305', call('222')), during, during)).toBeNull();
    expect(filter.decide({ kind: 'loginSuccess', at: 1 }, during, during)).toBeNull();
  });

  it('without own extensions, mirrors only the current call', () => {
    const filter = new MirrorFilter();
    // The call store makes no call current without own extensions (it only picks own calls):
    // this is the filter's fallback for a state that has one anyway, so it is set by hand here.
    const noOwn: CallState = {
      ...state([{ extension: '305', call: mine }], { ownExtensions: [] }),
      currentCall: { extension: '305', call: mine },
    };
    expect(filter.decide(extensionEvent('HOLD', '305', mine), noOwn, noOwn)?.which).toBe('hold');
    expect(filter.decide(extensionEvent('HOLD', '306', call('333')), noOwn, noOwn)).toBeNull();
  });

  it('mirrors what a snapshot after a reconnect shows changed, once, and nothing twice', () => {
    const filter = new MirrorFilter();
    const held = state([{ extension: '201', call: call('111', {}, 'hold') }]);
    const snapshot = (at: number): RealtimeEvent => ({
      kind: 'extensionsSnapshot',
      at,
      extensions: [],
    });
    // Put on hold while Ringside could not hear Voicenter: only the snapshot shows it.
    expect(filter.decideAll(snapshot(20), during, held)).toEqual([
      { which: 'hold', ivrid: '111', at: 20 },
    ]);
    // The same snapshot again (a resync) is no change.
    expect(filter.decideAll(snapshot(21), held, held)).toEqual([]);
    // Hung up meanwhile: the end, at the time the call store knows.
    expect(filter.decideAll(snapshot(30), held, after)).toEqual([
      { which: 'end', ivrid: '111', at: 10 },
    ]);
    // A live event still goes through the same filter.
    expect(filter.decideAll(extensionEvent('HANGUP', '201', mine, 31), held, after)).toEqual([]);
  });
});
