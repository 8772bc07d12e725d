/**
 * The durable outbox's contract (issue 3; the SignalWire work delivers through it too).
 *
 * Every REST action the agent causes is persisted *before* it is sent, delivered in order per
 * `orderKey` (one room, one call), retried on transient failures and never sent again after a
 * confirmed success.
 */

export type OutboxTarget = 'rocketchat' | 'signalwire';

export interface OutboxAction<P = unknown> {
  id: string;
  target: OutboxTarget;
  /** Transport-specific action name, e.g. `voip-event`, `room-close`, `user-event`. */
  kind: string;
  /** FIFO per key: a room id, a call id. Different keys do not wait for each other. */
  orderKey: string;
  payload: P;
  /** What the agent would call it, for the pending/failed strip. */
  label: string;
  ivrid: string | null;
  createdAt: number;
}

/** What a transport says after one attempt. */
export type DeliveryOutcome =
  | { kind: 'sent'; detail?: unknown }
  /** Transient (network, 5xx, 429): try again, not before `notBefore` (UTC ms) if given. */
  | { kind: 'retry'; reason: string; notBefore?: number }
  /** Permanent (4xx other than 429, validation): stays visible as failed with the reason. */
  | { kind: 'failed'; reason: string };

export interface OutboxTransport {
  deliver(action: OutboxAction, signal: AbortSignal): Promise<DeliveryOutcome>;
}
