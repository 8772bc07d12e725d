import { z } from 'zod';
import { VOIP_EVENTS } from './schemas';

/** The outbox action kinds Rocket.Chat delivers, and their payloads (validated again at delivery). */

export const ensureRoomPayload = z.object({
  ivrid: z.string().min(1),
  callerPhone: z.string(),
  callerName: z.string(),
  direction: z.enum(['inbound', 'outbound']),
});
export type EnsureRoomPayload = z.infer<typeof ensureRoomPayload>;

export const voipEventPayload = z.object({
  ivrid: z.string().min(1),
  event: z.enum(VOIP_EVENTS),
  comment: z.string().optional(),
});
export type VoipEventPayload = z.infer<typeof voipEventPayload>;

export const roomClosePayload = z.object({
  ivrid: z.string().min(1),
  comment: z.string(),
  tags: z.array(z.string()),
});
export type RoomClosePayload = z.infer<typeof roomClosePayload>;

export type RocketChatActionKind = 'ensure-room' | 'voip-event' | 'room-close';

/** What the strip calls each event. */
export const EVENT_LABEL: Readonly<Record<VoipEventPayload['event'], string>> = {
  'voip-call-started': 'Call started',
  'voip-call-ended': 'Call ended',
  'voip-call-declined': 'Call not answered',
  'voip-call-on-hold': 'Hold',
  'voip-call-unhold': 'Unhold',
  'voip-call-duration': 'Call duration',
};
