import { describe, expect, it } from 'vitest';
import { seedEvents, toTopLevelShape } from '../../../fixtures/voicenter/seed-events';
import { utcMs } from '../../../fixtures/voicenter/builders';
import { Harness } from './harness';

const AGENT = '1234567';

const shapes = [
  ['as printed on the seed page', (p: Record<string, unknown>) => p],
  ['in the top-level shape the server sends', toTopLevelShape],
] as const;

describe.each(shapes)('replaying every seed example %s', (_label, shape) => {
  function replay(own: string[]) {
    const h = new Harness(own);
    const states = seedEvents.map((e) => ({
      id: e.id,
      state: h.send(e.eventName, shape(e.payload)),
    }));
    return { h, at: (id: string) => states.find((s) => s.id === id)?.state };
  }

  it('walks the calls of the own extension through the card', () => {
    const { h, at } = replay([AGENT]);
    expect(at('loginStatus')?.queues['12345678']?.calls).toHaveLength(1);
    expect(Object.keys(at('allExtensionsStatus')?.extensions ?? {}).sort()).toEqual([
      '9876542',
      '9876543',
    ]);
    expect(at('incomingNewcall')?.currentCall?.call).toMatchObject({
      status: 'ringing',
      callerName: 'Test Voicenter',
    });
    expect(at('incomingAnswer')?.currentCall?.call.status).toBe('talking');
    expect(at('incomingHangup')?.currentCall).toBeNull();
    expect(at('incomingHangup')?.lastCall).toMatchObject({
      outcome: 'answered',
      endedAt: utcMs(1606908139),
    });
    expect(at('c2cLeg1Newcall')?.currentCall?.call).toMatchObject({ c2cLeg: 1, status: 'dialing' });
    expect(at('c2cLeg2Answer')?.currentCall?.call).toMatchObject({ c2cLeg: 2, status: 'talking' });
    for (const id of ['c2cLeg1Newcall', 'c2cLeg1Answer', 'c2cLeg2Newcall', 'c2cLeg2Answer']) {
      expect(Object.keys(at(id)?.activeCalls ?? {})).toEqual([`${AGENT}:20201200013quvnhxku5v`]);
    }
    const final = h.state;
    expect(final.activeCalls).toEqual({});
    expect(final.extensions[AGENT]?.statusCode).toBe(3);
    expect(final.recent.map((r) => [r.ivrid, r.direction, r.outcome, r.extension])).toEqual([
      ['20201200013quvnhxku5v', 'click2call', 'answered', AGENT],
      ['202012021122010135330b4f77', 'incoming', 'answered', AGENT],
      // The seed's ABANDONED names a call its JOIN never listed; it still leaves a trace.
      ['2020082015645675456434324949c0712', 'incoming', 'abandoned', ''],
    ]);
    expect(final.lastEventAt).toBe(utcMs(1606917164));
  });

  it('without own extensions the calls are tracked but leave no personal trace', () => {
    const { h } = replay([]);
    expect(h.state.ownExtensions).toEqual([]);
    expect(h.state.currentCall).toBeNull();
    expect(h.state.recent.map((r) => r.outcome)).toEqual(['abandoned']);
    expect(Object.keys(h.state.extensions)).toContain(AGENT);
  });
});
