/**
 * SignalWire identifies a call by a UUID. Ids come from a call's `customdata` (untrusted, from the
 * telephony side) or are pasted by the agent, so both go through this one check.
 */

import type { Message } from '../messages/catalogue';
import { english, say } from '../messages/translate';

export type ParseCallIdResult = { ok: true; value: string } | { ok: false; reason: string };
/** The same check, its refusal as a message code the window translates. */
export type CheckCallIdResult = { ok: true; value: string } | { ok: false; says: Message };

const refused = (says: Message): CheckCallIdResult => ({ ok: false, says });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Trims and lower-cases; refuses anything that is not a UUID, in English. */
export function parseCallId(text: string): ParseCallIdResult {
  const checked = checkCallId(text);
  return checked.ok ? checked : { ok: false, reason: english(checked.says) };
}

/** Trims and lower-cases; refuses anything that is not a UUID, as a message. */
export function checkCallId(text: string): CheckCallIdResult {
  const value = text.trim().toLowerCase();
  if (value === '') return refused(say('sw.call-id-empty'));
  if (!UUID.test(value)) return refused(say('sw.call-id-bad'));
  return { ok: true, value };
}

/** The id stored under `key` in a call's custom data, when it is a usable call id. */
export function callIdFromCustomData(
  customData: Record<string, unknown>,
  key: string,
): string | null {
  if (key === '' || !Object.hasOwn(customData, key)) return null;
  const raw = customData[key];
  if (typeof raw !== 'string') return null;
  const parsed = parseCallId(raw);
  return parsed.ok ? parsed.value : null;
}
