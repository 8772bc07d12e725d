/**
 * The call state: the board (every monitored extension and its active calls) kept in one map of
 * entries by extension number and changed in place by one event at a time, and the agent's side (own extensions, current and
 * last call, queues, recent calls), handed out as an immutable `CallState` after every event.
 *
 * Decisions worth knowing:
 * - Per-event work is the event's extension, its calls and the agent's own extensions; nothing
 *   scans or copies the board. Snapshots rebuild it (they list it all anyway).
 * - `currentCall` is the most recently changed active call on an own extension, so a call that
 *   starts ringing while the agent talks becomes current, and when it ends the talking call is
 *   current again.
 * - Own extensions are the configured list; when it is empty and a snapshot lists exactly one
 *   extension (what a user login sees), that one becomes own and stays so until
 *   `setOwnExtensions` is called.
 * - Another agent's record and its calls are the board's own and are changed in place (read them
 *   when you need them, do not keep them to compare);
 *   records handed out in `CallState` (the agent's own) are never changed: the first change after
 *   that copies them.
 * - The board's `ExtensionInfo.calls` is derived from the active calls (same calls, oldest change
 *   first), so the board and the call card never disagree (the payload's own `calls` can be stale
 *   on HOLD/UNHOLD).
 */
import type {
  ActiveCall,
  CallBoard,
  CallInfo,
  CallState,
  ExtensionInfo,
  QueueInfo,
  RealtimeEvent,
} from '../domain/calls';
import {
  activeCallKey,
  activeCallOf,
  BoardWriter,
  callsByChange,
  newestOwnCall,
  type AgentSide,
  type BoardCall,
  type BoardMaps,
} from './board-writer';
import { applyExtensionEvent } from './extension-event';
import { mergeCall } from './merge';
import { addRecent } from './recent';

export { RECENT_CALLS_CAP } from './recent';
export { activeCallKey } from './board-writer';

type QueueEvent = Extract<RealtimeEvent, { kind: 'queue' }>;

/** What one event did: the agent's side before and after, and which board records it touched. */
export interface CallChange {
  before: CallState;
  after: CallState;
  /** `one`: only `extension`'s record; `all`: the board was replaced; `none`: the board is as it was. */
  board: 'none' | 'one' | 'all';
  extension: string | null;
}

function cleanList(list: readonly string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];
}

export class CallStore {
  private readonly maps: BoardMaps = {
    entries: new Map(),
    activeCount: 0,
    nextChange: 0,
  };
  private readonly side: AgentSide;
  private readonly writer: BoardWriter;
  private queues: Record<string, QueueInfo> = {};
  private current: CallState;

  /** The whole board, read-only, as of the latest event. */
  readonly board: CallBoard;

  constructor(ownExtensions: readonly string[]) {
    this.side = {
      ownExtensions: cleanList(ownExtensions),
      currentCall: null,
      lastCall: null,
      recent: [],
    };
    this.writer = new BoardWriter(this.maps, this.side);
    this.current = this.takeState();
    const maps = this.maps;
    this.board = {
      get: (extension) => maps.entries.get(extension)?.record,
      get size() {
        return maps.entries.size;
      },
      get activeCallCount() {
        return maps.activeCount;
      },
      values: () => recordsOf(maps),
      activeCall: (extension, ivrid) => activeCallOf(maps, extension, ivrid),
      activeCalls: () =>
        callsByChange(maps)
          .map((slot) => slot.active)
          .values(),
    };
  }

  /**
   * The agent's side now: an immutable value, and the same object until something in it changes
   * (another extension's event leaves it as it was).
   */
  get state(): CallState {
    return this.current;
  }

  apply(event: RealtimeEvent): CallChange {
    const before = this.current;
    switch (event.kind) {
      case 'queuesSnapshot': {
        const queues: Record<string, QueueInfo> = {};
        for (const q of event.queues) queues[String(q.id)] = q;
        this.queues = queues;
        return this.changed(before, 'none', null);
      }
      case 'extensionsSnapshot':
        this.applySnapshot(event.extensions, event.at);
        return this.changed(before, 'all', null);
      case 'extension': {
        const writer = this.writer;
        writer.begin(event.at);
        applyExtensionEvent(writer, event);
        writer.finish();
        return this.changed(before, 'one', event.extension.number);
      }
      case 'queue':
        this.applyQueueEvent(event);
        return this.changed(before, 'none', null);
      case 'loginSuccess':
      case 'dialers':
      case 'monitoredSetChanged':
      case 'keepaliveResponse':
        return { before, after: before, board: 'none', extension: null };
    }
  }

  setOwnExtensions(list: readonly string[]): CallChange {
    const before = this.current;
    this.side.ownExtensions = cleanList(list);
    this.side.currentCall = newestOwnCall(this.maps, this.side.ownExtensions);
    return this.changed(before, 'none', null);
  }

  private changed(before: CallState, board: CallChange['board'], extension: string | null) {
    if (!this.sameAs(before)) this.current = this.takeState();
    return { before, after: this.current, board, extension };
  }

  /** Whether `state` still tells the agent's side as it is (O(own extensions)). */
  private sameAs(state: CallState): boolean {
    const side = this.side;
    if (
      state.currentCall !== side.currentCall ||
      state.lastCall !== side.lastCall ||
      state.recent !== side.recent ||
      state.queues !== this.queues ||
      state.ownExtensions !== side.ownExtensions
    ) {
      return false;
    }
    for (const n of side.ownExtensions) {
      if (state.own[n] !== this.maps.entries.get(n)?.record) return false;
    }
    return true;
  }

  private takeState(): CallState {
    const own: Record<string, ExtensionInfo> = {};
    for (const number of this.side.ownExtensions) {
      const entry = this.maps.entries.get(number);
      if (entry) {
        own[number] = entry.record;
        entry.handedOut = true;
        entry.shared = true;
      }
    }
    return {
      ownExtensions: this.side.ownExtensions,
      own,
      currentCall: this.side.currentCall,
      lastCall: this.side.lastCall,
      queues: this.queues,
      recent: this.side.recent,
    };
  }

  /** A snapshot replaces the board: calls it still lists are kept (merged), others ended. */
  private applySnapshot(extensions: ExtensionInfo[], at: number): void {
    if (this.side.ownExtensions.length === 0 && extensions.length === 1 && extensions[0]) {
      this.side.ownExtensions = [extensions[0].number];
    }
    const listed = new Map<string, CallInfo>();
    for (const ext of extensions) {
      for (const call of ext.calls) listed.set(activeCallKey(ext.number, call.ivrid), call);
    }
    // Kept calls first, in their old order with their change numbers, then the new ones.
    const kept = new Map<string, BoardCall>();
    const ghosts: ActiveCall[] = [];
    for (const slot of callsByChange(this.maps)) {
      const { extension, call: old } = slot.active;
      const key = activeCallKey(extension, old.ivrid);
      const call = listed.get(key);
      if (!call) ghosts.push(slot.active);
      else {
        const merged = { extension, call: mergeCall(old, call) };
        kept.set(key, { ivrid: slot.ivrid, active: merged, order: slot.order });
      }
    }
    const writer = this.writer;
    writer.begin(at);
    for (const ext of extensions) {
      for (const call of ext.calls) {
        const key = activeCallKey(ext.number, call.ivrid);
        if (!kept.has(key)) {
          // The board's own copy: another agent's call is changed in place later.
          const active = { extension: ext.number, call: { ...call } };
          kept.set(key, { ivrid: call.ivrid, active, order: writer.newChange() });
        }
      }
    }
    const byExt = new Map<string, BoardCall[]>();
    for (const slot of kept.values()) {
      const list = byExt.get(slot.active.extension);
      if (list) list.push(slot);
      else byExt.set(slot.active.extension, [slot]);
    }
    writer.replaceBoard();
    for (const ext of extensions) writer.putEntry(ext, byExt.get(ext.number) ?? []);
    for (const ghost of ghosts) writer.endCall(ghost, 'ended-while-offline', '');
    writer.finish();
  }

  private applyQueueEvent(event: QueueEvent): void {
    const id = String(event.queue.id);
    const before = this.queues[id];
    this.queues = { ...this.queues, [id]: event.queue };
    if (event.reason !== 'ABANDONED') return;
    // The server names the abandoned call; failing that, the one call that left the list.
    const gone = (before?.calls ?? []).filter(
      (c) => !event.queue.calls.some((n) => n.ivrid === c.ivrid),
    );
    const ivrid = event.ivrid ?? (gone.length === 1 ? gone[0]?.ivrid : undefined);
    if (!ivrid) return;
    const entry = before?.calls.find((c) => c.ivrid === ivrid);
    this.side.recent = addRecent(this.side.recent, {
      ivrid,
      extension: '',
      callerName: entry?.callerName ?? '',
      callerPhone: entry?.callerId ?? '',
      did: '',
      direction: 'incoming',
      startedAt: entry?.joinedAt ?? null,
      answeredAt: null,
      endedAt: event.at,
      outcome: 'abandoned',
      cause: '',
      queueId: event.queue.id,
    });
  }
}

function* recordsOf(maps: BoardMaps): IterableIterator<ExtensionInfo> {
  for (const entry of maps.entries.values()) yield entry.record;
}
