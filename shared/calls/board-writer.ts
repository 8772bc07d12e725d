/**
 * Applies one realtime event to the board, in place. The board is one map of entries keyed by
 * extension number, each holding the extension's record and its active calls, so an event does
 * one lookup and then reads and writes only its own extension, its calls and the current call:
 * it costs the same on a board of 50 or of 5,000 extensions, and what it leaves behind is the
 * call it changed, not a copy of the record or a key per call.
 *
 * It keeps the invariant that an entry's `record.calls` lists exactly its active calls, oldest
 * change first, the very call objects of `calls`. Records handed out with the agent's side are
 * never changed: the first write of an event copies such a record (copy on write) and the entry
 * keeps the copy, which later writes may change in place. Another agent's calls are changed in
 * place too (an update writes into the board's own call object), unless the extension was ever
 * an own one: its calls may be held outside the board and are replaced instead.
 */
import type { ActiveCall, CallInfo, CallOutcome, ExtensionInfo, RecentCall } from '../domain/calls';
import { applyReason, mergeInto, settleReason, updateCall } from './merge';
import { addRecent, recentFromCall } from './recent';
import { keepSameText } from './same-text';

export function activeCallKey(extension: string, ivrid: string): string {
  return `${extension}:${ivrid}`;
}

export function keyOf(active: ActiveCall): string {
  return activeCallKey(active.extension, active.call.ivrid);
}

/** An active call and when it last changed (a counter, to order calls across extensions). */
export interface BoardCall {
  /** The call's id, here so that finding a call reads the slot and not the call behind it. */
  ivrid: string;
  active: ActiveCall;
  order: number;
}

/** One extension on the board. */
export interface BoardEntry {
  /** `record.calls[i]` is `calls[i].active.call`. */
  record: ExtensionInfo;
  /** The extension's active calls, oldest change first. */
  calls: BoardCall[];
  /** `record` was handed out in a `CallState`: it and its list are copied before a change. */
  handedOut: boolean;
  /**
   * The extension was ever an own one, so its calls may be held outside the board (the agent's
   * current and last call, followers' states): its call objects are replaced, never changed.
   */
  shared: boolean;
}

/** The store's board: mutable state only the writer changes. */
export interface BoardMaps {
  entries: Map<string, BoardEntry>;
  activeCount: number;
  nextChange: number;
}

/** The agent's side the writer reads and settles (the store's own fields). */
export interface AgentSide {
  ownExtensions: string[];
  currentCall: ActiveCall | null;
  lastCall: (ActiveCall & { endedAt: number; outcome: CallOutcome }) | null;
  recent: RecentCall[];
}

/** Every call of a board, oldest change first (walks the board: on-demand reads only). */
export function callsByChange(board: BoardMaps): BoardCall[] {
  const all: BoardCall[] = [];
  for (const entry of board.entries.values()) all.push(...entry.calls);
  return all.sort((a, b) => a.order - b.order);
}

/** The index of call `ivrid` in an entry, or -1. Entries hold a call or two: a scan is cheapest. */
function indexOf(entry: BoardEntry, ivrid: string): number {
  const calls = entry.calls;
  for (let i = 0; i < calls.length; i++) {
    if (calls[i]?.ivrid === ivrid) return i;
  }
  return -1;
}

/** An extension's active call by id. */
export function activeCallOf(
  board: BoardMaps,
  extension: string,
  ivrid: string,
): ActiveCall | undefined {
  const entry = board.entries.get(extension);
  return entry ? entry.calls[indexOf(entry, ivrid)]?.active : undefined;
}

/**
 * The most recently changed active call on an own extension: the newest call of each own
 * extension, compared by when it changed. Reads only the own extensions' entries.
 */
export function newestOwnCall(board: BoardMaps, own: readonly string[]): ActiveCall | null {
  let best: BoardCall | null = null;
  for (const extension of own) {
    const calls = board.entries.get(extension)?.calls ?? [];
    const newest = calls[calls.length - 1];
    if (newest && (best === null || newest.order > best.order)) best = newest;
  }
  return best?.active ?? null;
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
  private was: ActiveCall | null = null;
  /** The entry last looked up, by number: an event reads its extension several times. */
  private cachedNumber: string | null = null;
  private cachedEntry: BoardEntry | undefined = undefined;
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
    this.cachedEntry = undefined;
    // Clearing an empty map would still allocate its table afresh.
    if (this.ended.size > 0) this.ended.clear();
  }

  get ownExtensions(): string[] {
    return this.side.ownExtensions;
  }

  find(extension: string, ivrid: string): ActiveCall | undefined {
    const entry = this.entry(extension);
    if (!entry) return undefined;
    return entry.calls[indexOf(entry, ivrid)]?.active;
  }

  /** The extension's active calls, oldest change first (read it before writing to it). */
  callsOf(extension: string): readonly CallInfo[] {
    return this.entry(extension)?.record.calls ?? [];
  }

  extension(number: string): ExtensionInfo | undefined {
    return this.entry(number)?.record;
  }

  private entry(number: string): BoardEntry | undefined {
    if (number !== this.cachedNumber) {
      this.cachedNumber = number;
      this.cachedEntry = this.board.entries.get(number);
    }
    return this.cachedEntry;
  }

  /** The entry, its record safe to change in place (a handed-out one is copied first). */
  private writable(entry: BoardEntry): BoardEntry {
    if (entry.handedOut) {
      entry.record = { ...entry.record, calls: entry.record.calls.slice() };
      entry.handedOut = false;
    }
    if (this.isOwn(entry.record.number)) this.ownWritten = true;
    return entry;
  }

  private addEntry(record: ExtensionInfo, calls: BoardCall[]): BoardEntry {
    const entry: BoardEntry = { record, calls, handedOut: false, shared: false };
    this.board.entries.set(record.number, entry);
    this.board.activeCount += calls.length;
    this.cachedNumber = record.number;
    this.cachedEntry = entry;
    return entry;
  }

  /**
   * Takes the extension's data from `info`; its calls stay the tracked ones (the payload's own
   * list can be stale). A record whose data is unchanged is kept as it is.
   */
  setExtension(info: ExtensionInfo): void {
    const entry = this.entry(info.number);
    if (!entry) {
      this.addEntry({ ...info, calls: [] }, []);
      if (this.isOwn(info.number)) this.ownWritten = true;
      return;
    }
    const old = entry.record;
    if (sameInfo(old, info)) return;
    this.replaceRecord(entry, { ...info, calls: old.calls });
  }

  /** Sets the agent's status on a known extension, keeping everything else. */
  setStatus(number: string, statusCode: number | null, statusUpdatedAt: number | null): void {
    const entry = this.entry(number);
    if (!entry) return;
    const old = entry.record;
    if (old.statusCode === statusCode && old.statusUpdatedAt === statusUpdatedAt) return;
    if (entry.handedOut || this.isOwn(number)) {
      this.replaceRecord(entry, { ...old, statusCode, statusUpdatedAt });
    } else {
      // Another agent's record, the board's own: two numbers change, nothing new to collect.
      old.statusCode = statusCode;
      old.statusUpdatedAt = statusUpdatedAt;
    }
  }

  /** A new record object: a record that is already out keeps its values. */
  private replaceRecord(entry: BoardEntry, record: ExtensionInfo): void {
    const old = entry.record;
    // The board is keyed by number: the old record's copy of it is the same text.
    record.number = old.number;
    keepSameText(record, old, EXTENSION_TEXT);
    if (entry.handedOut) record.calls = old.calls.slice();
    entry.record = record;
    entry.handedOut = false;
    if (this.isOwn(old.number)) this.ownWritten = true;
  }

  /** Clears the board for a snapshot; `putEntry` then puts back what the snapshot lists. */
  replaceBoard(): void {
    this.board.entries.clear();
    this.board.activeCount = 0;
    this.touchedOwn = null;
    this.replaced = true;
    this.cachedNumber = null;
    this.cachedEntry = undefined;
  }

  /** Stores a record and its calls, oldest change first (snapshots only). */
  putEntry(info: ExtensionInfo, calls: BoardCall[]): void {
    const record = { ...info, calls: calls.map((slot) => slot.active.call) };
    const old = this.entry(info.number);
    if (old) this.board.activeCount -= old.calls.length;
    this.addEntry(record, calls);
  }

  /** The next change number (for calls a snapshot adds). */
  newChange(): number {
    return this.board.nextChange++;
  }

  /**
   * Takes a call event's call (NEWCALL, ANSWER, HOLD, UNHOLD) on a known extension: a new call,
   * or an update merged into the known one; either becomes the most recently changed call.
   */
  takeCall(extension: string, next: CallInfo, reason: string, at: number): void {
    const found = this.entry(extension);
    if (!found) return;
    const index = indexOf(found, next.ivrid);
    const slot = found.calls[index];
    const inPlace = !found.shared && !this.isOwn(extension);
    if (slot && inPlace) {
      // Another agent's call, never handed out: changed in place, nothing new to collect.
      mergeInto(slot.active.call, next);
      settleReason(slot.active.call, reason, at);
      this.touch(found, index, slot, false);
      return;
    }
    let call: CallInfo;
    if (slot) call = updateCall(slot.active.call, next, reason, at);
    else if (inPlace) {
      // The board's own copy of the event's call, to be changed in place later.
      call = { ...next };
      settleReason(call, reason, at);
    } else call = applyReason(next, reason, at);
    this.putCall({ extension, call });
  }

  /** Adds or updates a call on a known extension and marks it the most recently changed one. */
  private putCall(value: ActiveCall): void {
    const found = this.entry(value.extension);
    if (!found) return;
    const entry = this.writable(found);
    const calls = entry.calls;
    const index = indexOf(entry, value.call.ivrid);
    const slot = calls[index];
    if (slot) {
      slot.active = value;
      this.touch(entry, index, slot, true);
    } else {
      const added = { ivrid: value.call.ivrid, active: value, order: this.board.nextChange++ };
      if (calls.length === 0) {
        // Most extensions hold no call or one. An array emptied by a hangup has lost its backing
        // store, and a push would give it room for 17: two such arrays per call would outlive
        // young collections on a large board. Literals of one are exactly the size needed.
        entry.calls = [added];
        entry.record.calls = [value.call];
      } else {
        calls.push(added);
        entry.record.calls.push(value.call);
      }
      this.board.activeCount++;
    }
    if (this.isOwn(value.extension)) this.touchedOwn = value;
  }

  /**
   * A call changed: it gets the next change number and moves to the end of its extension's list.
   * `newObject`: the slot holds a new call object (else its call was changed in place).
   */
  private touch(entry: BoardEntry, index: number, slot: BoardCall, newObject: boolean): void {
    slot.order = this.board.nextChange++;
    const calls = entry.calls;
    if (index === calls.length - 1) {
      // Already last: the record's list changes only if the call is a new object. Most updates
      // are another agent's call changed in place, and then the list is not even read.
      if (newObject) entry.record.calls[index] = slot.active.call;
      return;
    }
    const list = entry.record.calls;
    calls.splice(index, 1);
    calls.push(slot);
    list.splice(index, 1);
    list.push(slot.active.call);
  }

  /** Ends a call (known or only described by the event) and records it if it was an own one. */
  endCall(value: ActiveCall, outcome: CallOutcome, cause: string, fallbackPhone = ''): void {
    const found = this.entry(value.extension);
    const index = found ? indexOf(found, value.call.ivrid) : -1;
    if (found && index !== -1) {
      const entry = this.writable(found);
      entry.calls.splice(index, 1);
      entry.record.calls.splice(index, 1);
      this.board.activeCount--;
    }
    if (this.isOwn(value.extension)) {
      this.ownWritten = true;
      this.ended.set(keyOf(value), { active: value, outcome });
      this.side.recent = addRecent(
        this.side.recent,
        recentFromCall(value, this.at, outcome, cause, fallbackPhone),
      );
    }
  }

  /** Settles `currentCall` and `lastCall` after the event's writes. */
  finish(): void {
    const was = this.was;
    // Another extension's event: the agent's current and last call are as they were.
    if (!this.ownWritten && !this.replaced) return;
    if (was && !this.isActive(was)) {
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

  /** Whether the board still has a call with the same extension and id. */
  private isActive(active: ActiveCall): boolean {
    return this.find(active.extension, active.call.ivrid) !== undefined;
  }

  private isOwn(extension: string): boolean {
    return this.side.ownExtensions.includes(extension);
  }

  /**
   * The call changed last on an own extension is current; when the current call ends, the
   * newest remaining own call takes over. Only the own extensions' entries are read.
   */
  private settleCurrent(was: ActiveCall | null): ActiveCall | null {
    if (this.replaced) return newestOwnCall(this.board, this.side.ownExtensions);
    // One event changes one call or ends calls, never both: a changed own call is still active.
    if (this.touchedOwn) return this.touchedOwn;
    if (was === null || this.find(was.extension, was.call.ivrid) === was) return was;
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
