import { randomBytes } from 'node:crypto';
import { normalisePhone } from '../../../../shared/phone/normalise';
import type {
  DeliveryContext,
  DeliveryOutcome,
  OutboxAction,
  OutboxTransport,
} from '../../outbox/types';
import type { Clock, Logger } from '../../ports';
import {
  ensureRoomPayload,
  roomClosePayload,
  serverOfAction,
  voipEventPayload,
  type EnsureRoomPayload,
  type RoomClosePayload,
  type VoipEventPayload,
} from './actions';
import type { RocketChatClient } from './client';
import { RocketChatError } from './errors';
import type { RoomRegistry } from './room-registry';
import { belongsTo, waitingForSays, type ServerRef } from './server-ref';
import { english, say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

export interface RocketChatTransportDeps {
  /** The signed-in client, or null when signed out / the session ended. */
  client(): RocketChatClient | null;
  /** The signed-in user's id: rooms are created for this agent. */
  agentId(): string | null;
  /** The server (and account) signed in to now, or null. */
  server(): ServerRef | null;
  /** False on servers without VoIP rooms (8.x and later). */
  voipSupported(): boolean;
  registry: RoomRegistry;
  clock: Clock;
  logger: Logger;
  /** How long an action waits while nobody is signed in (sign-in wakes it at once). */
  signedOutWaitMs?: number;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A 17-character visitor token, like the ones Rocket.Chat's own agent UI makes. */
export function newVisitorToken(): string {
  const bytes = randomBytes(17);
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** The key a caller's visitor is remembered under. */
export const phoneKey = (phone: string): string => normalisePhone(phone);

/** A reason's English and its code, as a delivery outcome carries them. */
const reasonOf = (says: Message): { reason: string; says: Message } => ({
  reason: english(says),
  says,
});

class Permanent extends Error {
  constructor(readonly says: Message) {
    super(english(says));
  }
}

/** Network failures that mean the request never left this machine or never reached the server. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Whether a request that failed this way may still have been acted on by the server. */
function mayHaveArrived(error: RocketChatError): boolean {
  const { kind, status, serverText } = error.info;
  if (kind === 'timeout') return true;
  if (kind === 'network') return !NEVER_SENT.has(serverText);
  // A 5xx may come after the handler wrote (or from a proxy that forwarded it); 429 never does.
  return status !== null && status >= 500;
}

/**
 * Delivers Rocket.Chat outbox actions. Each kind is written so that a second delivery after a crash
 * does no harm: the room is looked up (an open room for the visitor is always reused), and closing
 * an already closed room counts as done. Room events have no such guard on the server, so an event
 * in doubt (see the outbox) is first looked for in the room's messages; it is sent again only when
 * it is not there, or, marked as possibly doubled, when the server would not let Ringside look.
 */
export class RocketChatTransport implements OutboxTransport {
  private readonly log: Logger;

  constructor(private readonly deps: RocketChatTransportDeps) {
    this.log = deps.logger.child('rocketchat-transport');
  }

  async deliver(
    action: OutboxAction,
    signal: AbortSignal,
    context: DeliveryContext = { inDoubt: false },
  ): Promise<DeliveryOutcome> {
    const client = this.deps.client();
    const agentId = this.deps.agentId();
    const owner = this.ownerOf(action);
    const current = this.deps.server();
    if (!client?.session || !agentId || !current) {
      return {
        kind: 'retry',
        ...reasonOf(owner ? waitingForSays(owner) : say('rc.queued-signed-out')),
        notBefore: this.deps.clock.now() + (this.deps.signedOutWaitMs ?? 5 * 60_000),
      };
    }
    // The room, its visitor and its id exist only on the server it was opened on: anywhere else
    // this would fail, or worse, land in a stranger's room. It waits; signing in there wakes it.
    if (!belongsTo(owner, current)) {
      return {
        kind: 'retry',
        ...reasonOf(waitingForSays(owner)),
        notBefore: this.deps.clock.now() + (this.deps.signedOutWaitMs ?? 5 * 60_000),
      };
    }
    if (!this.deps.voipSupported()) {
      return {
        kind: 'failed',
        ...reasonOf(say('rc.no-voip-rooms')),
      };
    }
    const ivrid = action.ivrid ?? '';
    try {
      let outcome: DeliveryOutcome;
      switch (action.kind) {
        case 'ensure-room':
          await this.ensureRoom(client, agentId, ensureRoomPayload.parse(action.payload), signal);
          // Opening again finds the room the first attempt made: nothing can double.
          outcome = context.inDoubt ? { kind: 'sent', doubt: 'harmless' } : { kind: 'sent' };
          break;
        case 'voip-event':
          outcome = await this.sendEvent(
            client,
            agentId,
            action.id,
            voipEventPayload.parse(action.payload),
            context.inDoubt,
            signal,
          );
          break;
        case 'room-close':
          await this.closeRoom(client, roomClosePayload.parse(action.payload), signal);
          // A second close is refused as `room-closed`: the wrap-up cannot be written twice.
          outcome = context.inDoubt ? { kind: 'sent', doubt: 'harmless' } : { kind: 'sent' };
          break;
        default:
          return { kind: 'failed', ...reasonOf(say('rc.unknown-kind', { kind: action.kind })) };
      }
      if (ivrid) await this.deps.registry.update(ivrid, { lastError: null });
      return outcome;
    } catch (error) {
      if (signal.aborted) throw error;
      const outcome = this.outcomeOf(error);
      if (outcome.kind === 'failed' && ivrid) {
        const patch =
          action.kind === 'ensure-room'
            ? { lastError: outcome.reason, lastErrorSays: outcome.says, status: 'failed' as const }
            : { lastError: outcome.reason, lastErrorSays: outcome.says };
        await this.deps.registry.update(ivrid, patch);
      }
      return outcome;
    }
  }

  /** The action's server, else its room's; null for records older than both (see `belongsTo`). */
  private ownerOf(action: OutboxAction): ServerRef | null {
    const room = action.ivrid ? this.deps.registry.get(action.ivrid) : undefined;
    return serverOfAction(action.payload) ?? room?.server ?? null;
  }

  private outcomeOf(error: unknown): DeliveryOutcome {
    if (error instanceof Permanent) return { kind: 'failed', ...reasonOf(error.says) };
    if (error instanceof RocketChatError) {
      if (error.code === 'not-logged-in') {
        return {
          kind: 'retry',
          ...reasonOf(error.says),
          notBefore: this.deps.clock.now() + (this.deps.signedOutWaitMs ?? 5 * 60_000),
        };
      }
      if (error.transient) {
        return {
          kind: 'retry',
          ...reasonOf(error.says),
          ...(error.info.retryAt !== null ? { notBefore: error.info.retryAt } : {}),
          ...(mayHaveArrived(error) ? { mayHaveArrived: true } : {}),
        };
      }
      return { kind: 'failed', ...reasonOf(error.says) };
    }
    this.log.error('unexpected delivery error', {
      error: error instanceof Error ? error.message : String(error),
    });
    return { kind: 'failed', ...reasonOf(say('rc.internal')) };
  }

  private async ensureRoom(
    client: RocketChatClient,
    agentId: string,
    payload: EnsureRoomPayload,
    signal: AbortSignal,
  ): Promise<void> {
    const { registry } = this.deps;
    const room = registry.get(payload.ivrid);
    if (room?.rid && room.status !== 'failed') return;
    const key = phoneKey(payload.callerPhone);
    const name = payload.callerName.trim() || payload.callerPhone;
    let token = room?.visitorToken ?? registry.visitor(key)?.token ?? null;
    let knownOnServer = token !== null && room?.visitorToken == null;
    if (token === null) {
      const contact = await this.findContact(client, payload.callerPhone, signal);
      if (contact) {
        token = contact;
        knownOnServer = true;
      } else {
        token = newVisitorToken();
      }
      // Chosen before the server hears of it, so a retry upserts the same visitor, not a second one.
      await registry.update(payload.ivrid, { visitorToken: token });
    }
    if (!knownOnServer)
      await this.upsertVisitor(client, token, name, payload.callerPhone, key, signal);
    let result;
    try {
      result = await client.voipRoom({ token, agentId, direction: payload.direction }, signal);
    } catch (error) {
      // The visitor was deleted on the server since (or never made it): make it again, once.
      if (!(error instanceof RocketChatError) || error.code !== 'invalid-token') throw error;
      await this.upsertVisitor(client, token, name, payload.callerPhone, key, signal);
      result = await client.voipRoom({ token, agentId, direction: payload.direction }, signal);
    }
    const { room: found } = result;
    await registry.update(payload.ivrid, {
      rid: found._id,
      visitorToken: token,
      visitorName: found.fname ?? found.name ?? name,
      agent: found.servedBy?.username ?? null,
      status: found.open === false ? 'closed' : 'open',
      lastError: null,
    });
    this.log.info('room ready', { ivrid: payload.ivrid, rid: found._id, newRoom: result.newRoom });
  }

  private async upsertVisitor(
    client: RocketChatClient,
    token: string,
    name: string,
    phone: string,
    key: string,
    signal: AbortSignal,
  ): Promise<void> {
    // The phone is sent exactly as the PBX gave it: the server links the room to the call by it.
    await client.upsertVisitor({ token, name, phone }, signal);
    await this.deps.registry.rememberVisitor(key, token, name);
  }

  /** A contact with this number already on the server: its visitor token, else null. */
  private async findContact(
    client: RocketChatClient,
    phone: string,
    signal: AbortSignal,
  ): Promise<string | null> {
    if (phone.trim() === '') return null;
    try {
      const contact = await client.findContactByPhone(phone, signal);
      return contact?.token ?? null;
    } catch (error) {
      // Only the lookup is lost without its permission; making a visitor still works.
      if (error instanceof RocketChatError && !error.transient && error.code !== 'not-logged-in') {
        this.log.warn('contact lookup refused; creating a visitor', { code: error.code });
        return null;
      }
      throw error;
    }
  }

  private async sendEvent(
    client: RocketChatClient,
    agentId: string,
    actionId: string,
    payload: VoipEventPayload,
    inDoubt: boolean,
    signal: AbortSignal,
  ): Promise<DeliveryOutcome> {
    const { registry } = this.deps;
    const room = registry.get(payload.ivrid);
    if (!room?.rid) throw new Permanent(say('rc.no-room-open-first'));
    if (room.status === 'closed') throw new Permanent(say('rc.closed-drops-event'));
    let checked = false;
    if (inDoubt) {
      const there = await this.eventInRoom(client, agentId, actionId, room.rid, payload, signal);
      if (there) {
        await registry.noteEventSent(payload.ivrid, actionId, payload.event);
        this.log.info('event in doubt had arrived; not sent again', {
          ivrid: payload.ivrid,
          event: payload.event,
        });
        return { kind: 'sent', doubt: 'already-there' };
      }
      checked = there === false;
    }
    const event: { rid: string; event: VoipEventPayload['event']; comment?: string } = {
      rid: room.rid,
      event: payload.event,
    };
    if (payload.comment !== undefined) event.comment = payload.comment;
    await client.voipEvent(event, signal);
    await registry.noteEventSent(payload.ivrid, actionId, payload.event);
    return checked ? { kind: 'sent', doubt: 'not-there' } : { kind: 'sent' };
  }

  /**
   * Whether an event in doubt reached the room: true, false, or null when the server would not
   * say. voip/events has no request id, so the room's messages are counted instead: the agent's
   * messages of this event type against the ones the server confirmed to Ringside. One more on
   * the server than confirmed is this one. (It assumes nothing but Ringside writes VoIP events
   * for this agent in its rooms.)
   */
  private async eventInRoom(
    client: RocketChatClient,
    agentId: string,
    actionId: string,
    rid: string,
    payload: VoipEventPayload,
    signal: AbortSignal,
  ): Promise<boolean | null> {
    const { registry } = this.deps;
    // The answer was recorded before Ringside stopped, only "sent" was not.
    if (registry.get(payload.ivrid)?.sentEvents.some((sent) => sent.id === actionId)) return true;
    let messages;
    try {
      messages = await client.roomMessages(rid, 0, signal);
    } catch (error) {
      if (error instanceof RocketChatError && !error.transient && error.code !== 'not-logged-in') {
        this.log.warn('cannot read the room to check an event in doubt', { code: error.code });
        return null;
      }
      throw error;
    }
    const onServer = messages.filter(
      (message) => message.t === payload.event && message.u?._id === agentId,
    ).length;
    return onServer > registry.confirmedEvents(rid, payload.event);
  }

  private async closeRoom(
    client: RocketChatClient,
    payload: RoomClosePayload,
    signal: AbortSignal,
  ): Promise<void> {
    const { registry } = this.deps;
    const room = registry.get(payload.ivrid);
    if (!room?.rid || !room.visitorToken) throw new Permanent(say('rc.no-room'));
    try {
      await client.closeRoom(
        { rid: room.rid, token: room.visitorToken, comment: payload.comment, tags: payload.tags },
        signal,
      );
    } catch (error) {
      // Closed already (by a colleague, or by our own attempt whose answer was lost): done.
      if (!(error instanceof RocketChatError) || error.code !== 'room-closed') throw error;
    }
    await registry.update(payload.ivrid, { status: 'closed' });
  }
}
