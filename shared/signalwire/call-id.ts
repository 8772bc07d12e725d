/**
 * SignalWire identifies a call by a UUID. Ids come from a call's `customdata` (untrusted, from the
 * telephony side) or are pasted by the agent, so both go through this one check.
 */

export type ParseCallIdResult = { ok: true; value: string } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Trims and lower-cases; refuses anything that is not a UUID, in plain words. */
export function parseCallId(text: string): ParseCallIdResult {
  const value = text.trim().toLowerCase();
  if (value === '') return { ok: false, reason: 'Paste the SignalWire call id (a UUID).' };
  if (!UUID.test(value)) {
    return {
      ok: false,
      reason:
        'A SignalWire call id looks like 0e9c80d7-a149-4917-892d-420043709f45. Calls made through the cXML (LaML) API cannot be controlled here.',
    };
  }
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
