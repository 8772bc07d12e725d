/**
 * The SignalWire actions kept in the durable outbox. Payloads are read back from disk, so they are
 * validated again before delivery. They never hold a credential: the transport asks the service
 * for the current client at delivery time.
 */
import { z } from 'zod';
import { isJsonObject } from '../../../../shared/signalwire/event-object';

export const USER_EVENT_KIND = 'user-event';
export const END_KIND = 'end';

const callId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const userEventPayloadSchema = z.object({
  callId,
  /** Already carries its `event_id`, fixed when queued so that every attempt sends the same one. */
  event: z.custom<Record<string, unknown>>(isJsonObject, 'the event must be an object'),
  eventId: z.string().min(1).max(100),
  origin: z.enum(['editor', 'preset', 'mirror']),
});
export type UserEventPayload = z.infer<typeof userEventPayloadSchema>;

export const endPayloadSchema = z.object({
  callId,
  reason: z.enum(['hangup', 'cancel', 'busy', 'noAnswer', 'decline', 'error']).optional(),
});
export type EndPayload = z.infer<typeof endPayloadSchema>;

/** FIFO per SignalWire call: an end never overtakes the events queued before it. */
export const orderKeyFor = (signalwireCallId: string): string => `signalwire:${signalwireCallId}`;
