import { randomUUID } from 'node:crypto';
import type { CallInfo, CallState, RealtimeEvent } from '../../../shared/domain/calls';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { WrapUp } from '../../../shared/ipc/rocketchat-methods';
import type { Outbox } from '../outbox/outbox';
import type { Clock, Logger } from '../ports';
import type { RocketChatSettings } from '../settings/sections/rocketchat';
import {
  EVENT_LABEL,
  type EnsureRoomPayload,
  type RoomClosePayload,
  type VoipEventPayload,
} from './actions';
import {
  callTransitions,
  findCall,
  isCallActive,
  roomDirection,
  type CallTransition,
} from './call-sync';
import type { CallRoom, RoomRegistry } from './room-registry';
import type { VoipEventName } from './schemas';

export interface RoomSyncDeps {
  registry: RoomRegistry;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  settings: () => RocketChatSettings;
  /** Throws a UserFacingError unless a room can be opened now (signed in, server has VoIP). */
  ready: () => void;
}

/** Rocket.Chat actions of one call are FIFO among themselves, never behind another target's. */
export const orderKeyFor = (ivrid: string): string => `rocketchat:${ivrid}`;

const isAnswered = (call: CallInfo | null): boolean =>
  call !== null &&
  (call.answeredAt !== null || call.status === 'talking' || call.status === 'hold');

/**
 * Turns the agent's buttons and the call's own events into queued room actions. All of it runs
 * one operation at a time, so two clicks (or a click and a hang-up) can never interleave their
 * actions or queue a call's end twice.
 */
export class RoomSync {
  private calls: CallState | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Actions whose room record is written but which are not in the outbox yet. */
  private readonly enqueuing = new Set<string>();

  constructor(private readonly deps: RoomSyncDeps) {}

  onCallEvent(event: RealtimeEvent, before: CallState, after: CallState): Promise<void> {
    this.calls = after;
    const transitions = callTransitions(event, before, after, this.deps.clock.now());
    if (transitions.length === 0) return Promise.resolve();
    return this.serial(async () => {
      for (const transition of transitions) {
        try {
          await this.follow(transition);
        } catch (error) {
          this.deps.logger.warn('could not follow the call in its room', {
            ivrid: transition.call.ivrid,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    });
  }

  openRoom(ivrid: string): Promise<void> {
    return this.serial(() => this.open(ivrid));
  }

  roomAction(ivrid: string, action: 'hold' | 'unhold' | 'end'): Promise<void> {
    return this.serial(async () => {
      const room = this.usableRoom(ivrid);
      if (action === 'end') {
        await this.queueEnd(room, this.answered(room), this.deps.clock.now());
        return;
      }
      if (room.endQueued)
        throw new UserFacingError('call-ended', "This call's end was already sent to the room.");
      await this.enqueueEvent(room, action === 'hold' ? 'voip-call-on-hold' : 'voip-call-unhold');
      await this.deps.registry.update(ivrid, { held: action === 'hold' });
    });
  }

  wrapUp(ivrid: string, wrapUp: WrapUp): Promise<void> {
    return this.serial(async () => {
      const room = this.usableRoom(ivrid);
      // End and duration must reach the room before the close: a closed room drops them silently.
      if (!room.endQueued)
        await this.queueEnd(room, this.answered(room), room.endedAt ?? this.deps.clock.now());
      const after = this.deps.outbox
        .list()
        .filter(
          (r) => r.action.target === 'rocketchat' && r.action.ivrid === ivrid && r.state !== 'sent',
        )
        .map((r) => r.action.id);
      const id = randomUUID();
      const payload: RoomClosePayload = { ivrid, comment: wrapUp.comment, tags: wrapUp.tags };
      await this.withEnqueuing(id, async () => {
        await this.deps.registry.update(ivrid, {
          status: 'closing',
          closeActionId: id,
          lastError: null,
        });
        await this.deps.outbox.enqueue({
          id,
          target: 'rocketchat',
          kind: 'room-close',
          orderKey: orderKeyFor(ivrid),
          ivrid,
          label: `Close room · ${this.who(room)}`,
          payload,
          after,
        });
      });
    });
  }

  retryAction(id: string): Promise<void> {
    return this.serial(async () => {
      const record = this.deps.outbox.get(id);
      if (!record)
        throw new UserFacingError('unknown-action', 'That action is no longer in the queue.');
      const { ivrid } = record.action;
      if (record.action.target === 'rocketchat' && ivrid) {
        if (record.action.kind === 'ensure-room')
          await this.deps.registry.update(ivrid, { status: 'opening', lastError: null });
        else await this.deps.registry.update(ivrid, { lastError: null });
      }
      if (!this.deps.outbox.retry(id))
        throw new UserFacingError(
          'not-retryable',
          'Only a failed or waiting action can be sent again.',
        );
    });
  }

  discardAction(id: string): Promise<void> {
    return this.serial(() => {
      if (!this.deps.outbox.discard(id)) {
        throw new UserFacingError(
          'not-discardable',
          'That action is being sent right now or was already sent.',
        );
      }
      this.reconcile();
    });
  }

  /** After the outbox changed: a room whose opening or closing was discarded says so. */
  reconcile(): void {
    const { registry, outbox } = this.deps;
    for (const room of registry.all()) {
      if (
        room.status === 'opening' &&
        room.openActionId &&
        !room.rid &&
        !this.enqueuing.has(room.openActionId) &&
        !outbox.get(room.openActionId)
      ) {
        void registry
          .update(room.ivrid, { status: 'failed', lastError: 'Opening the room was discarded.' })
          .catch(() => undefined);
      }
      if (
        room.status === 'closing' &&
        room.closeActionId &&
        !this.enqueuing.has(room.closeActionId) &&
        !outbox.get(room.closeActionId)
      ) {
        void registry
          .update(room.ivrid, { status: 'open', closeActionId: null })
          .catch(() => undefined);
      }
    }
  }

  private async follow(transition: CallTransition): Promise<void> {
    const { ivrid } = transition.call;
    const room = this.deps.registry.get(ivrid);
    const settings = this.deps.settings();
    switch (transition.kind) {
      case 'answered':
        if (room) {
          await this.deps.registry.update(ivrid, {
            answeredAt: transition.call.answeredAt ?? this.deps.clock.now(),
            callActive: true,
          });
        } else if (settings.autoOpenRoom) {
          try {
            this.deps.ready();
          } catch {
            return; // Not signed in, or no VoIP rooms on this server: nothing to open.
          }
          await this.open(ivrid);
        }
        return;
      case 'held':
      case 'unheld': {
        if (!room || !settings.keepInStep || room.endQueued || !this.isLive(room)) return;
        const held = transition.kind === 'held';
        if (room.held === held) return;
        await this.enqueueEvent(room, held ? 'voip-call-on-hold' : 'voip-call-unhold');
        await this.deps.registry.update(ivrid, { held });
        return;
      }
      case 'ended':
        if (!room) return;
        await this.deps.registry.update(ivrid, {
          callActive: false,
          endedAt: transition.endedAt,
          held: false,
        });
        if (settings.keepInStep && this.isLive(room))
          await this.queueEnd(
            room,
            transition.answered || room.answeredAt !== null,
            transition.endedAt,
          );
        return;
    }
  }

  private async open(ivrid: string): Promise<void> {
    this.deps.ready();
    const { registry, outbox } = this.deps;
    const existing = registry.get(ivrid);
    if (existing && existing.status !== 'failed' && existing.status !== 'closed') return;
    const call = findCall(this.calls, ivrid);
    if (!call) throw new UserFacingError('unknown-call', 'Ringside no longer knows that call.');
    // Opening again after a failure replaces the failed attempt rather than adding a second one.
    if (existing?.openActionId && outbox.get(existing.openActionId)?.state === 'failed')
      outbox.discard(existing.openActionId);
    const now = this.deps.clock.now();
    const id = randomUUID();
    const active = isCallActive(this.calls, ivrid);
    const room: CallRoom = {
      ivrid,
      direction: roomDirection(call),
      callerPhone: call.callerPhone,
      callerName: call.callerName,
      visitorToken: existing?.status === 'failed' ? existing.visitorToken : null,
      rid: null,
      visitorName: null,
      agent: null,
      status: 'opening',
      lastError: null,
      answeredAt: call.answeredAt ?? (isAnswered(call) ? now : null),
      endedAt: active ? null : (existing?.endedAt ?? now),
      callActive: active,
      held: call.status === 'hold',
      endQueued: false,
      openActionId: id,
      closeActionId: null,
      createdAt: now,
      updatedAt: now,
    };
    const payload: EnsureRoomPayload = {
      ivrid,
      callerPhone: call.callerPhone,
      callerName: call.callerName,
      direction: room.direction,
    };
    await this.withEnqueuing(id, async () => {
      await registry.put(room);
      await outbox.enqueue({
        id,
        target: 'rocketchat',
        kind: 'ensure-room',
        orderKey: orderKeyFor(ivrid),
        ivrid,
        label: `Open room · ${this.who(room)}`,
        payload,
      });
    });
    if (room.direction === 'outbound') await this.enqueueEvent(room, 'voip-call-started');
  }

  /** Ended + duration for an answered call, declined for one that never was; never twice. */
  private async queueEnd(room: CallRoom, answered: boolean, endedAt: number): Promise<void> {
    const fresh = this.deps.registry.get(room.ivrid);
    if (!fresh || fresh.endQueued) return;
    await this.deps.registry.update(room.ivrid, { endQueued: true, endedAt, held: false });
    if (!answered) {
      await this.enqueueEvent(fresh, 'voip-call-declined');
      return;
    }
    const startedAt = fresh.answeredAt ?? endedAt;
    const seconds = Math.max(0, Math.round((endedAt - startedAt) / 1000));
    await this.enqueueEvent(fresh, 'voip-call-ended');
    await this.enqueueEvent(fresh, 'voip-call-duration', String(seconds));
  }

  private async enqueueEvent(
    room: CallRoom,
    event: VoipEventName,
    comment?: string,
  ): Promise<void> {
    const payload: VoipEventPayload = {
      ivrid: room.ivrid,
      event,
      ...(comment === undefined ? {} : { comment }),
    };
    await this.deps.outbox.enqueue({
      target: 'rocketchat',
      kind: 'voip-event',
      orderKey: orderKeyFor(room.ivrid),
      ivrid: room.ivrid,
      label: `${EVENT_LABEL[event]}${comment === undefined ? '' : ` ${comment} s`} · ${this.who(room)}`,
      payload,
      // A room that failed to open holds its events back until it is retried (or discarded).
      after: room.openActionId ? [room.openActionId] : [],
    });
  }

  private usableRoom(ivrid: string): CallRoom {
    const room = this.deps.registry.get(ivrid);
    if (!room || room.status === 'failed')
      throw new UserFacingError(
        'no-room',
        'This call has no Rocket.Chat room: open the room first.',
      );
    if (room.status === 'closing' || room.status === 'closed')
      throw new UserFacingError('room-closed', 'This room is already closed.');
    return room;
  }

  private isLive(room: CallRoom): boolean {
    return room.status === 'opening' || room.status === 'open';
  }

  private answered(room: CallRoom): boolean {
    return room.answeredAt !== null || isAnswered(findCall(this.calls, room.ivrid));
  }

  private who(room: CallRoom): string {
    return room.visitorName ?? (room.callerName.trim() || room.callerPhone || room.ivrid);
  }

  private async withEnqueuing(id: string, work: () => Promise<void>): Promise<void> {
    this.enqueuing.add(id);
    try {
      await work();
    } finally {
      this.enqueuing.delete(id);
    }
  }

  private serial<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }
}
