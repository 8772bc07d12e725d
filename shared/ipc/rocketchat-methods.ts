// Rocket.Chat's IPC methods, merged into the contract.
import { z } from 'zod';
import { method } from './define';
import { secureUrlSchema } from '../net/secure-url';
import type { RocketChatView } from './rocketchat';

const serverUrl = secureUrlSchema;
const ivrid = z.string().trim().min(1).max(200);
const actionId = z.string().trim().min(1).max(200);
const tag = z.string().trim().min(1).max(64);

export const rocketChatSignInSchema = z.union([
  z
    .object({
      serverUrl,
      username: z.string().trim().min(1).max(254),
      password: z.string().min(1).max(1024),
      /** The two-factor code, when the server asked for one. */
      code: z
        .string()
        .trim()
        .regex(/^\d{4,10}$/, 'a two-factor code is digits only')
        .optional(),
    })
    .strict(),
  z
    .object({
      serverUrl,
      userId: z.string().trim().min(1).max(64),
      personalAccessToken: z.string().trim().min(8).max(1024),
    })
    .strict(),
]);
export type RocketChatSignIn = z.infer<typeof rocketChatSignInSchema>;

export const wrapUpSchema = z
  .object({
    comment: z.string().trim().max(4000),
    tags: z.array(tag).max(20),
  })
  .strict();
export type WrapUp = z.infer<typeof wrapUpSchema>;

export const rocketChatSettingsPatchSchema = z
  .object({
    autoOpenRoom: z.boolean().optional(),
    keepInStep: z.boolean().optional(),
    defaultTags: z.array(tag).max(20).optional(),
  })
  .strict();
export type RocketChatSettingsPatch = z.infer<typeof rocketChatSettingsPatchSchema>;

export const rocketChatMethods = {
  /**
   * Signs in to a Rocket.Chat server (password, with `code` when two-factor is on; or a personal
   * access token). Fails with code `two-factor-required` when the server wants a code.
   */
  rocketChatSignIn: method<RocketChatView>()(z.tuple([rocketChatSignInSchema])),
  /** Signs out of Rocket.Chat and forgets the stored token; queued actions wait for the next sign-in. */
  rocketChatSignOut: method()(z.tuple([])),
  /** Opens (finds or creates) the caller's omnichannel room for this call. */
  openRoom: method()(z.tuple([ivrid])),
  /** Sends a room event by hand: hold, unhold or end (end also sends the call's duration). */
  roomAction: method()(z.tuple([ivrid, z.enum(['hold', 'unhold', 'end'])])),
  /** Closes the call's room with the wrap-up comment and tags (after its end events). */
  wrapUp: method()(z.tuple([ivrid, wrapUpSchema])),
  /** Sends a failed or waiting outbox action again now. */
  retryAction: method()(z.tuple([actionId])),
  /** Drops a queued, waiting or failed outbox action. */
  discardAction: method()(z.tuple([actionId])),
  /** Opens the call's room in Rocket.Chat in the default browser. */
  openRoomInBrowser: method()(z.tuple([ivrid])),
  /** Changes how rooms follow calls; answers the Rocket.Chat view as it is now. */
  updateRocketChatSettings: method<RocketChatView>()(z.tuple([rocketChatSettingsPatchSchema])),
} as const;
