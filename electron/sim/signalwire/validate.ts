/**
 * Request validation of the SignalWire side of the demo service, per
 * `specs/signalwire-calling.md` §1-§3: `params` is always required, `calling.user_event` needs an
 * object `params.event`, unknown commands are a 400, missing or wrong parameters a 422 whose body
 * is an `errors` array.
 */

export interface ValidationErrorItem {
  type: 'validation_error';
  code: string;
  message: string;
  attribute: string;
  url: string;
}

export type Validated =
  | { ok: true; command: string; id: string | null; params: Record<string, unknown> }
  | { ok: false; status: 400; body: { error: 'Bad Request' } }
  | { ok: false; status: 422; body: { errors: ValidationErrorItem[] } };

/** Every command the public API lists (the seed). Only a few have behaviour here; the rest answer a Call Leg. */
export const KNOWN_COMMANDS: ReadonlySet<string> = new Set([
  'dial',
  'update',
  'calling.end',
  'calling.disconnect',
  'calling.ai_hold',
  'calling.ai_unhold',
  'calling.ai_message',
  'calling.ai.stop',
  'calling.play',
  'calling.play.pause',
  'calling.play.resume',
  'calling.play.stop',
  'calling.play.volume',
  'calling.record',
  'calling.record.pause',
  'calling.record.resume',
  'calling.record.stop',
  'calling.collect',
  'calling.collect.stop',
  'calling.collect.start_input_timers',
  'calling.detect',
  'calling.detect.stop',
  'calling.tap',
  'calling.tap.stop',
  'calling.stream',
  'calling.stream.stop',
  'calling.denoise',
  'calling.denoise.stop',
  'calling.transcribe',
  'calling.transcribe.stop',
  'calling.live_transcribe',
  'calling.live_translate',
  'calling.transfer',
  'calling.send_fax.stop',
  'calling.receive_fax.stop',
  'calling.refer',
  'calling.user_event',
]);

/** `dial` and `update` have no top-level `id`. */
const WITHOUT_ID: ReadonlySet<string> = new Set(['dial', 'update']);

export const END_REASONS: ReadonlySet<string> = new Set([
  'hangup',
  'cancel',
  'busy',
  'noAnswer',
  'decline',
  'error',
]);

const DOCS_URL =
  'https://developer.signalwire.com/rest/signalwire-rest/endpoints/calling/call-commands';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const missing = (attribute: string): ValidationErrorItem => ({
  type: 'validation_error',
  code: 'missing_required_parameter',
  message: `${attribute} is required`,
  attribute,
  url: DOCS_URL,
});

const invalid = (attribute: string, message: string): ValidationErrorItem => ({
  type: 'validation_error',
  code: 'invalid_parameter_value',
  message,
  attribute,
  url: DOCS_URL,
});

const badRequest = (): Validated => ({ ok: false, status: 400, body: { error: 'Bad Request' } });

/** Validates a parsed JSON body. `undefined` means the body was not JSON at all. */
export function validateCommand(body: unknown): Validated {
  if (!isObject(body)) return badRequest();
  const errors: ValidationErrorItem[] = [];
  const { command, id, params } = body;
  if (command === undefined)
    return { ok: false, status: 422, body: { errors: [missing('command')] } };
  if (typeof command !== 'string' || !KNOWN_COMMANDS.has(command)) return badRequest();

  const needsId = !WITHOUT_ID.has(command);
  if (needsId && id === undefined) errors.push(missing('id'));
  else if (needsId && (typeof id !== 'string' || id === ''))
    errors.push(invalid('id', 'id must be a string'));

  if (params === undefined) errors.push(missing('params'));
  else if (!isObject(params)) errors.push(invalid('params', 'params must be an object'));
  else errors.push(...validateParams(command, params));

  if (errors.length > 0) return { ok: false, status: 422, body: { errors } };
  return {
    ok: true,
    command,
    id: needsId ? (id as string) : null,
    params: params as Record<string, unknown>,
  };
}

function validateParams(command: string, params: Record<string, unknown>): ValidationErrorItem[] {
  switch (command) {
    case 'calling.user_event':
      if (params.event === undefined) return [missing('event')];
      if (!isObject(params.event)) return [invalid('event', 'event must be an object')];
      return [];
    case 'calling.end':
      if (
        params.reason !== undefined &&
        (typeof params.reason !== 'string' || !END_REASONS.has(params.reason))
      ) {
        return [invalid('reason', `reason must be one of ${[...END_REASONS].join(', ')}`)];
      }
      return [];
    case 'calling.transfer':
      if (params.dest === undefined) return [missing('dest')];
      if (typeof params.dest !== 'string' || params.dest === '')
        return [invalid('dest', 'dest must be a string')];
      return [];
    case 'calling.ai_hold':
      if (
        params.timeout !== undefined &&
        (typeof params.timeout !== 'string' || !/^\d+$/.test(params.timeout))
      ) {
        return [invalid('timeout', 'timeout must be a numeric string')];
      }
      return [];
    default:
      return [];
  }
}
