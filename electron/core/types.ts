import type { AppSnapshot, AppState, AppUpdate } from '../../shared/ipc/snapshot';
import type { ApiHandlers } from '../../shared/ipc/contract';
import type { DemoServices } from './demo';
import type { DesktopService } from './desktop/desktop-service';

/** The app's services behind one object: the same for the Electron main process and the headless host. */
export interface RingsideCore<D extends DemoServices = DemoServices> {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Implementations of every IPC method (dispatch validates arguments before calling them). */
  readonly handlers: ApiHandlers;
  /** The whole state (view and board), for a window that (re)connects. */
  snapshot(): AppState;
  /** The view without the board: cheap, for the tray and the host's own decisions. */
  view(): AppSnapshot;
  /**
   * Called with what changed after each change, coalesced to one update per frame; an update
   * follows the state `snapshot()` returned before it. Returns an unsubscribe.
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
