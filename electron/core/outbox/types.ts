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
  /**
   * Ids of actions this one must not overtake even when they failed: it waits while any of them
   * is still in the outbox and not sent (a failed one must be retried or discarded first).
   * Without it a permanently failed action does not hold up later ones of its key.
   */
  after?: string[];
}

/** What a caller hands to `Outbox.enqueue`: the outbox fills in `id` and `createdAt` if absent. */
export type NewOutboxAction<P = unknown> = Omit<OutboxAction<P>, 'id' | 'createdAt'> &
  Partial<Pick<OutboxAction<P>, 'id' | 'createdAt'>>;

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

export type OutboxRecordState = 'queued' | 'sending' | 'waiting' | 'sent' | 'failed';

/** One action and where it stands; this is what is written to disk. */
export interface OutboxRecord {
  action: OutboxAction;
  /** Global enqueue order; FIFO per `orderKey` follows it. */
  seq: number;
  state: OutboxRecordState;
  attempts: number;
  reason: string | null;
  nextAttemptAt: number | null;
  updatedAt: number;
}

export interface PersistedOutbox {
  version: 1;
  seq: number;
  records: OutboxRecord[];
}

/** Where the outbox keeps its records. `save` must be durable when it resolves. */
export interface OutboxStorage {
  load(): Promise<PersistedOutbox | null>;
  save(state: PersistedOutbox): Promise<void>;
}
