import type { CallBoard, ExtensionInfo } from '../../../shared/domain/calls';
import type { ConnectionView } from '../../../shared/domain/connection';
import { boardList, sameCallsView } from '../../../shared/calls/view';
import type {
  AppSnapshot,
  AppState,
  AppUpdate,
  BoardPatch,
  ViewPart,
} from '../../../shared/ipc/snapshot';
import type { BoardSelection } from '../../../shared/ipc/contract';
import type { Clock } from '../ports';

/** About one display frame: windows get at most one update per frame. */
export const FRAME_MS = 16;

/**
 * The window shows the connection's last event as an age in whole seconds, so a last-event time
 * that moved by less than this is not news: under a flood of events it would otherwise make the
 * connection part new in every frame.
 */
export const LAST_EVENT_STEP_MS = 1_000;

export interface ViewPublisherDeps {
  /** The view as it is now (cheap: never walks the board). */
  view(): AppSnapshot;
  /** The board now (the session's: a new session brings a new board). */
  board(): CallBoard;
  clock: Clock;
  frameMs?: number;
}

type UpdateListener = (update: AppUpdate) => void;

/** One window's subscription: its updates, and the board records it is sent. */
export interface ViewSubscription {
  /** The whole state for this window: the view and the board records it watches. */
  state(): AppState;
  /** Which board records this window shows; they follow in its next update as a board reset. */
  watch(selection: BoardSelection): void;
  unsubscribe(): void;
}

/** What a subscriber watches of the board and which of those records changed since its last update. */
interface Viewer {
  listener: UpdateListener;
  watched: 'all' | ReadonlySet<string> | null;
  dirty: Set<string>;
  /** The board was replaced, or the selection changed: the next update resends it whole. */
  reset: boolean;
}

/** Every part of the view; a record, so the compiler refuses a part added to the view but not here. */
const EVERY_PART: Record<ViewPart, true> = {
  mode: true,
  connection: true,
  calls: true,
  recent: true,
  settings: true,
  notices: true,
  notificationsAvailable: true,
  rocketchat: true,
  signalwire: true,
  outbox: true,
  history: true,
  desktop: true,
};
const VIEW_PARTS = Object.keys(EVERY_PART) as ViewPart[];

/**
 * Sends windows what changed, not the world: the view's parts that differ from the previous
 * update, and the watched board records touched since then, coalesced to one update per frame.
 * A window that connects takes the whole state once (its subscription's `state()`); every update
 * carries whole values, so one that overlaps a state the window already has does no harm.
 *
 * Board records go only where a window shows them: each subscriber says which (`watch`: the
 * visible rows of a board view, or all), and gets those back as a reset, then their changes;
 * two windows watching different records each get their own. Every subscriber gets every update
 * (the sequence numbers are shared), with its own board changes or none. While no subscriber
 * watches the board, board events cost a loop over the subscribers and nothing else.
 */
export class ViewPublisher {
  private readonly viewers = new Set<Viewer>();
  private readonly frameMs: number;
  private seq = 0;
  /** What the previous update left the windows with, part by part. */
  private sent: Partial<Record<ViewPart, { value: unknown; json: string | null }>> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlushAt = -Infinity;
  private stopped = false;

  constructor(private readonly deps: ViewPublisherDeps) {
    this.frameMs = deps.frameMs ?? FRAME_MS;
  }

  /** The whole state with the whole board (for tools and tests; a window takes its own). */
  state(): AppState {
    return { ...this.deps.view(), seq: this.seq, board: boardList(this.deps.board()) };
  }

  /** Updates with a higher `seq` than the subscription's `state()` follow it. */
  subscribe(listener: UpdateListener): ViewSubscription {
    const viewer: Viewer = { listener, watched: null, dirty: new Set(), reset: false };
    this.viewers.add(viewer);
    return {
      state: () => ({ ...this.deps.view(), seq: this.seq, board: this.watchedRecords(viewer) }),
      watch: (selection) => {
        viewer.watched = 'all' in selection ? 'all' : new Set(selection.extensions);
        viewer.reset = true;
        viewer.dirty.clear();
        this.schedule();
      },
      unsubscribe: () => {
        this.viewers.delete(viewer);
      },
    };
  }

  /** One extension's board record changed. */
  extensionChanged(number: string): void {
    let any = false;
    for (const viewer of this.viewers) {
      if (viewer.reset || !watches(viewer, number)) continue;
      viewer.dirty.add(number);
      any = true;
    }
    if (any) this.schedule();
  }

  /** The whole board was replaced (a server snapshot). */
  boardReset(): void {
    let any = false;
    for (const viewer of this.viewers) {
      if (viewer.watched === null) continue;
      viewer.reset = true;
      viewer.dirty.clear();
      any = true;
    }
    if (any) this.schedule();
  }

  /** Something in the view may have changed. */
  viewChanged(): void {
    if (this.viewers.size === 0) return;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.viewers.clear();
  }

  /** Builds and sends the update now (the timer calls it; tests may too). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlushAt = this.deps.clock.now();
    if (this.viewers.size === 0) return;
    const view = this.deps.view();
    const changed: Partial<Record<ViewPart, unknown>> = {};
    let any = false;
    for (const part of VIEW_PARTS) {
      if (this.remember(part, view[part])) {
        changed[part] = view[part];
        any = true;
      }
    }
    const boards = new Map<Viewer, BoardPatch | null>();
    for (const viewer of this.viewers) {
      const patch = this.takeBoardPatch(viewer);
      boards.set(viewer, patch);
      if (patch !== null) any = true;
    }
    if (!any) return;
    this.seq += 1;
    for (const [viewer, board] of boards) {
      viewer.listener({
        seq: this.seq,
        now: view.now,
        view: changed as AppUpdate['view'],
        board,
      });
    }
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const wait = Math.max(0, this.lastFlushAt + this.frameMs - this.deps.clock.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Records the part as sent; true when it differs from what was sent before. */
  private remember(part: ViewPart, value: unknown): boolean {
    const before = this.sent[part];
    if (part === 'calls') {
      const calls = value as AppSnapshot['calls'];
      if (before && sameCallsView(before.value as AppSnapshot['calls'], calls)) return false;
      this.sent[part] = { value, json: null };
      return true;
    }
    if (part === 'recent') {
      // Replaced, never changed in place, and up to a few hundred entries: compared by identity.
      if (before?.value === value) return false;
      this.sent[part] = { value, json: null };
      return true;
    }
    if (part === 'connection' && before && onlyLastEventMoved(before.value, value)) return false;
    // The other parts are small and rebuilt on every read: compare what would be sent.
    const json = JSON.stringify(value);
    if (before?.json === json) return false;
    this.sent[part] = { value, json };
    return true;
  }

  private watchedRecords(viewer: Viewer): ExtensionInfo[] {
    const watched = viewer.watched;
    const board = this.deps.board();
    if (watched === null) return [];
    if (watched === 'all') return boardList(board);
    const records: ExtensionInfo[] = [];
    for (const number of watched) {
      const record = board.get(number);
      if (record) records.push(record);
    }
    return records;
  }

  private takeBoardPatch(viewer: Viewer): BoardPatch | null {
    if (viewer.reset) {
      viewer.reset = false;
      viewer.dirty.clear();
      return { reset: true, upsert: this.watchedRecords(viewer) };
    }
    if (viewer.dirty.size === 0) return null;
    const board = this.deps.board();
    const upsert: ExtensionInfo[] = [];
    for (const number of viewer.dirty) {
      const record = board.get(number);
      if (record) upsert.push(record);
    }
    viewer.dirty.clear();
    return upsert.length > 0 ? { reset: false, upsert } : null;
  }
}

function watches(viewer: Viewer, number: string): boolean {
  const watched = viewer.watched;
  return watched === 'all' || (watched !== null && watched.has(number));
}

/** Whether two connection views differ only by a last-event time that moved less than a step. */
function onlyLastEventMoved(sent: unknown, now: unknown): boolean {
  const a = sent as ConnectionView;
  const b = now as ConnectionView;
  if (a.lastEventAt === null || b.lastEventAt === null) return false;
  if (Math.abs(b.lastEventAt - a.lastEventAt) >= LAST_EVENT_STEP_MS) return false;
  return JSON.stringify({ ...a, lastEventAt: 0 }) === JSON.stringify({ ...b, lastEventAt: 0 });
}
