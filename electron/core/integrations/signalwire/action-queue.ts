/**
 * SignalWire's actions in the durable outbox, and the history that shows them: queues user events
 * and `calling.end` (an action that could not be saved is refused in words, or, mirrored, shown
 * as not sent), records each attempt, keeps the history in step with the outbox, and shows again
 * after a restart what the outbox still holds. Rocket.Chat's `room-queue.ts` is its counterpart.
 */
import { UserFacingError } from '../../../../shared/ipc/dispatch';
import type { SignalWireCallLink, SignalWireHistoryEntry } from '../../../../shared/ipc/signalwire';
import { eventLabel, type JsonObject } from '../../../../shared/signalwire/event-object';
import { whyNotSavedSays } from '../../outbox/disk-error';
import type { Clock, Logger } from '../../ports';
import {
  END_KIND,
  USER_EVENT_KIND,
  orderKeyFor,
  type EndPayload,
  type UserEventPayload,
} from './actions';
import { SignalWireHistory, type OutboxRecordLike } from './history';
import type { SignalWireOutboxPort } from './ports';
import type { AttemptReport } from './transport';
import { english, say } from '../../../../shared/messages/translate';

export type QueueOrigin = 'editor' | 'preset' | 'mirror';

export interface SignalWireActionsDeps {
  outbox: SignalWireOutboxPort;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** The history changed. */
  changed: () => void;
  /** A `calling.end` was delivered: the call is over for SignalWire. Answers whether that changed anything. */
  ended: (signalwireCallId: string) => boolean;
}

export class SignalWireActions {
  private readonly history = new SignalWireHistory();
  private readonly enqueueing = new Set<string>();

  constructor(private readonly deps: SignalWireActionsDeps) {}

  list(): SignalWireHistoryEntry[] {
    return this.history.list();
  }

  /** An attempt starts: the entry reads "sending". Answers whether it changed. */
  markSending(id: string): boolean {
    return this.history.markSending(id);
  }

  /** An unfinished `calling.end` already queued for this SignalWire call, if any. */
  pendingEnd(signalwireCallId: string): string | null {
    const entry = this.history
      .list()
      .find(
        (item) =>
          item.kind === 'end' &&
          item.signalwireCallId === signalwireCallId &&
          item.state !== 'sent' &&
          item.state !== 'failed',
      );
    return entry ? entry.id : null;
  }

  /** Queues a user event; the event gets `event_id` now, so every attempt carries the same one. */
  async queueUserEvent(
    link: Pick<SignalWireCallLink, 'ivrid' | 'signalwireCallId'>,
    event: JsonObject,
    eventId: string,
    origin: QueueOrigin,
  ): Promise<string> {
    const withId = { ...event, event_id: eventId };
    const type = eventLabel(withId);
    const payload: UserEventPayload = {
      callId: link.signalwireCallId,
      event: withId,
      eventId,
      origin,
    };
    return this.queue(link, USER_EVENT_KIND, payload, `SignalWire event ${type}`, {
      eventId,
      type,
      origin,
    });
  }

  async queueEnd(link: Pick<SignalWireCallLink, 'ivrid' | 'signalwireCallId'>): Promise<string> {
    const payload: EndPayload = { callId: link.signalwireCallId, reason: 'hangup' };
    return this.queue(link, END_KIND, payload, 'SignalWire end call', {
      eventId: null,
      type: 'calling.end',
      origin: 'end',
    });
  }

  private async queue(
    link: Pick<SignalWireCallLink, 'ivrid' | 'signalwireCallId'>,
    kind: typeof USER_EVENT_KIND | typeof END_KIND,
    payload: UserEventPayload | EndPayload,
    label: string,
    entry: { eventId: string | null; type: string; origin: 'editor' | 'preset' | 'mirror' | 'end' },
  ): Promise<string> {
    const id = this.deps.newId();
    this.history.add({
      id,
      kind,
      ...entry,
      ivrid: link.ivrid,
      signalwireCallId: link.signalwireCallId,
      at: this.deps.clock.now(),
    });
    this.enqueueing.add(id);
    this.deps.changed();
    try {
      await this.deps.outbox.enqueue({
        id,
        target: 'signalwire',
        kind,
        orderKey: orderKeyFor(link.signalwireCallId),
        payload,
        label,
        ivrid: link.ivrid,
      });
    } catch (error) {
      const why = whyNotSavedSays(error);
      // A mirrored call event has no button to answer: its history entry is where the agent
      // reads that it was not sent.
      if (entry.origin === 'mirror') {
        const says = say('sw.entry-not-saved', { why });
        this.history.notSaved(id, english(says), says);
      } else this.history.remove(id);
      this.deps.changed();
      this.deps.logger.error('could not queue a SignalWire action', {
        kind,
        error: errorName(error),
      });
      throw new UserFacingError('not-saved', say('sw.not-saved', { why }));
    } finally {
      this.enqueueing.delete(id);
    }
    this.deps.logger.info('signalwire action queued', {
      id,
      kind,
      type: entry.type,
      eventId: entry.eventId,
    });
    this.syncWithOutbox();
    return id;
  }

  /** One attempt's outcome, from the transport. */
  onAttempt(report: AttemptReport): void {
    let changed = this.history.record(report);
    const entry = this.history.list().find((item) => item.id === report.actionId);
    if (entry?.kind === 'end' && report.outcome.kind === 'sent') {
      changed = this.deps.ended(entry.signalwireCallId) || changed;
    }
    if (changed) this.deps.changed();
  }

  syncWithOutbox(): void {
    const lookup = (id: string): OutboxRecordLike | undefined => this.deps.outbox.get(id);
    if (this.history.syncWithOutbox(lookup, this.enqueueing)) this.deps.changed();
  }

  /** After a restart the outbox still holds unsent SignalWire actions: show them again. */
  restore(): void {
    const records = this.deps.outbox.list();
    for (const record of records) {
      const { action } = record;
      if (action.target !== 'signalwire' || record.state === 'sent' || this.history.has(action.id))
        continue;
      const payload = action.payload as Partial<UserEventPayload> | undefined;
      const isEvent = action.kind === USER_EVENT_KIND;
      this.history.add({
        id: action.id,
        kind: isEvent ? 'user-event' : 'end',
        eventId: isEvent ? (payload?.eventId ?? null) : null,
        type: isEvent && payload?.event ? eventLabel(payload.event) : 'calling.end',
        origin: isEvent ? (payload?.origin ?? 'editor') : 'end',
        ivrid: action.ivrid,
        signalwireCallId: typeof payload?.callId === 'string' ? payload.callId : '',
        at: action.createdAt,
      });
    }
    this.syncWithOutbox();
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
