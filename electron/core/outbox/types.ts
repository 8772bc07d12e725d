import type { Message } from '../../../shared/messages/catalogue';
/**
 * The durable outbox's contract, shared by every integration that sends REST actions (Rocket.Chat
 * rooms, SignalWire events).
 *
 * Every action the agent causes is persisted *before* it is sent, delivered in order per
 * `orderKey` (one room, one call), retried on transient failures and never sent again after a
 * confirmed success. What happens to an attempt whose answer never came is in docs/outbox.md.
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
  /** The label as a code the window translates (`label` is its English). */
  labelSays?: Message;
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

/**
 * What a transport learned about an action in doubt before it sent it (again):
 * `already-there`: the server had it, so it was not sent again;
 * `not-there`: the server did not have it, so it was sent now, once;
 * `harmless`: sending it again cannot double it on the server (the request is idempotent there).
 * A transport that says nothing could not tell: the action may have arrived twice.
 */
export type DoubtResolution = 'already-there' | 'not-there' | 'harmless';

/** What a transport says after one attempt. */
export type DeliveryOutcome =
  | { kind: 'sent'; detail?: unknown; doubt?: DoubtResolution }
  /**
   * Transient (network, 5xx, 429): try again, not before `notBefore` (UTC ms) if given.
   * `mayHaveArrived`: the request may have reached the server although no answer came (a dropped
   * connection or a timeout after sending), so the next attempt is made in doubt.
   */
  | {
      kind: 'retry';
      reason: string;
      /** The reason as a code the window translates. */
      says?: Message;
      notBefore?: number;
      mayHaveArrived?: boolean;
    }
  /** Permanent (4xx other than 429, validation): stays visible as failed with the reason. */
  | { kind: 'failed'; reason: string; says?: Message };

/** What the outbox tells a transport about the attempt it asks for. */
export interface DeliveryContext {
  /**
   * An earlier attempt may have reached the server without its success being recorded (Ringside
   * stopped, or the answer was lost, while it was in flight). A transport that can ask the server
   * whether it arrived does so before sending again, and answers with `doubt`.
   */
  inDoubt: boolean;
}

export interface OutboxTransport {
  deliver(
    action: OutboxAction,
    signal: AbortSignal,
    context: DeliveryContext,
  ): Promise<DeliveryOutcome>;
}

export type OutboxRecordState = 'queued' | 'sending' | 'waiting' | 'sent' | 'failed';

/**
 * Whether an attempt may have reached the server unrecorded: `unresolved` until the next attempt
 * settles it; `found` when the server already had it (it was not sent again); `maybe-twice` when
 * it was sent again without a way to check.
 */
export type DoubtState = 'unresolved' | 'found' | 'maybe-twice';

/** One action and where it stands; this is what is written to disk. */
export interface OutboxRecord {
  action: OutboxAction;
  /** Global enqueue order; FIFO per `orderKey` follows it. */
  seq: number;
  state: OutboxRecordState;
  attempts: number;
  reason: string | null;
  /** The reason as a code the window translates. */
  reasonSays?: Message;
  nextAttemptAt: number | null;
  updatedAt: number;
  doubt: DoubtState | null;
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
