/**
 * The queues' gentle alerts: when a caller has waited longer than the agent's threshold, or too
 * many callers wait in one queue, the window gets one notice per queue (no sound, no desktop
 * alert), taken down once the queue is back under. Checked when the queues change and, while
 * anyone waits, every few seconds (a wait grows without any event).
 */
import type { QueueInfo } from '../../../shared/domain/calls';
import { queueStats } from '../../../shared/calls/derive';
import type { QueueAlertsView, QueueBreach } from '../../../shared/ipc/history';
import type { Message } from '../../../shared/messages/catalogue';
import { say } from '../../../shared/messages/translate';

export interface QueueThresholds {
  alertWaitSeconds: number;
  alertWaitingCount: number;
}

export interface QueueWatchDeps {
  thresholds: () => QueueThresholds;
  now: () => number;
  /** Shows (or rewords) the queue's notice in the window. */
  raise: (key: string, message: Message) => void;
  clear: (key: string) => void;
  /** How often a wait is checked while callers wait; tests pass their own timer. */
  everyMs?: number;
}

const CHECK_EVERY_MS = 5_000;

const pad = (n: number): string => String(n).padStart(2, '0');
function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const rest = `${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

/** The queues over a threshold at `now` (a queue over both counts once, as `wait`). */
export function breachesOf(
  queues: Readonly<Record<string, QueueInfo>>,
  thresholds: QueueThresholds,
  now: number,
): QueueBreach[] {
  const found: QueueBreach[] = [];
  for (const queue of Object.values(queues)) {
    const { waiting, longestWaitMs } = queueStats([queue], now);
    if (waiting === 0) continue;
    const tooLong =
      thresholds.alertWaitSeconds > 0 && longestWaitMs > thresholds.alertWaitSeconds * 1000;
    const tooMany = thresholds.alertWaitingCount > 0 && waiting >= thresholds.alertWaitingCount;
    if (!tooLong && !tooMany) continue;
    found.push({
      queueId: queue.id,
      queueName: queue.name || String(queue.id),
      kind: tooLong ? 'wait' : 'count',
      waiting,
      longestWaitMs,
    });
  }
  return found.sort((a, b) => a.queueId - b.queueId);
}

export class QueueWatch {
  private queues: Readonly<Record<string, QueueInfo>> = {};
  private breaches: QueueBreach[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: QueueWatchDeps) {}

  /** The queues as they are now (call on every change of them). */
  follow(queues: Readonly<Record<string, QueueInfo>>): void {
    if (queues === this.queues) return;
    this.queues = queues;
    this.check();
  }

  /** Looks again (a threshold changed, or time passed). */
  check(): void {
    const thresholds = this.deps.thresholds();
    const next = breachesOf(this.queues, thresholds, this.deps.now());
    const gone = this.breaches.filter((b) => !next.some((n) => n.queueId === b.queueId));
    for (const breach of gone) this.deps.clear(keyOf(breach.queueId));
    // Worded by the threshold, not the live figures: one notice per queue, not one per tick.
    for (const breach of next) {
      const before = this.breaches.find((b) => b.queueId === breach.queueId);
      if (before?.kind !== breach.kind) {
        this.deps.raise(keyOf(breach.queueId), messageOf(breach, thresholds));
      }
    }
    // The view shows the live figures: the window hears of every change of them.
    const changed = gone.length > 0 || !sameBreaches(this.breaches, next);
    this.breaches = next;
    this.keepTicking();
    if (changed) for (const listener of this.listeners) listener();
  }

  view(thresholds: QueueThresholds): QueueAlertsView {
    return { ...thresholds, breaches: this.breaches };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ticks only while someone waits and a wait threshold is set. */
  private keepTicking(): void {
    const waiting = Object.values(this.queues).some((q) => q.calls.length > 0);
    const needed = waiting && this.deps.thresholds().alertWaitSeconds > 0;
    if (needed && !this.timer) {
      this.timer = setInterval(() => this.check(), this.deps.everyMs ?? CHECK_EVERY_MS);
      this.timer.unref?.();
    } else if (!needed) this.stop();
  }
}

const keyOf = (queueId: number): string => `queue-alert-${queueId}`;

function messageOf(breach: QueueBreach, thresholds: QueueThresholds): Message {
  return breach.kind === 'wait'
    ? say('queues.wait-alert', {
        queue: breach.queueName,
        limit: clock(thresholds.alertWaitSeconds * 1000),
      })
    : say('queues.count-alert', { queue: breach.queueName, count: thresholds.alertWaitingCount });
}

function sameBreaches(a: readonly QueueBreach[], b: readonly QueueBreach[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.queueId === y.queueId &&
        x.kind === y.kind &&
        x.waiting === y.waiting &&
        Math.floor(x.longestWaitMs / 1000) === Math.floor(y.longestWaitMs / 1000)
      );
    })
  );
}
