import { randomUUID } from 'node:crypto';
import type { OutboxItemView, OutboxView } from '../../../shared/ipc/outbox';
import type { Clock, Logger } from '../ports';
import type {
  DeliveryOutcome,
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
  /** Delay before retry n is min(cap, base * 2^(n-1)), minus up to `jitter` of it. */
  backoff?: { baseMs: number; capMs: number; jitter?: number };
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
 * Delivery is at-least-once in exactly one window: the app dies after the server accepted an
 * action and before "sent" reached the disk. That action is sent again on the next start; the
 * window is one fsync long.
 */
export class Outbox {
  private readonly records = new Map<string, OutboxRecord>();
  private readonly transports: Partial<Record<OutboxTarget, OutboxTransport>>;
  private readonly inflight = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private readonly timers: OutboxTimers;
  private readonly backoff: { baseMs: number; capMs: number; jitter: number };
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
    this.backoff = { jitter: 0.2, ...(options.backoff ?? { baseMs: 1_000, capMs: 60_000 }) };
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

  /** Aborts attempts in flight (they go back to the queue), clears timers, flushes to disk. */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    for (const controller of this.inflight.values()) controller.abort();
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

  /** Persists the action (durably) and only then lets it be sent. Same id twice: the first wins. */
  async enqueue<P>(input: NewOutboxAction<P>): Promise<OutboxAction<P>> {
    await this.ready();
    const action: OutboxAction<P> = {
      ...input,
      id: input.id ?? randomUUID(),
      createdAt: input.createdAt ?? this.options.clock.now(),
    };
    const existing = this.records.get(action.id);
    if (existing) return existing.action as OutboxAction<P>;
    this.seq += 1;
    const record: OutboxRecord = {
      action: action,
      seq: this.seq,
      state: 'queued',
      attempts: 0,
      reason: null,
      nextAttemptAt: null,
      updatedAt: action.createdAt,
    };
    this.records.set(action.id, record);
    try {
      await this.persist();
    } catch (error) {
      this.records.delete(action.id);
      this.emit();
      throw error;
    }
    this.emit();
    this.pump();
    return action;
  }

  /** Sends a failed or waiting action again now. */
  retry(id: string): boolean {
    const record = this.records.get(id);
    if (!record || (record.state !== 'failed' && record.state !== 'waiting')) return false;
    this.update(record, { state: 'queued', reason: null, nextAttemptAt: null });
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
      // Died mid-attempt: nobody knows whether it arrived, so it is sent again.
      if (record.state === 'sending') record.state = 'queued';
      this.records.set(record.action.id, record);
    }
    const pending = persisted.records.filter((r) => r.state !== 'sent').length;
    if (pending > 0) this.log.info('resuming queued actions', { pending });
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
      ivrid: record.action.ivrid,
      state: record.state,
      attempts: record.attempts,
      reason: blocker
        ? `Waiting for "${blocker.action.label}", which failed: retry or discard it first.`
        : record.reason,
      nextAttemptAt: record.state === 'waiting' ? record.nextAttemptAt : null,
      createdAt: record.action.createdAt,
      updatedAt: record.updatedAt,
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
    const controller = new AbortController();
    this.inflight.set(id, controller);
    this.update(record, { state: 'sending', attempts: record.attempts + 1 });
    let outcome: DeliveryOutcome;
    try {
      outcome = await transport.deliver(record.action, controller.signal);
    } catch (error) {
      outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    this.inflight.delete(id);
    if (controller.signal.aborted || this.records.get(id) !== record) return;
    const now = this.options.clock.now();
    switch (outcome.kind) {
      case 'sent':
        record.state = 'sent';
        record.reason = null;
        record.nextAttemptAt = null;
        record.updatedAt = now;
        this.prune();
        // Narrow the resend-after-crash window: "sent" is on disk before anything else happens.
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
          nextAttemptAt: Math.max(now, due),
        });
        break;
      }
      case 'failed':
        this.log.warn('action failed', { id, kind: record.action.kind, reason: outcome.reason });
        this.update(record, { state: 'failed', reason: outcome.reason, nextAttemptAt: null });
        break;
    }
    this.pump();
  }

  private delayFor(attempts: number): number {
    const { baseMs, capMs, jitter } = this.backoff;
    const raw = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
    return Math.round(raw * (1 - jitter * this.random()));
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
