import type { Message } from '../messages/catalogue';

/** A connection state the UI and tray can trust. Times are UTC epoch ms. */
export type LoginType = 'user' | 'account' | 'token';

export type ConnectionState =
  | { status: 'idle' }
  | { status: 'connecting'; server: string | null; attempt: number }
  | { status: 'connected'; server: string; since: number }
  | {
      status: 'offline';
      /** The English words, for logs and tests (the view's `offlineSays` is what the agent reads). */
      reason: string;
      nextRetryAt: number | null;
      fatal: boolean;
    };

export interface ConnectionView {
  state: ConnectionState;
  /** UTC ms of the last event received on the socket, whatever it was. */
  lastEventAt: number | null;
  tokenExpiresAt: number | null;
  /** Count of malformed payloads dropped since start. */
  malformedEvents: number;
  /** While offline: the reason as a code the window and the tray put in the agent's language. */
  offlineSays?: Message;
}
