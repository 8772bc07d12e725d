import { describe, expect, it } from 'vitest';
import { SignalWireHistory } from '../../../../../electron/core/integrations/signalwire/history';
import type { AttemptReport } from '../../../../../electron/core/integrations/signalwire/transport';
import { SW_ID } from './fixtures';

const entry = (id: string) => ({
  id,
  kind: 'user-event' as const,
  eventId: `event-${id}`,
  type: 'order.confirmed',
  origin: 'editor' as const,
  ivrid: '111',
  signalwireCallId: SW_ID,
  at: 1,
});

const attempt = (
  actionId: string,
  outcome: AttemptReport['outcome'],
  mayHaveArrived: boolean,
): AttemptReport => ({
  actionId,
  startedAt: 10,
  durationMs: 5,
  status: outcome.kind === 'sent' ? 200 : null,
  mayHaveArrived,
  outcome,
  result: outcome.kind === 'sent' ? 'Delivered' : outcome.reason,
});

describe('SignalWireHistory', () => {
  it('is newest first and capped', () => {
    const history = new SignalWireHistory(2);
    history.add(entry('a'));
    history.add(entry('b'));
    history.add(entry('c'));
    expect(history.list().map((item) => item.id)).toEqual(['c', 'b']);
  });

  it('follows attempts and flags a possible duplicate delivery', () => {
    const history = new SignalWireHistory();
    history.add(entry('a'));
    history.markSending('a');
    expect(history.list()[0]?.state).toBe('sending');
    history.record(
      attempt('a', { kind: 'retry', reason: 'No answer in time', notBefore: 20 }, true),
    );
    expect(history.list()[0]).toMatchObject({
      state: 'waiting',
      result: 'No answer in time',
      possibleDuplicate: false,
    });
    history.record(attempt('a', { kind: 'sent' }, true));
    const [final] = history.list();
    expect(final).toMatchObject({
      state: 'sent',
      result: 'Delivered',
      durationMs: 5,
      possibleDuplicate: true,
    });
    expect(final?.attempts).toHaveLength(2);
  });

  it('does not flag a duplicate when the first attempt never left', () => {
    const history = new SignalWireHistory();
    history.add(entry('a'));
    history.record(attempt('a', { kind: 'retry', reason: 'refused' }, false));
    history.record(attempt('a', { kind: 'sent' }, true));
    expect(history.list()[0]?.possibleDuplicate).toBe(false);
  });

  it('follows the outbox: discarded, retried by the agent, still being enqueued', () => {
    const history = new SignalWireHistory();
    history.add(entry('a'));
    history.add(entry('b'));
    history.add(entry('c'));
    history.record(attempt('b', { kind: 'failed', reason: 'refused (422)' }, false));
    const outbox = new Map([['b', { state: 'queued' as const, reason: null }]]);
    expect(history.syncWithOutbox((id) => outbox.get(id), new Set(['c']))).toBe(true);
    const byId = Object.fromEntries(history.list().map((item) => [item.id, item]));
    expect(byId.a).toMatchObject({ state: 'failed', result: 'Discarded' });
    expect(byId.b?.state).toBe('queued');
    expect(byId.c?.state).toBe('queued');
  });

  it('flags an action the outbox holds in doubt after a restart as possibly sent twice', () => {
    const history = new SignalWireHistory();
    history.add(entry('cut-off'));
    history.add(entry('clean'));
    const records = new Map([
      ['cut-off', { state: 'queued' as const, reason: null, doubt: 'unresolved' as const }],
      ['clean', { state: 'queued' as const, reason: null, doubt: null }],
    ]);
    expect(history.syncWithOutbox((id) => records.get(id), new Set())).toBe(true);
    const flags = Object.fromEntries(history.list().map((e) => [e.id, e.possibleDuplicate]));
    expect(flags).toEqual({ 'cut-off': true, clean: false });
    // Nothing new the second time round.
    expect(history.syncWithOutbox((id) => records.get(id), new Set())).toBe(false);
  });

  it('keeps that flag when the attempt after the restart is recorded', () => {
    const history = new SignalWireHistory();
    history.add(entry('cut-off'));
    const record = { state: 'queued' as const, reason: null, doubt: 'unresolved' as const };
    history.syncWithOutbox(() => record, new Set());
    // This run's only attempt: on its own it would not say "twice", but the one before the
    // restart may have arrived too.
    history.record(attempt('cut-off', { kind: 'sent' }, true));
    expect(history.list()[0]).toMatchObject({ state: 'sent', possibleDuplicate: true });
  });

  it('keeps an action the disk refused in view, failed with why, not "Discarded"', () => {
    const history = new SignalWireHistory();
    history.add(entry('refused'));
    const why = 'Could not be saved (the disk is full), so it was not sent.';
    expect(history.notSaved('refused', why)).toBe(true);
    // The outbox never held it: following the outbox leaves it as it is.
    expect(history.syncWithOutbox(() => undefined, new Set())).toBe(false);
    expect(history.list()[0]).toMatchObject({ state: 'failed', result: why });
  });
});
