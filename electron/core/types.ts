import type { AppSnapshot, AppState, AppUpdate } from '../../shared/ipc/snapshot';
import type { ActionHandlers, ApiHandlers } from '../../shared/ipc/contract';
import type { DemoServices } from './demo';
import type { DesktopService } from './desktop/desktop-service';

/** A window's link to the core: its updates, and the IPC handlers that answer for it. */
export interface WindowLink {
  /** Every IPC method; `getSnapshot` and `watchBoard` answer for this window alone. */
  readonly handlers: ApiHandlers;
  /** The whole state for this window (the board records it watches); updates follow it. */
  state(): AppState;
  /** The window is gone: no more updates, and what it watched is forgotten. */
  close(): void;
}

/** The app's services behind one object: the same for the Electron main process and the headless host. */
export interface RingsideCore<D extends DemoServices = DemoServices> {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * The actions (every IPC method but a window's own), for the tray and the host; a window calls
   * through its link's handlers. Dispatch validates arguments before calling them.
   */
  readonly handlers: ActionHandlers;
  /**
   * A window connects: `listener` gets every update after the link's `state()`, with the board
   * records this window watches (none until it calls `watchBoard`).
   */
  connectWindow(listener: (update: AppUpdate) => void): WindowLink;
  /** The whole state with the whole board (for tools and tests: it walks the board). */
  snapshot(): AppState;
  /** The view without the board: cheap, for the tray and the host's own decisions. */
  view(): AppSnapshot;
  /**
   * Called with what changed in the view after each change, coalesced to one update per frame
   * (no board records: those go to windows that watch them). Returns an unsubscribe.
   */
  onUpdate(listener: (update: AppUpdate) => void): () => void;
  /** Called when the agent clicked a call's notification. */
  onFocusCall(listener: (ivrid: string) => void): () => void;
  /** Power resume / network change: reconnect now even if the socket claims to be open. */
  reconnectNow(reason: string): void;
  /**
   * The desktop side the host applies: alert decisions, phone links, missed-call marks, and the
   * host's reports on notifications and shortcuts.
   */
  readonly desktop: DesktopService;
  /** The running built-in demo services, or null outside demo mode (tests read their journals). */
  demo(): D | null;
}
