import { z } from 'zod';
import { defineSection, type SecretKey } from '../section';
import { secureUrlOrEmptySchema } from '../../../../shared/net/secure-url';

export const ROCKETCHAT_AUTH_TOKEN: SecretKey = 'rocketchat.authToken';

/**
 * The agent's Rocket.Chat server and how rooms follow calls. The session token (an authToken from
 * a password login, or a personal access token) is a secret: it lives in the SecretStore as
 * `rocketchat.authToken`, never in this section.
 */
export const rocketchatSection = defineSection({
  schema: z.object({
    /** '' until the agent signs in. */
    serverUrl: secureUrlOrEmptySchema.default(''),
    /** Who is signed in: shown to the agent, and the `agentId` rooms are created for. */
    username: z.string().trim().max(254).default(''),
    userId: z.string().trim().max(64).default(''),
    /** `password`: the token came from a password login; `pat`: a personal access token. */
    authKind: z.enum(['password', 'pat', '']).default(''),
    /** Open the caller's room as soon as a call is answered (otherwise: the Open room button). */
    autoOpenRoom: z.boolean().default(false),
    /** Hold, unhold and hang-up send the room's events by themselves. */
    keepInStep: z.boolean().default(true),
    /** Tags the wrap-up form starts with. */
    defaultTags: z
      .array(z.string().trim().min(1).max(64))
      .max(20)
      .default(() => []),
  }),
  secretFields: { authToken: ROCKETCHAT_AUTH_TOKEN, personalAccessToken: ROCKETCHAT_AUTH_TOKEN },
});

export type RocketChatSettings = z.output<typeof rocketchatSection.schema>;
