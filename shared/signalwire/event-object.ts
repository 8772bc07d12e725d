/**
 * The event editor's rule, shared by the renderer (live validation) and main (which validates
 * again: renderer input is untrusted). SignalWire wants `params.event` as a JSON *object*; a
 * string, array or number is refused here, with the reason, before anything is sent.
 */

export type JsonObject = Record<string, unknown>;

export type ParseEventResult = { ok: true; value: JsonObject } | { ok: false; reason: string };

/** Large enough for any realistic event, small enough that a paste accident is caught. */
export const MAX_EVENT_TEXT_LENGTH = 16_000;

/** Keys Ringside writes itself: a preset or the editor may contain them, the sent value is ours. */
export const RESERVED_EVENT_KEYS = ['event_id'] as const;

const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list ([...])';
  const names: Partial<Record<string, string>> = {
    string: 'a string',
    number: 'a number',
    boolean: 'true/false',
  };
  return names[typeof value] ?? typeof value;
};

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parser's complaint without the echo of the whole text V8 appends ('..., "{...}" is not valid JSON'). */
function jsonProblem(error: unknown): string {
  if (!(error instanceof Error)) return 'it could not be read';
  const message = error.message.replace(/, ".*" is not valid JSON$/s, '').trim();
  return message === '' ? 'it could not be read' : message;
}

/** `{ok: true, value}` for a JSON object; otherwise a reason in plain words. Never throws. */
export function parseEventObject(text: string): ParseEventResult {
  if (text.length > MAX_EVENT_TEXT_LENGTH) {
    return {
      ok: false,
      reason: `The event is too long (at most ${MAX_EVENT_TEXT_LENGTH} characters).`,
    };
  }
  if (text.trim() === '') {
    return {
      ok: false,
      reason: 'Write the event as a JSON object, for example {"action": "order.confirmed"}.',
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `This is not valid JSON: ${jsonProblem(error)}.` };
  }
  if (!isJsonObject(value)) {
    return {
      ok: false,
      reason: `The event must be a JSON object ({ ... }), not ${kindOf(value)}. SignalWire refuses anything else.`,
    };
  }
  return { ok: true, value };
}

/** A short name for the history: the event's own `type`, else its `action`, else "event". */
export function eventLabel(event: JsonObject): string {
  for (const key of ['type', 'action', 'name']) {
    const candidate = event[key];
    if (typeof candidate === 'string' && candidate.trim() !== '')
      return candidate.trim().slice(0, 80);
  }
  return 'event';
}
