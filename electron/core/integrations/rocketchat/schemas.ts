import { z } from 'zod';

/**
 * The few Rocket.Chat shapes Ringside reads, written by hand (`@rocket.chat/rest-typings` is not
 * usable: see the spec). Objects are `loose`: servers add fields between versions, and only what is
 * named here is relied on.
 */

export const infoSchema = z.object({ version: z.string().min(1) }).loose();

const meSchema = z
  .object({
    _id: z.string().min(1),
    username: z.string().min(1),
    name: z.string().nullish(),
    roles: z.array(z.string()).nullish(),
  })
  .loose();
export type RocketChatMe = z.infer<typeof meSchema>;

export const loginSchema = z
  .object({
    status: z.literal('success').optional(),
    data: z
      .object({ userId: z.string().min(1), authToken: z.string().min(1), me: meSchema })
      .loose(),
  })
  .loose();

export const meResponseSchema = meSchema;

const visitorSchema = z
  .object({
    _id: z.string().nullish(),
    token: z.string().min(1),
    name: z.string().nullish(),
    phone: z.array(z.object({ phoneNumber: z.string() }).loose()).nullish(),
  })
  .loose();
export type RocketChatVisitor = z.infer<typeof visitorSchema>;

export const visitorResponseSchema = z.object({ visitor: visitorSchema }).loose();

/** `contact.search` answers `{contact: null}` when nobody has that number. */
export const contactSearchSchema = z.object({ contact: visitorSchema.nullish() }).loose();

const roomSchema = z
  .object({
    _id: z.string().min(1),
    t: z.string().optional(),
    fname: z.string().nullish(),
    name: z.string().nullish(),
    open: z.boolean().nullish(),
    direction: z.string().nullish(),
    v: z.object({ token: z.string().nullish() }).loose().nullish(),
    servedBy: z.object({ _id: z.string(), username: z.string().nullish() }).loose().nullish(),
  })
  .loose();
export type VoipRoom = z.infer<typeof roomSchema>;

export const voipRoomResponseSchema = z
  .object({ room: roomSchema, newRoom: z.boolean().optional() })
  .loose();

export const successSchema = z.object({ success: z.boolean().optional() }).loose();

const messageSchema = z
  .object({
    _id: z.string(),
    t: z.string().nullish(),
    msg: z.string().nullish(),
    u: z.object({ _id: z.string() }).loose().nullish(),
  })
  .loose();
export type RoomMessage = z.infer<typeof messageSchema>;

/** `chat.syncMessages` with `lastUpdate`: the room's messages changed since then, newest first. */
export const syncMessagesSchema = z
  .object({ result: z.object({ updated: z.array(messageSchema) }).loose() })
  .loose();

export const VOIP_EVENTS = [
  'voip-call-started',
  'voip-call-ended',
  'voip-call-declined',
  'voip-call-on-hold',
  'voip-call-unhold',
  'voip-call-duration',
] as const;
export type VoipEventName = (typeof VOIP_EVENTS)[number];
