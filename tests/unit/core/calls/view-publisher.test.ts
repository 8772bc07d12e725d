import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallStore } from '../../../../shared/calls/store';
import { callsView } from '../../../../shared/calls/view';
import type { ExtensionInfo, RealtimeEvent } from '../../../../shared/domain/calls';
import type { AppSnapshot, AppUpdate } from '../../../../shared/ipc/snapshot';
import { ViewPublisher } from '../../../../electron/core/calls/view-publisher';
import { ViewSync } from '../../../../renderer/src/lib/view-sync';
import { makeCall, makeExtension } from '../../../support/calls';

const OWN = '100';
const BOARD = Array.from({ length: 200 }, (_, i) => String(100 + i));

function snapshotEvent(): RealtimeEvent {
  return {
    kind: 'extensionsSnapshot',
    at: 1,
    extensions: BOARD.map((n) => makeExtension(n)),
  };
}

function callEvent(
  ext: string,
  ivrid: string,
  reason = 'NEWCALL',
  at = 2,
): Extract<RealtimeEvent, { kind: 'extension' }> {
  const call = makeCall({ ivrid });
  return {
    kind: 'extension',
    reason,
    at,
    extension: makeExtension(ext, { calls: [call] }),
    call,
    hangup: null,
  };
}

/** A publisher over a state the test drives, with a manual clock and flushes. */
function rig() {
  const store = new CallStore([OWN]);
  let notices = 0;
  let now = 1_000;
  let lastEventAt: number | null = null;
  let status = 'connected';
  const view = (): AppSnapshot =>
    ({
      mode: 'account',
      connection: { state: { status }, lastEventAt },
      calls: callsView(store.state),
      recent: store.state.recent,
      notices: Array.from({ length: notices }, (_, i) => ({ id: String(i) })),
      now,
    }) as unknown as AppSnapshot;
  const publisher = new ViewPublisher({
    view,
    board: () => store.board,
    clock: { now: () => now },
  });
  const updates: AppUpdate[] = [];
  const window = publisher.subscribe((update) => updates.push(update));
  window.watch({ all: true });
  return {
    publisher,
    window,
    updates,
    apply(event: RealtimeEvent) {
      const change = store.apply(event);
      if (change.board === 'one') publisher.extensionChanged(change.extension ?? '');
      if (change.board === 'all') publisher.boardReset();
    },
    addNotice() {
      notices += 1;
      publisher.viewChanged();
    },
    advance(ms: number) {
      now += ms;
    },
    /** An event arrived now: the connection's last-event time moves. */
    event() {
      lastEventAt = now;
      publisher.viewChanged();
    },
    setStatus(next: string) {
      status = next;
      publisher.viewChanged();
    },
  };
}

let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('ViewPublisher', () => {
  it('sends only the touched board records and the view parts that changed', () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.apply(snapshotEvent());
    r.publisher.flush();
    expect(r.updates[0]?.board).toMatchObject({ reset: true });
    expect(r.updates[0]?.board?.upsert).toHaveLength(BOARD.length);

    r.apply(callEvent('150', 'a'));
    r.apply(callEvent('151', 'b'));
    r.apply(callEvent('150', 'a', 'ANSWER', 3));
    r.publisher.flush();
    const update = r.updates[1];
    expect(update?.seq).toBe(2);
    expect(update?.board?.reset).toBe(false);
    expect(update?.board?.upsert.map((e) => e.number).sort()).toEqual(['150', '151']);
    // Other extensions' calls leave the agent's view alone.
    expect(Object.keys(update?.view ?? {})).toEqual([]);

    r.addNotice();
    r.publisher.flush();
    expect(Object.keys(r.updates[2]?.view ?? {})).toEqual(['notices']);
    expect(r.updates[2]?.board).toBeNull();
  });

  it('puts an own call in the view and sends nothing when nothing changed', () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.apply(snapshotEvent());
    r.publisher.flush();
    r.apply(callEvent(OWN, 'mine'));
    r.publisher.flush();
    expect(r.updates[1]?.view.calls?.currentCall?.call.ivrid).toBe('mine');
    const count = r.updates.length;
    r.publisher.viewChanged();
    r.publisher.flush();
    expect(r.updates).toHaveLength(count);
  });

  it('sends the recent calls when a call ends, not with every change of the current call', () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.apply(snapshotEvent());
    r.publisher.flush();
    const parts = () => Object.keys(r.updates.at(-1)?.view ?? {});

    r.apply(callEvent(OWN, 'mine'));
    r.publisher.flush();
    expect(parts()).toEqual(['calls']);
    r.apply(callEvent(OWN, 'mine', 'ANSWER', 3));
    r.publisher.flush();
    expect(parts()).toEqual(['calls']);

    r.apply({ ...callEvent(OWN, 'mine', 'HANGUP', 4), extension: makeExtension(OWN) });
    r.publisher.flush();
    expect(parts()).toEqual(['calls', 'recent']);
    expect(r.updates.at(-1)?.view.recent?.map((entry) => entry.ivrid)).toEqual(['mine']);
  });

  it("sends the connection's last-event time when it moved a second, not in every frame", () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.event();
    r.publisher.flush();
    const sent = () => r.updates.filter((u) => u.view.connection).map((u) => u.view.connection);
    expect(sent()).toHaveLength(1);
    // A flood: an event in every 16 ms frame; the 63rd frame is the first a second on.
    for (let i = 0; i < 63; i++) {
      r.advance(16);
      r.event();
      r.publisher.flush();
    }
    expect(sent().map((c) => c?.lastEventAt)).toEqual([1_000, 1_000 + 63 * 16]);
    // Anything else about the connection is sent at once, with the time as it is.
    r.advance(16);
    r.event();
    r.setStatus('offline');
    r.publisher.flush();
    expect(sent().at(-1)).toEqual({ state: { status: 'offline' }, lastEventAt: 1_000 + 64 * 16 });
  });

  it('coalesces a burst into one update per frame', async () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.apply(snapshotEvent());
    r.publisher.flush();
    for (let i = 0; i < 100; i++) r.apply(callEvent(BOARD[i % 50] ?? OWN, `c${i}`));
    await new Promise((done) => setTimeout(done, 40));
    expect(r.updates).toHaveLength(2);
    expect(r.updates[1]?.board?.upsert).toHaveLength(50);
  });

  it('lets a window that joins late rebuild exactly the same state from state() and updates', () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.apply(snapshotEvent());
    r.publisher.flush();
    r.apply(callEvent('120', 'x'));
    // The window connects between two flushes: it takes the whole state, then the updates.
    const sync = new ViewSync();
    const late = r.publisher.subscribe((update) => expect(sync.apply(update)).not.toBe('gap'));
    late.watch({ all: true });
    sync.setState(late.state());
    r.apply(callEvent(OWN, 'y'));
    r.publisher.flush();
    r.apply(callEvent('120', 'x', 'HANGUP', 5));
    r.apply(snapshotEvent());
    r.publisher.flush();
    r.apply(callEvent('130', 'z'));
    r.addNotice();
    r.publisher.flush();
    const want = r.publisher.state();
    expect([...sync.board.values()].sort(byNumber)).toEqual([...want.board].sort(byNumber));
    expect({ ...sync.view, now: 0 }).toEqual({ ...stripBoard(want), now: 0 });
  });

  it('sends only the board records a window watches, and none until it asks', () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.window.watch({ extensions: [] });
    r.apply(snapshotEvent());
    r.publisher.flush();
    const firstBoard = r.updates.at(-1)?.board;
    expect(firstBoard).toEqual({ reset: true, upsert: [] });
    const before = r.updates.length;
    r.apply(callEvent('150', 'a'));
    r.publisher.flush();
    expect(r.updates).toHaveLength(before);

    r.window.watch({ extensions: ['150', '151', '999'] });
    r.publisher.flush();
    expect(r.updates.at(-1)?.board?.upsert.map((e) => e.number)).toEqual(['150', '151']);
    expect(r.updates.at(-1)?.board?.reset).toBe(true);
    expect(r.window.state().board.map((e) => e.number)).toEqual(['150', '151']);
    const count = r.updates.length;
    r.apply(callEvent('160', 'b'));
    r.publisher.flush();
    expect(r.updates).toHaveLength(count);
    r.apply(callEvent('151', 'c'));
    r.publisher.flush();
    expect(r.updates.at(-1)?.board).toEqual({
      reset: false,
      upsert: [expect.objectContaining({ number: '151' })],
    });
  });

  it("gives each window the board records it watches; one window's choice leaves the other's", () => {
    const r = rig();
    stop = () => r.publisher.stop();
    r.apply(snapshotEvent());
    r.publisher.flush();
    const other: AppUpdate[] = [];
    const second = r.publisher.subscribe((update) => other.push(update));
    expect(second.state().board).toEqual([]);
    second.watch({ extensions: ['160'] });
    r.publisher.flush();
    expect(other.at(-1)?.board).toEqual({
      reset: true,
      upsert: [expect.objectContaining({ number: '160' })],
    });

    // The first window (watching all) closes its board: the second still gets its record.
    r.window.watch({ extensions: [] });
    r.apply(callEvent('160', 'a'));
    r.apply(callEvent('170', 'b'));
    r.publisher.flush();
    expect(r.updates.at(-1)?.board).toEqual({ reset: true, upsert: [] });
    expect(other.at(-1)?.board?.upsert.map((e) => e.number)).toEqual(['160']);
    // Both get every update, numbered alike, so neither sees a gap.
    expect(other.at(-1)?.seq).toBe(r.updates.at(-1)?.seq);

    // A record only the first window watches: the second gets the update, with no board change.
    r.window.watch({ extensions: ['170'] });
    r.publisher.flush();
    r.apply(callEvent('170', 'b', 'ANSWER', 3));
    r.publisher.flush();
    expect(r.updates.at(-1)?.board?.upsert.map((e) => e.number)).toEqual(['170']);
    expect(other.at(-1)?.seq).toBe(r.updates.at(-1)?.seq);
    expect(other.at(-1)?.board).toBeNull();

    second.unsubscribe();
    const count = other.length;
    r.apply(callEvent('160', 'a', 'ANSWER', 4));
    r.publisher.flush();
    expect(other).toHaveLength(count);
  });

  it('tracks nothing and arms no timer while no window listens', () => {
    vi.useFakeTimers();
    try {
      const store = new CallStore([OWN]);
      const publisher = new ViewPublisher({
        view: () => ({ now: 0 }) as AppSnapshot,
        board: () => store.board,
        clock: { now: () => 0 },
      });
      publisher.extensionChanged('100');
      publisher.boardReset();
      publisher.viewChanged();
      expect(vi.getTimerCount()).toBe(0);
      publisher.subscribe(() => undefined);
      publisher.viewChanged();
      expect(vi.getTimerCount()).toBe(1);
      publisher.stop();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

const byNumber = (a: ExtensionInfo, b: ExtensionInfo) => a.number.localeCompare(b.number);

function stripBoard(state: ReturnType<ViewPublisher['state']>): AppSnapshot {
  const { board: _board, seq: _seq, ...view } = state;
  return view;
}
