import { z } from 'zod';
import { defineSection, type SecretKey } from '../section';
import {
  signalWirePresetSchema,
  signalWireSpaceSchema,
} from '../../../../shared/ipc/signalwire-methods';
import { secureUrlOrEmptySchema } from '../../../../shared/net/secure-url';

export const SIGNALWIRE_API_TOKEN: SecretKey = 'signalwire.apiToken';
export const SIGNALWIRE_RELAY_TOKEN: SecretKey = 'signalwire.relayToken';

/**
 * How Ringside reaches SignalWire. Two ways: `token` sends straight to the space with
 * the project's API token (kept in the SecretStore as `signalwire.apiToken`, never here), `relay`
 * sends the same body to the organisation's own backend, optionally with a bearer token
 * (`signalwire.relayToken`). Addresses are checked again when a client is built, because this
 * section can also come from a hand-written configuration file.
 */
export const signalwireSection = defineSection({
  schema: z.object({
    authMode: z.enum(['token', 'relay']).default('token'),
    /** `acme`, `acme.signalwire.com` or `https://acme.signalwire.com`; '' when not set up. */
    space: signalWireSpaceSchema.default(''),
    projectId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{0,64}$/, 'a project id has letters, digits and dashes only')
      .default(''),
    /** The organisation's relay (HTTPS); '' when not set up. */
    relayUrl: secureUrlOrEmptySchema.default(''),
    /** The key of the call's `customdata` that holds the SignalWire call id. */
    customDataKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a custom data key has letters, digits, _ . - only')
      .default('signalwire_call_id'),
    /** Send hold, unhold and end of a linked call as `ringside.call.*` user events. */
    mirrorCallEvents: z.boolean().default(false),
    /** The agent's one-click events, e.g. {label: "Order confirmed", event: {type: "order.confirmed"}}. */
    presets: z
      .array(signalWirePresetSchema)
      .max(20)
      .default(() => []),
  }),
  secretFields: { apiToken: SIGNALWIRE_API_TOKEN, relayToken: SIGNALWIRE_RELAY_TOKEN },
});

export type SignalWireSettings = z.output<typeof signalwireSection.schema>;
