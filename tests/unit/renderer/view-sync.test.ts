import { describe, expect, it } from 'vitest';
import type { RecentCall } from '@shared/domain/calls';
import type { AppSnapshot, AppState, AppUpdate, CallsView } from '@shared/ipc/snapshot';
import { ViewSync } from '@renderer/lib/view-sync';
import { makeExtension, makeRecent } from '@tests/support/calls';

const CALLS: CallsView = {
  ownExtensions: [],
  own: [],
  currentCall: null,
  lastCall: null,
  queues: {},
};
const VIEW = {
  mode: 'account',
  notices: [],
  now: 1,
  calls: CALLS,
  recent: [],
} as unknown as AppSnapshot;

function state(seq: number, numbers: string[]): AppState {
  return { ...VIEW, seq, board: numbers.map((n) => makeExtension(n)) };
}

function update(seq: number, patch: Partial<AppUpdate> = {}): AppUpdate {
  return { seq, now: seq * 10, view: {}, board: null, ...patch };
}

describe('ViewSync', () => {
  it('applies updates in order on top of a whole state', () => {
    const sync = new ViewSync();
    expect(sync.setState(state(3, ['1', '2']))).toBe(true);
    expect(sync.apply(update(4, { board: { reset: false, upsert: [makeExtension('3')] } }))).toBe(
      'applied',
    );
    expect([...sync.board.keys()]).toEqual(['1', '2', '3']);
    expect(sync.apply(update(5, { view: { mode: 'demo' } }))).toBe('applied');
    expect(sync.view).toMatchObject({ mode: 'demo', now: 50 });
    expect(sync.apply(update(7))).toBe('gap');
    expect(sync.apply(update(5))).toBe('ignored');
    expect(sync.apply(update(6, { board: { reset: true, upsert: [makeExtension('9')] } }))).toBe(
      'applied',
    );
    expect([...sync.board.keys()]).toEqual(['9']);
  });

  it('holds updates that arrive before their state, and drops the ones the state already has', () => {
    const sync = new ViewSync();
    expect(sync.apply(update(2, { view: { mode: 'demo' } }))).toBe('waiting');
    expect(sync.apply(update(3, { view: { mode: 'signed-out' } }))).toBe('waiting');
    sync.setState(state(2, []));
    expect(sync.view?.mode).toBe('signed-out');
  });

  it('refuses a state older than the updates it applied, until the link resets', () => {
    const sync = new ViewSync();
    sync.setState(state(1, []));
    sync.apply(update(2, { view: { mode: 'demo' } }));
    expect(sync.setState(state(1, []))).toBe(false);
    expect(sync.view?.mode).toBe('demo');
    sync.reset();
    expect(sync.setState(state(0, ['5']))).toBe(true);
    expect([...sync.board.keys()]).toEqual(['5']);
  });

  it('keeps its own recent-call objects for the entries an update brings again unchanged', () => {
    const recent = (ivrid: string, outcome: RecentCall['outcome'] = 'answered') =>
      makeRecent({ ivrid, outcome });
    const sync = new ViewSync();
    const [a, b] = [recent('a'), recent('b')];
    sync.setState({ ...VIEW, recent: [a, b], seq: 1, board: [] });

    // What arrives is always new objects (it crossed IPC or a WebSocket).
    sync.apply(update(2, { view: { recent: [recent('c'), recent('a'), recent('b')] } }));
    const after = sync.view?.recent ?? [];
    expect(after.map((r) => r.ivrid)).toEqual(['c', 'a', 'b']);
    expect(after[1]).toBe(a);
    expect(after[2]).toBe(b);

    sync.apply(update(3, { view: { recent: after.map((r) => ({ ...r })) } }));
    expect(sync.view?.recent).toBe(after);

    sync.apply(update(4, { view: { recent: [recent('c'), recent('a', 'missed'), recent('b')] } }));
    const changed = sync.view?.recent ?? [];
    expect(changed[0]).toBe(after[0]);
    expect(changed[1]).not.toBe(a);
    expect(changed[1]?.outcome).toBe('missed');
    expect(changed[2]).toBe(b);

    // Nothing to keep: the update's own list is taken as it is.
    const fresh = [recent('d')];
    sync.apply(update(5, { view: { recent: fresh } }));
    expect(sync.view?.recent).toBe(fresh);
  });
});
