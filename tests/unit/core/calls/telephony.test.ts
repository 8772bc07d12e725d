import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../../shared/domain/connection';
import type { RealtimeEvent } from '../../../../shared/domain/calls';
import { Telephony, type RealtimeClientLike } from '../../../../electron/core/calls/telephony';
import { silentLogger } from '../../../../electron/core/logging';
import { makeCall, makeExtension } from '../../../support/calls';

/** A realtime client the test feeds events into by hand. */
function fakeClient() {
  const listeners = { event: new Set<(e: RealtimeEvent) => void>(), state: new Set() };
  const view: ConnectionView = {
    state: { status: 'connected' },
    lastEventAt: null,
    tokenExpiresAt: null,
    malformedEvents: 0,
  } as ConnectionView;
  const client: RealtimeClientLike = {
    start: () => undefined,
    stop: () => undefined,
    reconnectNow: () => undefined,
    getView: () => view,
    on: (name: 'event' | 'state', listener: never) => {
      listeners[name].add(listener);
      return () => listeners[name].delete(listener);
    },
  };
  return { client, emit: (e: RealtimeEvent) => listeners.event.forEach((l) => l(e)) };
}

function callEvent(ext: string, ivrid: string, reason = 'NEWCALL'): RealtimeEvent {
  const call = makeCall({ ivrid });
  return {
    kind: 'extension',
    reason,
    at: 5,
    extension: makeExtension(ext, { calls: [call] }),
    call,
    hangup: reason === 'HANGUP' ? { cause: 'Normal hangup', callerId: '', ivrid } : null,
  };
}

describe('Telephony', () => {
  it("tells the call followers only of events that touch the agent's own calls", async () => {
    const telephony = new Telephony(silentLogger, ['100']);
    const { client, emit } = fakeClient();
    await telephony.use(client, ['100']);
    const own: string[] = [];
    const all: string[] = [];
    telephony.onOwnCallEvent((e) => own.push(e.kind === 'extension' ? e.extension.number : e.kind));
    telephony.onBoardChange((c) => all.push(c.kind === 'one' ? c.extension : 'all'));
    emit({
      kind: 'extensionsSnapshot',
      at: 1,
      extensions: ['100', '200', '300'].map((n) => makeExtension(n)),
    });
    emit(callEvent('200', 'a'));
    emit(callEvent('300', 'b'));
    emit(callEvent('100', 'mine'));
    emit(callEvent('200', 'a', 'HANGUP'));
    emit(callEvent('100', 'mine', 'HANGUP'));
    expect(all).toEqual(['all', '200', '300', '100', '200', '100']);
    expect(own).toEqual(['extensionsSnapshot', '100', '100']);
    expect(telephony.state.lastCall?.call.ivrid).toBe('mine');
  });

  it('keeps folding events and telling the others when a follower throws', async () => {
    const telephony = new Telephony(silentLogger, ['100']);
    const { client, emit } = fakeClient();
    await telephony.use(client, ['100']);
    const seen: string[] = [];
    telephony.onOwnCallEvent(() => {
      throw new Error('follower bug');
    });
    telephony.onOwnCallEvent((e) => seen.push(e.kind));
    emit(callEvent('100', 'x'));
    emit(callEvent('100', 'x', 'ANSWER'));
    expect(seen).toEqual(['extension', 'extension']);
    expect(telephony.state.currentCall?.call.status).toBe('talking');
  });
});
