/**
 * The working copy one realtime event is applied to. Copy-on-write: the board's records
 * (`extensions`, `activeCalls`) are shallow-copied only when the event writes to them, and every
 * extension, call and queue the event does not touch is the previous state's object. All reads
 * and writes are of the event's extension, its calls and the current call; what still grows with
 * the board is those two shallow copies (a pointer per entry), which a flat, immutable
 * `Record` per board in `CallState` cannot avoid. See benchmarks/README.md for what that costs.
 *
 * It relies on the reducer's invariant that `extensions[ext].calls` lists exactly the active calls
 * of `ext`, in `activeCalls` order (order of last change). That makes the extension record the
 * per-extension index of `activeCalls`: which calls an extension has, and which of them changed
 * last, without scanning every active call on the board.
 */
import type { ActiveCall, CallInfo, CallOutcome, CallState, ExtensionInfo } from '../domain/calls';
import { addRecent, recentFromCall } from './recent';

export function activeCallKey(extension: string, ivrid: string): string {
  return `${extension}:${ivrid}`;
}

export function keyOf(active: ActiveCall): string {
  return activeCallKey(active.extension, active.call.ivrid);
}

/**
 * The most recently changed active call on an own extension. O(active calls): for snapshots and
 * own-extension changes, never for a single call event.
 */
export function pickCurrent(
  active: Readonly<Record<string, ActiveCall>>,
  own: readonly string[],
): ActiveCall | null {
  if (own.length === 0) return null;
  const keys = Object.keys(active);
  for (let i = keys.length - 1; i >= 0; i--) {
    const candidate = active[keys[i] ?? ''];
    if (candidate && own.includes(candidate.extension)) return candidate;
  }
  return null;
}

/**
 * A plain-object copy in the same key order, built key by key into an object that starts in V8's
 * dictionary mode. Call keys (`ext:ivrid`) are new strings all the time; an object literal would
 * mint a hidden class per new key and per copy, and records past ~128 keys (or with sparse integer
 * keys such as extension numbers) end up in dictionary mode anyway, where `{ ...record }` costs
 * two to twenty times more than this loop. Observably it is a plain `{}`.
 */
function copyRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out = Object.setPrototypeOf(Object.create(null), Object.prototype) as Record<string, T>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    out[key] = record[key] as T;
  }
  return out;
}

export class CallDraft {
  ownExtensions: string[];
  queues: CallState['queues'];
  recent: CallState['recent'];
  readonly lastEventAt: number;
  /** Calls that ended in this event, with their outcome (for `lastCall`). */
  private readonly ended = new Map<string, { active: ActiveCall; outcome: CallOutcome }>();
  private extensions: Record<string, ExtensionInfo>;
  private active: Record<string, ActiveCall>;
  private ownsExtensions = false;
  private ownsActive = false;
  /** Call lists changed in this event, per extension, until they are written to the records. */
  private readonly lists = new Map<string, CallInfo[]>();
  /** The own call this event changed last: it becomes the current call. */
  private touchedOwn: ActiveCall | null = null;
  /** Set when the whole board was replaced (a snapshot): the current call is looked up afresh. */
  private replaced = false;

  constructor(
    private readonly base: CallState,
    at: number,
  ) {
    this.ownExtensions = base.ownExtensions;
    this.queues = base.queues;
    this.recent = base.recent;
    this.lastEventAt = at;
    this.extensions = base.extensions;
    this.active = base.activeCalls;
  }

  find(extension: string, ivrid: string): ActiveCall | undefined {
    return this.active[activeCallKey(extension, ivrid)];
  }

  /** The extension's active calls, oldest change first. Shared with the states: never mutated. */
  callsOf(extension: string): CallInfo[] {
    return this.lists.get(extension) ?? this.extensions[extension]?.calls ?? [];
  }

  extension(number: string): ExtensionInfo | undefined {
    return this.extensions[number];
  }

  /** Stores the extension's record; its `calls` are replaced by the tracked list on `finish`. */
  setExtension(info: ExtensionInfo): void {
    if (!this.ownsExtensions) {
      this.extensions = copyRecord(this.extensions);
      this.ownsExtensions = true;
    }
    this.extensions[info.number] = info;
  }

  /**
   * Replaces the whole board (a snapshot). `extensions[n].calls` must already list exactly the
   * calls `activeCalls` holds for `n`, in `activeCalls` order.
   */
  replaceBoard(
    extensions: Record<string, ExtensionInfo>,
    activeCalls: Record<string, ActiveCall>,
  ): void {
    this.extensions = extensions;
    this.active = activeCalls;
    this.ownsExtensions = true;
    this.ownsActive = true;
    this.lists.clear();
    this.touchedOwn = null;
    this.replaced = true;
  }

  /** Adds or updates a call and marks it the most recently changed one. */
  putCall(value: ActiveCall): void {
    const key = keyOf(value);
    const active = this.writableActive();
    delete active[key];
    active[key] = value;
    const ivrid = value.call.ivrid;
    const list = this.callsOf(value.extension).filter((c) => c.ivrid !== ivrid);
    list.push(value.call);
    this.lists.set(value.extension, list);
    if (this.ownExtensions.includes(value.extension)) this.touchedOwn = value;
  }

  /** Ends a call (known or only described by the event) and records it if it was an own one. */
  endCall(
    value: ActiveCall,
    at: number,
    outcome: CallOutcome,
    cause: string,
    fallbackPhone = '',
  ): void {
    const key = keyOf(value);
    if (key in this.active) {
      delete this.writableActive()[key];
      const ivrid = value.call.ivrid;
      this.lists.set(
        value.extension,
        this.callsOf(value.extension).filter((c) => c.ivrid !== ivrid),
      );
    }
    this.ended.set(key, { active: value, outcome });
    if (this.ownExtensions.includes(value.extension)) {
      this.recent = addRecent(
        this.recent,
        recentFromCall(value, at, outcome, cause, fallbackPhone),
      );
    }
  }

  /** The new state: changed call lists written back, `currentCall` and `lastCall` settled. */
  finish(): CallState {
    for (const [number, calls] of this.lists) {
      const info = this.extensions[number];
      if (info && info.calls !== calls) this.setExtension({ ...info, calls });
    }
    const activeCalls = this.active;
    const was = this.base.currentCall;
    let lastCall = this.base.lastCall;
    if (was && !(keyOf(was) in activeCalls)) {
      const end = this.ended.get(keyOf(was));
      const last = end?.active ?? was;
      lastCall = {
        extension: last.extension,
        call: { ...last.call, status: 'ended' },
        endedAt: this.lastEventAt,
        outcome: end?.outcome ?? 'ended-while-offline',
      };
    }
    return {
      ownExtensions: this.ownExtensions,
      extensions: this.extensions,
      activeCalls,
      queues: this.queues,
      recent: this.recent,
      lastEventAt: this.lastEventAt,
      currentCall: this.settleCurrent(was),
      lastCall,
    };
  }

  /**
   * The call changed last on an own extension is current; when the current call ends, the
   * newest remaining own call takes over. Only the own extensions' call lists are read, unless
   * several own extensions still have calls and their relative order has to come from
   * `activeCalls` itself.
   */
  private settleCurrent(was: ActiveCall | null): ActiveCall | null {
    const active = this.active;
    if (this.replaced) return pickCurrent(active, this.ownExtensions);
    // One event changes one call or ends calls, never both: a changed own call is still active.
    if (this.touchedOwn) return this.touchedOwn;
    if (was === null || active[keyOf(was)] === was) return was;
    let found: ActiveCall | null = null;
    for (const own of this.ownExtensions) {
      const calls = this.callsOf(own);
      const newest = calls[calls.length - 1];
      if (!newest) continue;
      if (found) return pickCurrent(active, this.ownExtensions);
      found = active[activeCallKey(own, newest.ivrid)] ?? null;
    }
    return found;
  }

  private writableActive(): Record<string, ActiveCall> {
    if (!this.ownsActive) {
      this.active = copyRecord(this.active);
      this.ownsActive = true;
    }
    return this.active;
  }
}
