/**
 * The event editor's rule, shared by the renderer (live validation) and main (which validates
 * again: renderer input is untrusted). SignalWire wants `params.event` as a JSON *object*; a
 * string, array or number is refused here, with the reason, before anything is sent.
 */

import type { Message } from '../messages/catalogue';
import { english, say } from '../messages/translate';

export type JsonObject = Record<string, unknown>;

export type ParseEventResult = { ok: true; value: JsonObject } | { ok: false; reason: string };
/** The same check, its refusal as a message code the window translates. */
export type CheckEventResult = { ok: true; value: JsonObject } | { ok: false; says: Message };

const refused = (says: Message): CheckEventResult => ({ ok: false, says });

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

/** `{ok: true, value}` for a JSON object; otherwise the reason, in English. Never throws. */
export function parseEventObject(text: string): ParseEventResult {
  const checked = checkEventObject(text);
  return checked.ok ? checked : { ok: false, reason: english(checked.says) };
}

/** `{ok: true, value}` for a JSON object; otherwise why not, as a message. Never throws. */
export function checkEventObject(text: string): CheckEventResult {
  if (text.length > MAX_EVENT_TEXT_LENGTH) {
    return refused(say('sw.event-too-long', { max: MAX_EVENT_TEXT_LENGTH }));
  }
  if (text.trim() === '') {
    return refused(say('sw.event-empty'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refused(say('sw.event-not-json', { problem: jsonProblem(error) }));
  }
  if (!isJsonObject(value)) {
    return refused(say('sw.event-not-object', { kind: kindOf(value) }));
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
