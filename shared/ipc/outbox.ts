/** The durable outbox as the renderer sees it (issue 3, shared by issue 4). */
export type OutboxItemState = 'queued' | 'sending' | 'waiting' | 'sent' | 'failed';

export interface OutboxItemView {
  id: string;
  /** `rocketchat` or `signalwire`. */
  target: string;
  /** What the agent would call it: "Hold (room AbC…)", "Send event order.confirmed". */
  label: string;
  /** The call the action belongs to, if any. */
  ivrid: string | null;
  state: OutboxItemState;
  attempts: number;
  /** Plain-words reason for the last failure or the wait. */
  reason: string | null;
  /** When the next attempt is due (UTC ms), for `waiting`. */
  nextAttemptAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface OutboxView {
  items: OutboxItemView[];
}
