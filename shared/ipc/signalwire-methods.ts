/**
 * SignalWire's IPC methods, merged into the contract. Every argument is validated in
 * main before a handler runs; the event text is parsed again in main (`parseEventObject`).
 */
import { z } from 'zod';
import { method } from './define';
import type { Message } from '../messages/catalogue';
import { SECURE_URL_RULE, isSecureAddress, secureUrlSchema } from '../net/secure-url';
import type { SignalWireCallLink, SignalWireView } from './signalwire';
import { MAX_EVENT_TEXT_LENGTH, isJsonObject } from '../signalwire/event-object';

const ivrid = z.string().trim().min(1).max(100);
const secret = z.string().trim().min(1).max(4096);

/** Project ids are UUIDs; anything with characters outside them is a paste accident. */
const projectId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'a project id has letters, digits and dashes only');

/** The space's name, host or URL; one with a scheme is held to the secure-URL rule. */
export const signalWireSpaceSchema = z
  .string()
  .trim()
  .max(253)
  .refine((text) => text === '' || isSecureAddress(text), { error: SECURE_URL_RULE });

export const signalWireConfigSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('token'),
      /** `acme`, `acme.signalwire.com` or `https://acme.signalwire.com`. */
      space: signalWireSpaceSchema.min(1),
      projectId,
      /** Omit to keep the stored token. */
      apiToken: secret.optional(),
    })
    .strict(),
  z
    .object({
      mode: z.literal('relay'),
      /** HTTPS URL of the organisation's backend that forwards the same body to SignalWire. */
      relayUrl: secureUrlSchema,
      /** Bearer token the relay expects. Omit to keep the stored one; null removes it. */
      relayToken: secret.nullable().optional(),
    })
    .strict(),
  /** Forget the configuration and delete the stored token. */
  z.object({ mode: z.literal('off') }).strict(),
]);
export type SignalWireConfig = z.infer<typeof signalWireConfigSchema>;

/** The length of the value as JSON text; null when it has none (a BigInt, a cycle), which JSON.stringify throws on. */
function jsonLength(value: unknown): number | null {
  try {
    return JSON.stringify(value).length;
  } catch {
    return null;
  }
}

export const signalWireEventObjectSchema = z
  .custom<Record<string, unknown>>(isJsonObject, 'an event must be a JSON object')
  .refine((value) => jsonLength(value) !== null, 'an event must be plain JSON')
  .refine((value) => (jsonLength(value) ?? 0) <= MAX_EVENT_TEXT_LENGTH, 'the event is too long');

export const signalWirePresetSchema = z
  .object({ label: z.string().trim().min(1).max(40), event: signalWireEventObjectSchema })
  .strict();

export const signalWireSettingsPatchSchema = z
  .object({
    mirrorCallEvents: z.boolean().optional(),
    presets: z.array(signalWirePresetSchema).max(20).optional(),
    customDataKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a custom data key has letters, digits, _ . - only')
      .optional(),
  })
  .strict();
export type SignalWireSettingsPatch = z.infer<typeof signalWireSettingsPatchSchema>;

export interface SignalWireTestResult {
  ok: boolean;
  /** The English words, for logs and tests. */
  message: string;
  /** What the window shows, in the agent's language. */
  says?: Message;
}

export interface SignalWireQueued {
  /** The outbox action id. */
  actionId: string;
  /** The `event_id` the event carries (null for `calling.end`). */
  eventId: string | null;
}

export const signalWireMethods = {
  /** Sets how Ringside reaches SignalWire. Tokens stay in main, encrypted at rest. */
  configureSignalWire: method<SignalWireView>()(z.tuple([signalWireConfigSchema])),
  /** Checks that the stored credentials (or the relay) are accepted, without touching any real call. */
  testSignalWire: method<SignalWireTestResult>()(z.tuple([])),
  /** Links a call to a SignalWire call id pasted by the agent; null removes a pasted link. */
  linkSignalWireCall: method<SignalWireCallLink | null>()(
    z.tuple([ivrid, z.string().max(200).nullable()]),
  ),
  /** Sends the editor's text as a user event on the call's SignalWire call (through the outbox). */
  sendSignalWireEvent: method<SignalWireQueued>()(
    z.tuple([ivrid, z.string().max(MAX_EVENT_TEXT_LENGTH + 1)]),
  ),
  /** Sends the admin-configured preset at `index` as a user event. */
  sendSignalWirePreset: method<SignalWireQueued>()(
    z.tuple([ivrid, z.number().int().min(0).max(19)]),
  ),
  /** Ends the SignalWire call (`calling.end`); the renderer asks the agent to confirm first. */
  endSignalWireCall: method<SignalWireQueued>()(z.tuple([ivrid])),
  /** Changes the non-secret SignalWire settings; answers the view as it is now. */
  updateSignalWireSettings: method<SignalWireView>()(z.tuple([signalWireSettingsPatchSchema])),
} as const;
