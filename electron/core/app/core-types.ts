import type { AppSnapshot } from '../../../shared/ipc/snapshot';
import type { ApiHandlers } from '../../../shared/ipc/contract';
import type { DemoServices } from './demo';

/** The app's services behind one object: the same for the Electron main process and the headless host. */
export interface RingsideCore {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Implementations of every IPC method (dispatch validates arguments before calling them). */
  readonly handlers: ApiHandlers;
  snapshot(): AppSnapshot;
  /** Called with the whole snapshot after each change (coalesced). Returns an unsubscribe. */
  onSnapshot(listener: (snapshot: AppSnapshot) => void): () => void;
  /** Called when the agent clicked a call's notification. */
  onFocusCall(listener: (ivrid: string) => void): () => void;
  /** Power resume / network change: reconnect now even if the socket claims to be open. */
  reconnectNow(reason: string): void;
  /** The running built-in demo services, or null outside demo mode (tests read their journals). */
  demo(): DemoServices | null;
}
