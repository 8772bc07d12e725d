/**
 * The history of SignalWire actions the agent (or mirroring) caused, newest first, capped. One
 * entry per outbox action with every attempt under it: SignalWire gives no delivery receipt, so
 * when more than one attempt may have arrived the entry says so, and the far side sees the same
 * `event_id` twice.
 */
import type {
  SignalWireAttemptView,
  SignalWireHistoryEntry,
  SignalWireHistoryState,
} from '../../../../shared/ipc/signalwire';
import type { AttemptReport } from './transport';
import { say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

export type NewHistoryEntry = Omit<
  SignalWireHistoryEntry,
  'state' | 'result' | 'resultSays' | 'durationMs' | 'attempts' | 'possibleDuplicate'
>;

/** What the outbox says about an action, when it can say it. */
export interface OutboxRecordLike {
  state: SignalWireHistoryState;
  reason: string | null;
  /** The reason as a code, when it has one. */
  reasonSays?: Message;
  /** Set when an attempt may have reached SignalWire unrecorded (a crash or a lost answer). */
  doubt?: 'unresolved' | 'found' | 'maybe-twice' | null;
}

const MAX_ATTEMPTS_SHOWN = 10;

/** An entry's result in English, and as a code when it has one (none: the English is shown). */
function setResult(entry: SignalWireHistoryEntry, result: string, says: Message | undefined): void {
  entry.result = result;
  if (says) entry.resultSays = says;
  else delete entry.resultSays;
}

export class SignalWireHistory {
  private entries: SignalWireHistoryEntry[] = [];
  /** Entries whose action the disk refused: the outbox never held them. */
  private readonly unsaved = new Set<string>();

  constructor(private readonly limit = 50) {}

  add(entry: NewHistoryEntry): void {
    this.entries.unshift({
      ...entry,
      state: 'queued',
      result: null,
      durationMs: null,
      attempts: [],
      possibleDuplicate: false,
    });
    if (this.entries.length > this.limit) this.entries.length = this.limit;
    for (const id of this.unsaved) if (!this.has(id)) this.unsaved.delete(id);
  }

  remove(id: string): void {
    this.entries = this.entries.filter((entry) => entry.id !== id);
    this.unsaved.delete(id);
  }

  /**
   * The disk refused the action before the outbox took it: it stays in view as failed, with why,
   * and following the outbox (which never held it) does not turn it into "Discarded".
   */
  notSaved(id: string, reason: string, says?: Message): boolean {
    const changed = this.patch(id, (entry) => {
      entry.state = 'failed';
      setResult(entry, reason, says);
    });
    if (changed) this.unsaved.add(id);
    return changed;
  }

  has(id: string): boolean {
    return this.entries.some((entry) => entry.id === id);
  }

  markSending(id: string): boolean {
    return this.patch(id, (entry) => {
      entry.state = 'sending';
    });
  }

  record(report: AttemptReport): boolean {
    return this.patch(report.actionId, (entry) => {
      const attempt: SignalWireAttemptView = {
        at: report.startedAt,
        durationMs: report.durationMs,
        status: report.status,
        result: report.result,
        ...(report.resultSays ? { resultSays: report.resultSays } : {}),
        mayHaveArrived: report.mayHaveArrived,
      };
      entry.attempts = [...entry.attempts, attempt].slice(-MAX_ATTEMPTS_SHOWN);
      // Once it may have arrived twice it stays so: a mark from before a restart (the outbox's
      // doubt) is not undone by this run's single attempt.
      entry.possibleDuplicate ||= entry.attempts.filter((item) => item.mayHaveArrived).length > 1;
      setResult(entry, report.result, report.resultSays);
      switch (report.outcome.kind) {
        case 'sent':
          entry.state = 'sent';
          entry.durationMs = report.durationMs;
          break;
        case 'retry':
          entry.state = 'waiting';
          break;
        case 'failed':
          entry.state = 'failed';
          break;
      }
    });
  }

  /**
   * Follows the outbox for what the transport cannot see: the agent retried or discarded an action
   * from the pending strip. `lookup` answers undefined for an action the outbox no longer holds.
   * Entries whose enqueue has not finished are skipped.
   */
  syncWithOutbox(
    lookup: (id: string) => OutboxRecordLike | undefined,
    enqueueing: ReadonlySet<string>,
  ): boolean {
    let changed = false;
    for (const entry of this.entries) {
      // Not in the outbox (still being written to disk, or the disk refused it), or final.
      if (entry.state === 'sent' || enqueueing.has(entry.id) || this.unsaved.has(entry.id))
        continue;
      const record = lookup(entry.id);
      if (record === undefined) {
        if (entry.state !== 'failed' || entry.result !== 'Discarded') {
          entry.state = 'failed';
          setResult(entry, 'Discarded', say('sw.discarded'));
          changed = true;
        }
        continue;
      }
      if (record.state !== entry.state && record.state !== 'sent') {
        entry.state = record.state;
        if (record.reason !== null) setResult(entry, record.reason, record.reasonSays);
        changed = true;
      }
      // SignalWire cannot be asked whether an event arrived: one in doubt may arrive twice.
      const inDoubt = record.doubt === 'unresolved' || record.doubt === 'maybe-twice';
      if (inDoubt && !entry.possibleDuplicate) {
        entry.possibleDuplicate = true;
        changed = true;
      }
    }
    return changed;
  }

  list(): SignalWireHistoryEntry[] {
    return this.entries.map((entry) => ({
      ...entry,
      attempts: entry.attempts.map((item) => ({ ...item })),
    }));
  }

  private patch(id: string, change: (entry: SignalWireHistoryEntry) => void): boolean {
    const entry = this.entries.find((item) => item.id === id);
    if (!entry) return false;
    change(entry);
    return true;
  }
}
