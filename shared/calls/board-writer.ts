/**
 * Applies one realtime event to the board, in place. The board is keyed (extension records by
 * number, active calls by `${extension}:${ivrid}`), so an event reads and writes only its own
 * extension, its calls and the current call: it costs the same on a board of 50 or of 5,000
 * extensions, and it allocates only the records it replaces.
 *
 * It keeps the invariant that `extensions[ext].calls` lists exactly the active calls of `ext`,
 * oldest change first. That makes the extension record the per-extension index of the active
 * calls: which calls an extension has, and which changed last, without scanning the board.
 */
import type { ActiveCall, CallInfo, CallOutcome, ExtensionInfo, RecentCall } from '../domain/calls';
import { addRecent, recentFromCall } from './recent';
import { keepSameText } from './same-text';

export function activeCallKey(extension: string, ivrid: string): string {
  return `${extension}:${ivrid}`;
}

export function keyOf(active: ActiveCall): string {
  return activeCallKey(active.extension, active.call.ivrid);
}

/** The active calls of a board, oldest change first (sorts: for snapshots and on-demand reads). */
export function activeByChange(board: BoardMaps): ActiveCall[] {
  return [...board.active.values()].sort((a, b) => a.order - b.order).map((entry) => entry.active);
}

/** An active call on the board and when it last changed (a counter, to order calls across
 * extensions). Changed in place when the call changes. */
export interface BoardCall {
  active: ActiveCall;
  order: number;
}

/** The store's board: mutable maps only the writer changes. */
export interface BoardMaps {
  extensions: Map<string, ExtensionInfo>;
  /** Active calls, each with when it last changed (in no particular order). */
  active: Map<string, BoardCall>;
  nextChange: number;
}

/** The agent's side the writer reads and settles (the store's own fields). */
export interface AgentSide {
  ownExtensions: string[];
  currentCall: ActiveCall | null;
  lastCall: (ActiveCall & { endedAt: number; outcome: CallOutcome }) | null;
  recent: RecentCall[];
  /** Records handed out in a `CallState`: never changed in place (followers keep old states). */
  handedOut: WeakSet<ExtensionInfo>;
}

/**
 * The most recently changed active call on an own extension: the newest call of each own
 * extension, compared by when it changed. Reads only the own extensions' records.
 */
export function newestOwnCall(board: BoardMaps, own: readonly string[]): ActiveCall | null {
  let best: ActiveCall | null = null;
  let bestOrder = -Infinity;
  for (const extension of own) {
    const calls = board.extensions.get(extension)?.calls ?? [];
    const newest = calls[calls.length - 1];
    if (!newest) continue;
    const key = activeCallKey(extension, newest.ivrid);
    const entry = board.active.get(key);
    if (entry && entry.order > bestOrder) {
      best = entry.active;
      bestOrder = entry.order;
    }
  }
  return best;
}

/**
 * A copy of `calls` without the call `ivrid`. A loop, not `filter`: this runs on every call event,
 * and a callback made per call is one more object (and, under tsx's name-keeping, a property
 * write) per event.
 */
function withoutCall(calls: readonly CallInfo[], ivrid: string): CallInfo[] {
  const out: CallInfo[] = [];
  for (const call of calls) if (call.ivrid !== ivrid) out.push(call);
  return out;
}

const EXTENSION_TEXT = ['userName', 'sipUser', 'representativeName', 'peerStatus'] as const;

export class BoardWriter {
  /** Own calls that ended in this event, with their outcome (for `lastCall`). */
  private readonly ended = new Map<string, { active: ActiveCall; outcome: CallOutcome }>();
  /** The own call this event changed last: it becomes the current call. */
  private touchedOwn: ActiveCall | null = null;
  /** Whether this event wrote to an own extension: if not, the current call is as it was. */
  private ownWritten = false;
  /** Set when the whole board was replaced (a snapshot): the current call is looked up afresh. */
  private replaced = false;
  /**
   * Call lists changed in this event, until they are written to the records: an event changes
   * one extension's list (`listOwner`), a snapshot may end calls on several (`moreLists`).
   */
  private listOwner: string | null = null;
  private listCalls: CallInfo[] = [];
  private readonly moreLists = new Map<string, CallInfo[]>();
  private was: ActiveCall | null = null;
  /**
   * The record last read or written, by number: an event reads its extension's record several
   * times, and on a large board every map lookup is a likely cache miss.
   */
  private cachedNumber: string | null = null;
  private cachedRecord: ExtensionInfo | undefined = undefined;
  private keyExtension = '';
  private keyIvrid = '';
  private key = activeCallKey('', '');
  /** The event's time. */
  at = 0;

  /** One writer serves a store for good: `begin` readies it for each event. */
  constructor(
    private readonly board: BoardMaps,
    private readonly side: AgentSide,
  ) {}

  /** Starts an event (or a snapshot) stamped `at`. */
  begin(at: number): void {
    this.at = at;
    this.was = this.side.currentCall;
    this.touchedOwn = null;
    this.ownWritten = false;
    this.replaced = false;
    this.cachedNumber = null;
    this.cachedRecord = undefined;
    this.listOwner = null;
    // Clearing an empty map would still allocate its table afresh.
    if (this.ended.size > 0) this.ended.clear();
    if (this.moreLists.size > 0) this.moreLists.clear();
  }

  get ownExtensions(): string[] {
    return this.side.ownExtensions;
  }

  find(extension: string, ivrid: string): ActiveCall | undefined {
    return this.board.active.get(this.keyFor(extension, ivrid))?.active;
  }

  /** The key of a call; the event's own call is keyed several times, and built once. */
  private keyFor(extension: string, ivrid: string): string {
    if (extension !== this.keyExtension || ivrid !== this.keyIvrid) {
      this.keyExtension = extension;
      this.keyIvrid = ivrid;
      this.key = activeCallKey(extension, ivrid);
    }
    return this.key;
  }

  /** The extension's active calls, oldest change first. Never mutated: lists are replaced. */
  callsOf(extension: string): CallInfo[] {
    if (extension === this.listOwner) return this.listCalls;
    return this.moreLists.get(extension) ?? this.extension(extension)?.calls ?? [];
  }

  extension(number: string): ExtensionInfo | undefined {
    if (number !== this.cachedNumber) {
      this.cachedNumber = number;
      this.cachedRecord = this.board.extensions.get(number);
    }
    return this.cachedRecord;
  }

  private storeRecord(record: ExtensionInfo): void {
    this.board.extensions.set(record.number, record);
    this.cachedNumber = record.number;
    this.cachedRecord = record;
  }

  /** Stores the extension's record with its tracked calls (the payload's own list can be stale). */
  setExtension(info: ExtensionInfo): void {
    const old = this.extension(info.number);
    if (old && this.changeable(old) && sameInfo(old, info)) {
      const calls = this.callsOf(info.number);
      if (old.calls !== calls) old.calls = calls;
      return;
    }
    const record = { ...info, calls: this.callsOf(info.number) };
    const before = this.extension(info.number);
    if (before) {
      // The board is keyed by number: the old record's copy of it is the same text.
      record.number = before.number;
      keepSameText(record, before, EXTENSION_TEXT);
    }
    this.storeRecord(record);
  }

  /** Clears the board for a snapshot; `fill` then puts back what the snapshot lists. */
  replaceBoard(): void {
    this.board.extensions.clear();
    this.board.active.clear();
    this.listOwner = null;
    this.moreLists.clear();
    this.touchedOwn = null;
    this.replaced = true;
    this.cachedNumber = null;
    this.cachedRecord = undefined;
  }

  /** Stores a record as given: its `calls` must list its active calls (snapshots only). */
  putRecord(info: ExtensionInfo): void {
    this.storeRecord(info);
  }

  /** The next change number (for calls a snapshot adds). */
  newChange(): number {
    return this.board.nextChange++;
  }

  /** Puts a call back as it was (a snapshot keeping it), with its change number. */
  keepCall(value: ActiveCall, order: number): void {
    const key = keyOf(value);
    this.board.active.set(key, { active: value, order });
  }

  /** Adds or updates a call and marks it the most recently changed one. */
  putCall(value: ActiveCall): void {
    const key = this.keyFor(value.extension, value.call.ivrid);
    // A known call's entry is changed in place: one map lookup, and no new key kept per event.
    const entry = this.board.active.get(key);
    const order = this.board.nextChange++;
    if (entry) {
      entry.active = value;
      entry.order = order;
    } else this.board.active.set(key, { active: value, order });
    const ivrid = value.call.ivrid;
    const list = withoutCall(this.callsOf(value.extension), ivrid);
    list.push(value.call);
    this.setCalls(value.extension, list);
    if (this.isOwn(value.extension)) this.touchedOwn = value;
  }

  /** Ends a call (known or only described by the event) and records it if it was an own one. */
  endCall(value: ActiveCall, outcome: CallOutcome, cause: string, fallbackPhone = ''): void {
    const key = this.keyFor(value.extension, value.call.ivrid);
    if (this.board.active.delete(key)) {
      const ivrid = value.call.ivrid;
      this.setCalls(value.extension, withoutCall(this.callsOf(value.extension), ivrid));
    }
    if (this.isOwn(value.extension)) {
      this.ownWritten = true;
      this.ended.set(key, { active: value, outcome });
      this.side.recent = addRecent(
        this.side.recent,
        recentFromCall(value, this.at, outcome, cause, fallbackPhone),
      );
    }
  }

  /** Settles `currentCall` and `lastCall` after the event's writes. */
  finish(): void {
    if (this.listOwner !== null) this.writeCalls(this.listOwner, this.listCalls);
    for (const [number, calls] of this.moreLists) this.writeCalls(number, calls);
    const was = this.was;
    // Another extension's event: the agent's current and last call are as they were.
    if (!this.ownWritten && !this.replaced) return;
    if (was && !this.board.active.has(keyOf(was))) {
      const end = this.ended.get(keyOf(was));
      const last = end?.active ?? was;
      this.side.lastCall = {
        extension: last.extension,
        call: { ...last.call, status: 'ended' },
        endedAt: this.at,
        outcome: end?.outcome ?? 'ended-while-offline',
      };
    }
    this.side.currentCall = this.settleCurrent(was);
  }

  private setCalls(extension: string, calls: CallInfo[]): void {
    if (this.isOwn(extension)) this.ownWritten = true;
    if (this.listOwner === null || this.listOwner === extension) {
      this.listOwner = extension;
      this.listCalls = calls;
    } else this.moreLists.set(extension, calls);
  }

  private writeCalls(number: string, calls: CallInfo[]): void {
    const info = this.extension(number);
    if (!info || info.calls === calls) return;
    if (this.changeable(info)) info.calls = calls;
    else this.storeRecord({ ...info, calls });
  }

  /**
   * Whether a record may be changed in place: another agent's, never handed out with the agent's
   * side. Those are the board's own, read by the window's updates as they are now; replacing them
   * on every call event would make a record per event to collect.
   */
  private changeable(record: ExtensionInfo): boolean {
    return !this.isOwn(record.number) && !this.side.handedOut.has(record);
  }

  private isOwn(extension: string): boolean {
    return this.side.ownExtensions.includes(extension);
  }

  /**
   * The call changed last on an own extension is current; when the current call ends, the
   * newest remaining own call takes over. Only the own extensions' call lists are read.
   */
  private settleCurrent(was: ActiveCall | null): ActiveCall | null {
    if (this.replaced) return newestOwnCall(this.board, this.side.ownExtensions);
    // One event changes one call or ends calls, never both: a changed own call is still active.
    if (this.touchedOwn) return this.touchedOwn;
    if (was === null || this.board.active.get(keyOf(was))?.active === was) return was;
    return newestOwnCall(this.board, this.side.ownExtensions);
  }
}

function sameInfo(a: ExtensionInfo, b: ExtensionInfo): boolean {
  return (
    a.statusCode === b.statusCode &&
    a.statusUpdatedAt === b.statusUpdatedAt &&
    a.userId === b.userId &&
    a.onlineUserId === b.onlineUserId &&
    a.peerStatus === b.peerStatus &&
    a.userName === b.userName &&
    a.sipUser === b.sipUser &&
    a.representativeName === b.representativeName
  );
}
