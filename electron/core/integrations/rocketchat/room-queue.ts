import { UserFacingError } from '../../../../shared/ipc/dispatch';
import { errorCode, whyNotSavedSays } from '../../outbox/disk-error';
import type { RocketChatOutboxPort } from './ports';
import type { NewOutboxAction } from '../../outbox/types';
import type { Logger } from '../../ports';
import { EVENT_LABEL, voipEventPayload, type VoipEventPayload } from './actions';
import type { CallRoom, RoomRegistry } from './room-registry';
import type { VoipEventName } from './schemas';
import type { ServerRef } from './server-ref';
import { english, say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

/** Rocket.Chat actions of one call are FIFO among themselves, never behind another target's. */
export const orderKeyFor = (ivrid: string): string => `rocketchat:${ivrid}`;

/** Opening or open: events and the wrap-up still apply. */
export const isLiveRoom = (room: CallRoom): boolean =>
  room.status === 'opening' || room.status === 'open';

/** What the strip calls the room's caller. */
export const whoOf = (room: CallRoom): string =>
  room.visitorName ?? (room.callerName.trim() || room.callerPhone || room.ivrid);

/** What an action of the room carries so that it goes to the room's server only. */
export const roomServer = (room: CallRoom): { server?: ServerRef } =>
  room.server ? { server: room.server } : {};

/** Talk time in whole seconds, as `voip-call-duration` carries it. */
const durationSeconds = (answeredAt: number, endedAt: number): number =>
  Math.max(0, Math.round((endedAt - answeredAt) / 1000));

/** How a call ended, as far as anyone knows: `endedAt` null when nobody said when. */
export interface CallEnd {
  answered: boolean;
  answeredAt: number | null;
  endedAt: number | null;
}

type EventSpec = readonly [VoipEventName, string?];

/**
 * Queues a room's events in the outbox, and tells the truth when the disk refuses them. What the
 * room was told (on hold? ended?) is read from the events themselves, queued or confirmed, rather
 * than from the room record alone: the two are saved in turn, and Ringside may stop in between.
 */
export class RoomQueue {
  constructor(
    private readonly deps: { registry: RoomRegistry; outbox: RocketChatOutboxPort; logger: Logger },
  ) {}

  /** Hold or unhold; the room records it once it is queued. */
  async hold(room: CallRoom, held: boolean): Promise<void> {
    const event = held ? 'voip-call-on-hold' : 'voip-call-unhold';
    await this.saving(room.ivrid, EVENT_LABEL[event], say('rc.then.press-again'), {}, () =>
      this.events(room, [[event]]),
    );
    await this.deps.registry.update(room.ivrid, { held });
  }

  /** The call's end; when the disk refuses it, the room says it goes with the wrap-up. */
  endCall(room: CallRoom, end: CallEnd): Promise<void> {
    return this.saving(room.ivrid, say('rc.what.end'), say('rc.then.with-wrap-up'), {}, () =>
      this.end(room, end),
    );
  }

  /**
   * Ended + duration for an answered call (ended alone when nobody knows when it ended), declined
   * for one that never was; never twice. Both events are saved together or not at all, and before
   * the room records it: if Ringside stops in between, the outbox is the truth (`endSent`).
   */
  async end(room: CallRoom, end: CallEnd): Promise<void> {
    const fresh = this.deps.registry.get(room.ivrid);
    if (!fresh) return;
    if (this.endSent(fresh)) {
      if (!fresh.endQueued) await this.deps.registry.update(room.ivrid, { endQueued: true });
      return;
    }
    const events: EventSpec[] = [];
    if (!end.answered) events.push(['voip-call-declined']);
    else {
      events.push(['voip-call-ended']);
      if (end.endedAt !== null) {
        const seconds = durationSeconds(end.answeredAt ?? end.endedAt, end.endedAt);
        events.push(['voip-call-duration', String(seconds)]);
      }
    }
    await this.events(fresh, events);
    await this.deps.registry.update(room.ivrid, {
      endQueued: true,
      endedAt: end.endedAt,
      held: false,
    });
  }

  /** Queues events in order, all of them or none. */
  async events(room: CallRoom, events: readonly EventSpec[]): Promise<void> {
    const actions = events.map(([event, comment]): NewOutboxAction<VoipEventPayload> => {
      const labelSays =
        comment === undefined
          ? say('rc.label.event', { event: EVENT_LABEL[event], who: whoOf(room) })
          : say('rc.label.event-seconds', {
              event: EVENT_LABEL[event],
              seconds: comment,
              who: whoOf(room),
            });
      return {
        target: 'rocketchat',
        kind: 'voip-event',
        orderKey: orderKeyFor(room.ivrid),
        ivrid: room.ivrid,
        label: english(labelSays),
        labelSays,
        payload: {
          ivrid: room.ivrid,
          event,
          ...(comment === undefined ? {} : { comment }),
          ...roomServer(room),
        },
        // A room that failed to open holds its events back until it is retried (or discarded).
        after: room.openActionId ? [room.openActionId] : [],
      };
    });
    await this.deps.outbox.enqueueAll(actions);
  }

  /** Whether the room was last told "on hold". */
  heldSent(room: CallRoom): boolean {
    const last = this.eventsOf(room)
      .filter((event) => event === 'voip-call-on-hold' || event === 'voip-call-unhold')
      .at(-1);
    // No hold event yet: the room was opened on hold or not.
    return last === undefined ? room.held : last === 'voip-call-on-hold';
  }

  /** Whether the call's end (or decline) is queued or sent. */
  endSent(room: CallRoom): boolean {
    return (
      room.endQueued ||
      this.eventsOf(room).some(
        (event) => event === 'voip-call-ended' || event === 'voip-call-declined',
      )
    );
  }

  /**
   * Runs `work`, which saves room records and queues actions. When the disk refuses (full,
   * read-only), the room is put back as `undo` says and tells the agent what was not saved, in
   * words; the caller (a button) gets the same words. Any other failure passes through.
   */
  async saving<T>(
    ivrid: string,
    what: Message,
    then: Message | null,
    undo: Partial<CallRoom>,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UserFacingError || errorCode(error) === null) throw error;
      const why = whyNotSavedSays(error);
      const says = then
        ? say('rc.not-saved-then', { what, why, then })
        : say('rc.not-saved', { what, why });
      const words = english(says);
      this.deps.logger.error('could not save a room action', {
        ivrid,
        what: english(what),
        code: errorCode(error),
      });
      // The record in memory is right even when its file is not: the window shows it.
      await this.deps.registry
        .update(ivrid, { ...undo, lastError: words, lastErrorSays: says })
        .catch(() => undefined);
      throw new UserFacingError('not-saved', says);
    }
  }

  /** The call's room events, oldest first: confirmed ones, then what the outbox holds. */
  private eventsOf(room: CallRoom): VoipEventName[] {
    const queued = this.deps.outbox
      .list()
      .filter((r) => r.action.kind === 'voip-event' && r.action.ivrid === room.ivrid);
    const ids = new Set(queued.map((r) => r.action.id));
    // Confirmed events the outbox no longer shows (it keeps only the newest sent) came earlier.
    const older = room.sentEvents.filter((sent) => !ids.has(sent.id)).map((sent) => sent.event);
    const events = queued.flatMap((r) => {
      const parsed = voipEventPayload.safeParse(r.action.payload);
      return parsed.success ? [parsed.data.event] : [];
    });
    return [...older, ...events];
  }
}
