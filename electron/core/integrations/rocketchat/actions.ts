import { z } from 'zod';
import { VOIP_EVENTS } from './schemas';
import { serverRefSchema, type ServerRef } from './server-ref';
import { say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

/** The outbox action kinds Rocket.Chat delivers, and their payloads (validated again at delivery). */

/**
 * The server the action's room belongs to: it is delivered there only. Absent in actions queued
 * by versions from before rooms knew their server.
 */
const server = serverRefSchema.optional();

export const ensureRoomPayload = z.object({
  ivrid: z.string().min(1),
  callerPhone: z.string(),
  callerName: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  server,
});
export type EnsureRoomPayload = z.infer<typeof ensureRoomPayload>;

export const voipEventPayload = z.object({
  ivrid: z.string().min(1),
  event: z.enum(VOIP_EVENTS),
  comment: z.string().optional(),
  server,
});
export type VoipEventPayload = z.infer<typeof voipEventPayload>;

export const roomClosePayload = z.object({
  ivrid: z.string().min(1),
  comment: z.string(),
  tags: z.array(z.string()),
  server,
});
export type RoomClosePayload = z.infer<typeof roomClosePayload>;

/** The server an action of any kind is for; null when it does not say (an older action). */
export function serverOfAction(payload: unknown): ServerRef | null {
  const parsed = z.object({ server }).safeParse(payload);
  return parsed.success ? (parsed.data.server ?? null) : null;
}

export type RocketChatActionKind = 'ensure-room' | 'voip-event' | 'room-close';

/** What the strip calls each event. */
export const EVENT_LABEL: Readonly<Record<VoipEventPayload['event'], Message>> = {
  'voip-call-started': say('rc.event.started'),
  'voip-call-ended': say('rc.event.ended'),
  'voip-call-declined': say('rc.event.declined'),
  'voip-call-on-hold': say('rc.event.hold'),
  'voip-call-unhold': say('rc.event.unhold'),
  'voip-call-duration': say('rc.event.duration'),
};
