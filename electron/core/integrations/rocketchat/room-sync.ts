import { randomUUID } from 'node:crypto';
import type { CallInfo, CallState, RealtimeEvent } from '../../../../shared/domain/calls';
import { UserFacingError } from '../../../../shared/ipc/dispatch';
import type { WrapUp } from '../../../../shared/ipc/rocketchat-methods';
import type { RocketChatOutboxPort } from './ports';
import type { Clock, Logger } from '../../ports';
import type { RocketChatSettings } from '../../settings/sections/rocketchat';
import { EVENT_LABEL, type EnsureRoomPayload, type RoomClosePayload } from './actions';
import {
  callTransitions,
  findCall,
  isCallActive,
  roomDirection,
  type CallTransition,
} from '../../calls/transitions';
import { recoverRooms } from './recovery';
import { isLiveRoom, orderKeyFor, RoomQueue, roomServer, whoOf } from './room-queue';
import type { CallRoom, RoomRegistry } from './room-registry';
import { belongsTo, type ServerRef } from './server-ref';
import { english, say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

export interface RoomSyncDeps {
  registry: RoomRegistry;
  outbox: RocketChatOutboxPort;
  clock: Clock;
  logger: Logger;
  settings: () => RocketChatSettings;
  /** Throws a UserFacingError unless a room can be opened now (signed in, server has VoIP). */
  ready: () => void;
  /**
   * The server (and account) Ringside is signed in to, also while its session waits to be
   * renewed; null when signed out.
   */
  server: () => ServerRef | null;
}

const isAnswered = (call: CallInfo | null): boolean =>
  call !== null &&
  (call.answeredAt !== null || call.status === 'talking' || call.status === 'hold');

/**
 * Turns the agent's buttons and the call's own events into queued room actions. All of it runs
 * one operation at a time, so two clicks (or a click and a hang-up) can never interleave their
 * actions or queue a call's end twice.
 */
/** An outbox label's English and its code. */
const labelOf = (says: Message): { label: string; labelSays: Message } => ({
  label: english(says),
  labelSays: says,
});

/** A room's last error, its English and its code. */
const lastErrorOf = (says: Message): { lastError: string; lastErrorSays: Message } => ({
  lastError: english(says),
  lastErrorSays: says,
});

export class RoomSync {
  private calls: CallState | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /** Actions whose room record is written but which are not in the outbox yet. */
  private readonly enqueuing = new Set<string>();
  /** Rooms left from before this start are brought to the truth once, from the first snapshot on. */
  private recovered = false;
  /**
   * Those rooms (their calls may still be up) not brought to the truth yet because Ringside is
   * signed in to another server than theirs: each gets its turn once Ringside is on its server.
   */
  private readonly leftOver = new Set<string>();
  private readonly queue: RoomQueue;

  constructor(private readonly deps: RoomSyncDeps) {
    this.queue = new RoomQueue(deps);
  }

  onCallEvent(event: RealtimeEvent, before: CallState, after: CallState): Promise<void> {
    this.calls = after;
    const transitions = callTransitions(event, before, after, this.deps.clock.now());
    // Only a snapshot says which calls are live; without own extensions it cannot say it for us.
    const recover =
      !this.recovered && event.kind === 'extensionsSnapshot' && after.ownExtensions.length > 0;
    if (recover) this.recovered = true;
    if (transitions.length === 0 && !recover) return Promise.resolve();
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
      if (recover) {
        for (const room of this.deps.registry.all())
          if (room.callActive) this.leftOver.add(room.ivrid);
        await this.recoverLeftOver(after);
      }
    });
  }

  /**
   * Ringside is signed in to a server (again, or another one): rooms left from before the start
   * that belong to it and still wait get the truth now, from the calls as they stand.
   */
  serverChanged(): Promise<void> {
    return this.serial(async () => {
      if (this.recovered && this.calls && this.leftOver.size > 0)
        await this.recoverLeftOver(this.calls);
    });
  }

  openRoom(ivrid: string): Promise<void> {
    return this.serial(() => this.open(ivrid));
  }

  roomAction(ivrid: string, action: 'hold' | 'unhold' | 'end'): Promise<void> {
    return this.serial(async () => {
      const room = this.usableRoom(ivrid);
      if (action === 'end') {
        await this.queue.endCall(room, {
          answered: this.answered(room),
          answeredAt: room.answeredAt,
          endedAt: this.deps.clock.now(),
        });
        return;
      }
      if (room.endQueued) throw new UserFacingError('call-ended', say('rc.end-already-sent'));
      await this.queue.hold(room, action === 'hold');
    });
  }

  wrapUp(ivrid: string, wrapUp: WrapUp): Promise<void> {
    return this.serial(async () => {
      const room = this.usableRoom(ivrid);
      const id = randomUUID();
      const payload: RoomClosePayload = {
        ivrid,
        comment: wrapUp.comment,
        tags: wrapUp.tags,
        ...roomServer(room),
      };
      await this.withEnqueuing(id, () =>
        this.queue.saving(
          ivrid,
          say('rc.what.wrap-up'),
          say('rc.then.wrap-up'),
          { status: 'open', closeActionId: null },
          async () => {
            // End and duration must reach the room before the close: a closed room drops them.
            if (!room.endQueued)
              await this.queue.end(room, {
                answered: this.answered(room),
                answeredAt: room.answeredAt,
                endedAt: room.endUnknown ? null : (room.endedAt ?? this.deps.clock.now()),
              });
            const after = this.deps.outbox
              .list()
              .filter(
                (r) =>
                  r.action.target === 'rocketchat' &&
                  r.action.ivrid === ivrid &&
                  r.state !== 'sent',
              )
              .map((r) => r.action.id);
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
              ...labelOf(say('rc.label.close', { who: whoOf(room) })),
              payload,
              after,
            });
          },
        ),
      );
    });
  }

  retryAction(id: string): Promise<void> {
    return this.serial(async () => {
      const record = this.deps.outbox.get(id);
      if (!record) throw new UserFacingError('unknown-action', say('rc.unknown-action'));
      const { ivrid } = record.action;
      if (record.action.target === 'rocketchat' && ivrid) {
        if (record.action.kind === 'ensure-room')
          await this.deps.registry.update(ivrid, { status: 'opening', lastError: null });
        else await this.deps.registry.update(ivrid, { lastError: null });
      }
      if (!this.deps.outbox.retry(id))
        throw new UserFacingError('not-retryable', say('rc.not-retryable'));
    });
  }

  discardAction(id: string): Promise<void> {
    return this.serial(async () => {
      if (!this.deps.outbox.discard(id)) {
        throw new UserFacingError('not-discardable', say('rc.busy-action'));
      }
      const { registry } = this.deps;
      for (const room of registry.all()) {
        if (room.openActionId === id && room.status === 'opening' && !room.rid)
          await registry.update(room.ivrid, {
            status: 'failed',
            ...lastErrorOf(say('rc.open-discarded')),
          });
        if (room.closeActionId === id && room.status === 'closing')
          await registry.update(room.ivrid, { status: 'open', closeActionId: null });
      }
    });
  }

  /**
   * After the outbox changed (or was loaded): a room whose opening or closing is not in the outbox
   * although the room says it was queued lost it before it was saved (Ringside stopped in
   * between): the room says so, and the agent can open or wrap it up again.
   */
  reconcile(): void {
    const { registry, outbox } = this.deps;
    const missing = (id: string | null): boolean =>
      id !== null && !this.enqueuing.has(id) && !outbox.get(id);
    for (const room of registry.all()) {
      if (room.status === 'opening' && !room.rid && missing(room.openActionId)) {
        void registry
          .update(room.ivrid, {
            status: 'failed',
            ...lastErrorOf(say('rc.open-not-saved')),
          })
          .catch(() => undefined);
      }
      if (room.status === 'closing' && missing(room.closeActionId)) {
        void registry
          .update(room.ivrid, {
            status: 'open',
            closeActionId: null,
            ...lastErrorOf(say('rc.wrap-up-not-saved')),
          })
          .catch(() => undefined);
      }
    }
  }

  /** Left-over rooms of the server Ringside is on; the others keep waiting for theirs. */
  private async recoverLeftOver(state: CallState): Promise<void> {
    const current = this.deps.server();
    if (!current) return;
    const due = [...this.leftOver].filter((ivrid) => {
      const room = this.deps.registry.get(ivrid);
      return !room || belongsTo(room.server, current);
    });
    for (const ivrid of due) this.leftOver.delete(ivrid);
    await recoverRooms(due, state, {
      registry: this.deps.registry,
      queue: this.queue,
      settings: this.deps.settings(),
      logger: this.deps.logger,
    });
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
        if (!room || !settings.keepInStep || room.endQueued || !isLiveRoom(room)) return;
        const held = transition.kind === 'held';
        if (this.queue.heldSent(room) !== held) await this.queue.hold(room, held);
        return;
      }
      case 'ended':
        if (!room) return;
        await this.deps.registry.update(ivrid, {
          callActive: false,
          endedAt: transition.endedAt,
          held: false,
        });
        if (settings.keepInStep && isLiveRoom(room))
          await this.queue.endCall(room, {
            answered: transition.answered || room.answeredAt !== null,
            answeredAt: room.answeredAt,
            endedAt: transition.endedAt,
          });
        return;
    }
  }

  private async open(ivrid: string): Promise<void> {
    this.deps.ready();
    const { registry, outbox } = this.deps;
    const existing = registry.get(ivrid);
    if (existing && existing.status !== 'failed' && existing.status !== 'closed') return;
    const call = findCall(this.calls, ivrid);
    if (!call) throw new UserFacingError('unknown-call', say('rc.unknown-call'));
    // Opening again after a failure replaces the failed attempt rather than adding a second one.
    if (existing?.openActionId && outbox.get(existing.openActionId)?.state === 'failed')
      outbox.discard(existing.openActionId);
    const now = this.deps.clock.now();
    const id = randomUUID();
    const active = isCallActive(this.calls, ivrid);
    const server = this.deps.server();
    // A visitor token means something only on the server that knows the visitor.
    const sameVisitor =
      existing?.status === 'failed' && server !== null && belongsTo(existing.server, server);
    const room: CallRoom = {
      ivrid,
      direction: roomDirection(call),
      callerPhone: call.callerPhone,
      callerName: call.callerName,
      visitorToken: sameVisitor ? existing.visitorToken : null,
      rid: null,
      visitorName: null,
      agent: null,
      status: 'opening',
      lastError: null,
      answeredAt: call.answeredAt ?? (isAnswered(call) ? now : null),
      endedAt: active ? null : (existing?.endedAt ?? now),
      endUnknown: false,
      callActive: active,
      held: call.status === 'hold',
      endQueued: false,
      openActionId: id,
      closeActionId: null,
      sentEvents: [],
      server,
      createdAt: now,
      updatedAt: now,
    };
    await this.enqueueOpen(room, id);
  }

  /**
   * A room for a call the agent is about to place from a `tel:`/`callto:` link: there is no
   * Voicenter call yet, so the room gets its own id (`link-…`) and is live until the agent ends it
   * or wraps it up. When the agent's phone then places the call, Rocket.Chat hands any room opened
   * for it the same open room of that visitor.
   */
  openOutboundRoom(callerPhone: string): Promise<string> {
    return this.serial(async () => {
      this.deps.ready();
      const now = this.deps.clock.now();
      const id = randomUUID();
      const room: CallRoom = {
        ivrid: `link-${id}`,
        direction: 'outbound',
        callerPhone,
        callerName: '',
        visitorToken: null,
        rid: null,
        visitorName: null,
        agent: null,
        status: 'opening',
        lastError: null,
        answeredAt: null,
        endedAt: null,
        endUnknown: false,
        callActive: true,
        held: false,
        endQueued: false,
        openActionId: id,
        closeActionId: null,
        sentEvents: [],
        server: this.deps.server(),
        createdAt: now,
        updatedAt: now,
      };
      await this.enqueueOpen(room, id);
      return room.ivrid;
    });
  }

  /** Records the room as opening and queues its opening (and, outbound, the call's start). */
  private async enqueueOpen(room: CallRoom, id: string): Promise<void> {
    const { registry, outbox } = this.deps;
    const ivrid = room.ivrid;
    const payload: EnsureRoomPayload = {
      ivrid,
      callerPhone: room.callerPhone,
      callerName: room.callerName,
      direction: room.direction,
      ...roomServer(room),
    };
    await this.withEnqueuing(id, () =>
      this.queue.saving(
        ivrid,
        say('rc.what.opening'),
        say('rc.then.open'),
        { status: 'failed' },
        async () => {
          await registry.put(room);
          await outbox.enqueue({
            id,
            target: 'rocketchat',
            kind: 'ensure-room',
            orderKey: orderKeyFor(ivrid),
            ivrid,
            ...labelOf(say('rc.label.open', { who: whoOf(room) })),
            payload,
          });
        },
      ),
    );
    if (room.direction === 'outbound')
      await this.queue.saving(ivrid, EVENT_LABEL['voip-call-started'], null, {}, () =>
        this.queue.events(room, [['voip-call-started']]),
      );
  }

  private usableRoom(ivrid: string): CallRoom {
    const room = this.deps.registry.get(ivrid);
    if (!room || room.status === 'failed')
      throw new UserFacingError('no-room', say('rc.open-first'));
    if (room.status === 'closing' || room.status === 'closed')
      throw new UserFacingError('room-closed', say('rc.already-closed'));
    return room;
  }

  private answered(room: CallRoom): boolean {
    return room.answeredAt !== null || isAnswered(findCall(this.calls, room.ivrid));
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
