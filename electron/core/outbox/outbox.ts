import { randomUUID } from 'node:crypto';
import type { OutboxItemView, OutboxView } from '../../../shared/ipc/outbox';
import { backoffDelay, type BackoffPolicy } from '../../../shared/retry/backoff';
import type { Clock, Logger } from '../ports';
import { whyNotSavedSays } from './disk-error';
import type { Message } from '../../../shared/messages/catalogue';
import { english, say } from '../../../shared/messages/translate';
import type {
  DeliveryOutcome,
  DoubtResolution,
  DoubtState,
  NewOutboxAction,
  OutboxAction,
  OutboxRecord,
  OutboxStorage,
  OutboxTarget,
  OutboxTransport,
  PersistedOutbox,
} from './types';

export interface OutboxTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OutboxOptions {
  storage: OutboxStorage;
  transports?: Partial<Record<OutboxTarget, OutboxTransport>>;
  clock: Clock;
  logger: Logger;
  /** Delay before retry n is min(cap, base * 2^(n-1)), minus up to `jitter` (default 0.2) of it. */
  backoff?: BackoffPolicy;
  timers?: OutboxTimers;
  /** How many sent actions stay visible in the strip before they are pruned. */
  keepSent?: number;
  random?: () => number;
}

const defaultTimers: OutboxTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

// Node timers overflow above 2^31-1 ms; a far-future wake-up is simply re-armed later.
const MAX_TIMER_MS = 2_147_483_647;

/** What a settled doubt leaves on the record: only what the agent should know about stays. */
const SETTLED: Readonly<Record<DoubtResolution, DoubtState | null>> = {
  'already-there': 'found',
  'not-there': null,
  harmless: null,
};

/** A reason's English and, when it has one, its code: the view's `reason` and `reasonSays`. */
function wordsOf(reason: Message | string | null): { reason: string | null; reasonSays?: Message } {
  if (reason === null || typeof reason === 'string') return { reason };
  return { reason: english(reason), reasonSays: reason };
}

/** A record's reason as a message: its English and its code. */
const reasonOf = (says: Message): { reason: string; reasonSays: Message } => ({
  reason: english(says),
  reasonSays: says,
});

/** Why an action waits for one it names in `after`: only a failed one needs the agent. */
function waitingFor(blocker: OutboxRecord): Message {
  const label = blocker.action.labelSays ?? say('plain', { text: blocker.action.label });
  return blocker.state === 'failed'
    ? say('outbox.waiting-for-failed', { label })
    : say('outbox.waiting-for', { label });
}

/**
 * The durable outbox: every action is on disk before the first attempt, delivered FIFO per
 * `orderKey` with one attempt in flight per key, retried with capped back-off (or not before the
 * transport's `notBefore`, e.g. a rate-limit reset), and recorded as sent on disk right after the
 * transport confirms it.
 *
 * Ordering policy: the oldest unsettled action of a key goes first. A permanently failed action
 * stays visible and does NOT hold up later actions of its key, except for an action that names it
 * in `after` (a room close names the events before it): that one waits until the failed action is
 * retried and sent, or discarded.
 *
 * Delivery is at-least-once. "Sending" is on disk before every attempt, so an attempt whose
 * outcome was never recorded (Ringside died or quit, or the answer was lost, with the request
 * possibly at the server) is known: its next attempt is made "in doubt", the transport checks the
 * server where the server allows it, and what could not be checked is marked "may have been sent
 * twice" instead of being doubled silently. Nothing is dropped: an action the disk refused is
 * refused to its caller, and one whose attempt cannot be marked on disk waits until it can.
 * docs/outbox.md has the whole guarantee.
 */
export class Outbox {
  private readonly records = new Map<string, OutboxRecord>();
  private readonly transports: Partial<Record<OutboxTarget, OutboxTransport>>;
  /** Attempts under way; `delivering` once the transport has the request (it may reach the server). */
  private readonly inflight = new Map<
    string,
    { controller: AbortController; delivering: boolean }
  >();
  private readonly listeners = new Set<() => void>();
  private readonly timers: OutboxTimers;
  private readonly backoff: BackoffPolicy;
  private readonly keepSent: number;
  private readonly random: () => number;
  private readonly log: Logger;
  private seq = 0;
  private loading: Promise<void> | null = null;
  private running = false;
  private timer: unknown = null;
  private pumping = false;
  private pumpAgain = false;
  private requestedWrites = 0;
  private writing: Promise<void> | null = null;
  private waiters: { gen: number; resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(private readonly options: OutboxOptions) {
    this.transports = { ...options.transports };
    this.timers = options.timers ?? defaultTimers;
    this.backoff = options.backoff ?? { baseMs: 1_000, capMs: 60_000 };
    this.keepSent = options.keepSent ?? 50;
    this.random = options.random ?? Math.random;
    this.log = options.logger.child('outbox');
  }

  /** Loads what was persisted and starts delivering. An action that was being sent is sent again. */
  async start(): Promise<void> {
    await this.ready();
    this.running = true;
    this.pump();
  }

  /**
   * Aborts attempts in flight, clears timers, flushes to disk. An aborted attempt goes back to the
   * queue in doubt: its request may already have reached the server.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    for (const [id, attempt] of this.inflight) {
      attempt.controller.abort();
      const record = this.records.get(id);
      if (record && attempt.delivering) record.doubt = 'unresolved';
    }
    for (const record of this.records.values()) {
      if (record.state === 'sending') record.state = 'queued';
    }
    await this.persist().catch(() => undefined);
  }

  setTransport(target: OutboxTarget, transport: OutboxTransport | null): void {
    if (transport) this.transports[target] = transport;
    else delete this.transports[target];
    this.pump();
  }

  /**
   * Persists the action (durably) and only then lets it be sent. Same id twice: the first wins.
   * Rejects with the disk's error, holding nothing, when the action could not be saved.
   */
  async enqueue<P>(input: NewOutboxAction<P>): Promise<OutboxAction<P>> {
    const [action] = await this.enqueueAll([input]);
    if (!action) throw new Error('enqueueAll returned nothing');
    return action as OutboxAction<P>;
  }

  /** Like `enqueue`, for actions that belong together: all of them are saved, or none. */
  async enqueueAll(inputs: NewOutboxAction[]): Promise<OutboxAction[]> {
    await this.ready();
    const now = this.options.clock.now();
    const added: string[] = [];
    const actions = inputs.map((input) => {
      const action: OutboxAction = {
        ...input,
        id: input.id ?? randomUUID(),
        createdAt: input.createdAt ?? now,
      };
      const existing = this.records.get(action.id);
      if (existing) return existing.action;
      this.seq += 1;
      this.records.set(action.id, {
        action,
        seq: this.seq,
        state: 'queued',
        attempts: 0,
        reason: null,
        nextAttemptAt: null,
        updatedAt: action.createdAt,
        doubt: null,
      });
      added.push(action.id);
      return action;
    });
    if (added.length === 0) return actions;
    try {
      await this.persist();
    } catch (error) {
      for (const id of added) this.records.delete(id);
      this.emit();
      throw error;
    }
    this.emit();
    this.pump();
    return actions;
  }

  /** Sends a failed or waiting action again now. */
  retry(id: string): boolean {
    const record = this.records.get(id);
    if (!record || (record.state !== 'failed' && record.state !== 'waiting')) return false;
    this.update(record, {
      state: 'queued',
      reason: null,
      reasonSays: undefined,
      nextAttemptAt: null,
    });
    this.pump();
    return true;
  }

  /** Drops an action that is not being sent right now; actions waiting `after` it are released. */
  discard(id: string): boolean {
    const record = this.records.get(id);
    if (!record || record.state === 'sending' || record.state === 'sent') return false;
    this.records.delete(id);
    this.log.info('action discarded', { id, kind: record.action.kind });
    this.emit();
    void this.persist().catch((error: unknown) => this.logWriteError(error));
    this.pump();
    return true;
  }

  /** Makes waiting actions of a target due now (e.g. after signing in again). */
  wake(target?: OutboxTarget): void {
    const now = this.options.clock.now();
    for (const record of this.records.values()) {
      if (record.state !== 'waiting') continue;
      if (target && record.action.target !== target) continue;
      record.nextAttemptAt = now;
    }
    this.pump();
  }

  get(id: string): OutboxRecord | undefined {
    const record = this.records.get(id);
    return record ? structuredClone(record) : undefined;
  }

  /** Every record, in enqueue order. */
  list(): OutboxRecord[] {
    return this.sorted().map((record) => structuredClone(record));
  }

  view(): OutboxView {
    return { items: this.sorted().map((record) => this.itemView(record)) };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every change so far is on disk. */
  flush(): Promise<void> {
    return this.persist();
  }

  private ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const persisted = await this.options.storage.load();
    if (!persisted) return;
    this.seq = Math.max(this.seq, persisted.seq);
    for (const record of persisted.records) {
      // Died mid-attempt: it may have reached the server, so the next attempt is made in doubt.
      if (record.state === 'sending') {
        record.state = 'queued';
        record.doubt = 'unresolved';
      }
      this.records.set(record.action.id, record);
    }
    const pending = persisted.records.filter((r) => r.state !== 'sent').length;
    const inDoubt = persisted.records.filter((r) => r.doubt === 'unresolved').length;
    if (pending > 0) this.log.info('resuming queued actions', { pending, inDoubt });
    this.emit();
  }

  private sorted(): OutboxRecord[] {
    return [...this.records.values()].sort((a, b) => a.seq - b.seq);
  }

  private itemView(record: OutboxRecord): OutboxItemView {
    const blocker = record.state === 'queued' ? this.blocker(record) : null;
    return {
      id: record.action.id,
      target: record.action.target,
      label: record.action.label,
      ...(record.action.labelSays ? { labelSays: record.action.labelSays } : {}),
      ivrid: record.action.ivrid,
      state: record.state,
      attempts: record.attempts,
      ...wordsOf(blocker ? waitingFor(blocker) : (record.reasonSays ?? record.reason)),
      nextAttemptAt: record.state === 'waiting' ? record.nextAttemptAt : null,
      createdAt: record.action.createdAt,
      updatedAt: record.updatedAt,
      doubt: record.doubt,
    };
  }

  /** The first action named in `after` that is still here and not sent. */
  private blocker(record: OutboxRecord): OutboxRecord | null {
    for (const id of record.action.after ?? []) {
      const other = this.records.get(id);
      if (other && other.state !== 'sent') return other;
    }
    return null;
  }

  private pump(): void {
    if (!this.running) return;
    // A listener may cause another pump while this one starts attempts: run again afterwards.
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.pumpOnce();
      } while (this.pumpAgain && this.running);
    } finally {
      this.pumping = false;
    }
  }

  private pumpOnce(): void {
    this.clearTimer();
    const now = this.options.clock.now();
    const heads = new Map<string, OutboxRecord>();
    for (const record of this.sorted()) {
      if (record.state === 'sent' || record.state === 'failed') continue;
      if (!heads.has(record.action.orderKey)) heads.set(record.action.orderKey, record);
    }
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const head of heads.values()) {
      if (head.state === 'sending') continue;
      const transport = this.transports[head.action.target];
      if (!transport || this.blocker(head)) continue;
      if (head.state === 'waiting' && head.nextAttemptAt !== null && head.nextAttemptAt > now) {
        wakeAt = Math.min(wakeAt, head.nextAttemptAt);
        continue;
      }
      void this.attempt(head, transport);
    }
    if (Number.isFinite(wakeAt)) {
      const delay = Math.min(MAX_TIMER_MS, Math.max(0, wakeAt - now));
      this.timer = this.timers.setTimeout(() => {
        this.timer = null;
        this.pump();
      }, delay);
    }
  }

  private async attempt(record: OutboxRecord, transport: OutboxTransport): Promise<void> {
    const { id } = record.action;
    const inflight = { controller: new AbortController(), delivering: false };
    const { signal } = inflight.controller;
    this.inflight.set(id, inflight);
    Object.assign(record, {
      state: 'sending',
      attempts: record.attempts + 1,
      updatedAt: this.options.clock.now(),
    });
    this.emit();
    // The server may act on the request before its answer is recorded: "sending" must be on disk
    // first, or a crash now would leave an action that looks unsent but may have arrived.
    try {
      await this.persist();
    } catch (error) {
      this.inflight.delete(id);
      this.logWriteError(error);
      if (signal.aborted || this.records.get(id) !== record) return;
      this.update(record, {
        state: 'waiting',
        ...reasonOf(say('outbox.queue-not-saved', { why: whyNotSavedSays(error) })),
        nextAttemptAt: this.options.clock.now() + this.delayFor(record.attempts),
      });
      this.pump();
      return;
    }
    if (signal.aborted || this.records.get(id) !== record) {
      this.inflight.delete(id);
      return;
    }
    inflight.delivering = true;
    let outcome: DeliveryOutcome;
    try {
      outcome = await transport.deliver(record.action, signal, {
        inDoubt: record.doubt === 'unresolved',
      });
    } catch (error) {
      outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    this.inflight.delete(id);
    if (signal.aborted || this.records.get(id) !== record) return;
    const now = this.options.clock.now();
    switch (outcome.kind) {
      case 'sent':
        record.state = 'sent';
        record.reason = null;
        record.reasonSays = undefined;
        record.nextAttemptAt = null;
        record.updatedAt = now;
        if (record.doubt === 'unresolved') {
          // A transport that could not check says nothing: the server may now have it twice.
          record.doubt = outcome.doubt ? SETTLED[outcome.doubt] : 'maybe-twice';
          this.log.info('action in doubt settled', { id, doubt: record.doubt ?? 'none' });
        }
        this.prune();
        // "Sent" is on disk before anything else happens, so a restart does not re-check it.
        await this.persist().catch((error: unknown) => this.logWriteError(error));
        this.emit();
        break;
      case 'retry': {
        const due = outcome.notBefore ?? now + this.delayFor(record.attempts);
        this.log.info('action will be retried', {
          id,
          kind: record.action.kind,
          reason: outcome.reason,
        });
        this.update(record, {
          state: 'waiting',
          reason: outcome.reason,
          reasonSays: outcome.says,
          nextAttemptAt: Math.max(now, due),
          ...(outcome.mayHaveArrived ? { doubt: 'unresolved' as const } : {}),
        });
        break;
      }
      case 'failed':
        this.log.warn('action failed', { id, kind: record.action.kind, reason: outcome.reason });
        this.update(record, {
          state: 'failed',
          reason: outcome.reason,
          reasonSays: outcome.says,
          nextAttemptAt: null,
        });
        break;
    }
    this.pump();
  }

  private delayFor(attempts: number): number {
    return backoffDelay(attempts, this.backoff, this.random);
  }

  private update(record: OutboxRecord, patch: Partial<OutboxRecord>): void {
    Object.assign(record, patch, { updatedAt: this.options.clock.now() });
    this.emit();
    void this.persist().catch((error: unknown) => this.logWriteError(error));
  }

  private prune(): void {
    const sent = this.sorted().filter((record) => record.state === 'sent');
    for (const record of sent.slice(0, Math.max(0, sent.length - this.keepSent))) {
      this.records.delete(record.action.id);
    }
  }

  /** Coalesces writes; resolves when a write that includes every change made so far is durable. */
  private persist(): Promise<void> {
    this.requestedWrites += 1;
    const gen = this.requestedWrites;
    const done = new Promise<void>((resolve, reject) =>
      this.waiters.push({ gen, resolve, reject }),
    );
    this.writing ??= this.writeLoop();
    return done;
  }

  private async writeLoop(): Promise<void> {
    let written = 0;
    while (written < this.requestedWrites) {
      const gen = this.requestedWrites;
      const snapshot: PersistedOutbox = { version: 1, seq: this.seq, records: this.sorted() };
      let failure: unknown = null;
      try {
        await this.options.storage.save(structuredClone(snapshot));
      } catch (error) {
        failure = error ?? new Error('write failed');
      }
      written = gen;
      const settled = this.waiters.filter((w) => w.gen <= gen);
      this.waiters = this.waiters.filter((w) => w.gen > gen);
      for (const waiter of settled) {
        if (failure === null) waiter.resolve();
        else waiter.reject(failure);
      }
    }
    this.writing = null;
  }

  private logWriteError(error: unknown): void {
    this.log.error('could not save the outbox', {
      error: error instanceof Error ? error.message : String(error),
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.log.error('outbox listener threw', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}
