import { describe, expect, it } from 'vitest';
import { seedEvents, toTopLevelShape } from '../../../fixtures/voicenter/seed-events';
import { utcMs } from '../../../fixtures/voicenter/builders';
import { Harness } from './harness';
import { activeCallKeys } from '../../../support/calls';

const AGENT = '1234567';

const shapes = [
  ['as printed on the seed page', (p: Record<string, unknown>) => p],
  ['in the top-level shape the server sends', toTopLevelShape],
] as const;

describe.each(shapes)('replaying every seed example %s', (_label, shape) => {
  function replay(own: string[]) {
    const h = new Harness(own);
    // The board is live: what it showed after each event is taken as the event is applied.
    const steps = seedEvents.map((e) => {
      const state = h.send(e.eventName, shape(e.payload));
      const board = [...h.board.values()].map((record) => record.number);
      return { id: e.id, state, board, active: activeCallKeys(h.board) };
    });
    return { h, at: (id: string) => steps.find((s) => s.id === id) };
  }

  it('walks the calls of the own extension through the card', () => {
    const { h, at } = replay([AGENT]);
    expect(at('loginStatus')?.state.queues['12345678']?.calls).toHaveLength(1);
    expect(at('allExtensionsStatus')?.board.sort()).toEqual(['9876542', '9876543']);
    expect(at('incomingNewcall')?.state.currentCall?.call).toMatchObject({
      status: 'ringing',
      callerName: 'Test Voicenter',
    });
    expect(at('incomingAnswer')?.state.currentCall?.call.status).toBe('talking');
    expect(at('incomingHangup')?.state.currentCall).toBeNull();
    expect(at('incomingHangup')?.state.lastCall).toMatchObject({
      outcome: 'answered',
      endedAt: utcMs(1606908139),
    });
    expect(at('c2cLeg1Newcall')?.state.currentCall?.call).toMatchObject({
      c2cLeg: 1,
      status: 'dialing',
    });
    expect(at('c2cLeg2Answer')?.state.currentCall?.call).toMatchObject({
      c2cLeg: 2,
      status: 'talking',
    });
    for (const id of ['c2cLeg1Newcall', 'c2cLeg1Answer', 'c2cLeg2Newcall', 'c2cLeg2Answer']) {
      expect(at(id)?.active).toEqual([`${AGENT}:20201200013quvnhxku5v`]);
    }
    const final = h.state;
    expect(activeCallKeys(h.board)).toEqual([]);
    expect(h.board.get(AGENT)?.statusCode).toBe(3);
    expect(final.own[AGENT]).toBe(h.board.get(AGENT));
    expect(final.recent.map((r) => [r.ivrid, r.direction, r.outcome, r.extension])).toEqual([
      ['20201200013quvnhxku5v', 'click2call', 'answered', AGENT],
      ['202012021122010135330b4f77', 'incoming', 'answered', AGENT],
      // The seed's ABANDONED names a call its JOIN never listed; it still leaves a trace.
      ['2020082015645675456434324949c0712', 'incoming', 'abandoned', ''],
    ]);
  });

  it('without own extensions the calls are tracked but leave no personal trace', () => {
    const { h } = replay([]);
    expect(h.state.ownExtensions).toEqual([]);
    expect(h.state.currentCall).toBeNull();
    expect(h.state.recent.map((r) => r.outcome)).toEqual(['abandoned']);
    expect(h.board.get(AGENT)?.number).toBe(AGENT);
    expect(h.state.own).toEqual({});
  });
});
