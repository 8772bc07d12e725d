import type { Message } from '../messages/catalogue';

/** The durable outbox as the renderer sees it (Rocket.Chat and SignalWire actions). */
export type OutboxItemState = 'queued' | 'sending' | 'waiting' | 'sent' | 'failed';

export interface OutboxItemView {
  id: string;
  /** `rocketchat` or `signalwire`. */
  target: string;
  /** What the agent would call it: "Hold (room AbC…)", "Send event order.confirmed". */
  label: string;
  /** The label in the agent's language (`label` is its English, for logs and tests). */
  labelSays?: Message;
  /** The call the action belongs to, if any. */
  ivrid: string | null;
  state: OutboxItemState;
  attempts: number;
  /** Plain-words reason for the last failure or the wait. */
  reason: string | null;
  /** The reason in the agent's language (`reason` is its English). */
  reasonSays?: Message;
  /** When the next attempt is due (UTC ms), for `waiting`. */
  nextAttemptAt: number | null;
  createdAt: number;
  updatedAt: number;
  /**
   * An attempt may have reached the server while Ringside stopped or lost its answer:
   * `unresolved` until the next attempt settles it (it is checked before it is sent again);
   * `found`: the server already had it, so it was not sent again; `maybe-twice`: it was sent
   * again without a way to check, so the server may hold it twice. Null: nothing in doubt.
   */
  doubt: 'unresolved' | 'found' | 'maybe-twice' | null;
}

export interface OutboxView {
  items: OutboxItemView[];
}
