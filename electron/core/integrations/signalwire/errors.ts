/**
 * Typed failures of the SignalWire client. They carry the status, the parsed body, the method and
 * the URL (query and user info stripped), never the Authorization header or any token, so they
 * are safe to log and to turn into plain words for the agent.
 */

export type Via = 'direct' | 'relay';

export interface SignalWireValidationError {
  type: string;
  code: string;
  message: string;
  attribute: string | null;
}

/** SignalWire (or the relay) answered with a non-2xx status. */
export class SignalWireError extends Error {
  override readonly name = 'SignalWireError';
  /** The 422 body's `errors`, read loosely; [] for other statuses. */
  readonly errors: SignalWireValidationError[];

  constructor(
    readonly status: number,
    /** The parsed JSON body, else the text ('' when empty). */
    readonly body: unknown,
    readonly method: string,
    readonly url: string,
    readonly via: Via,
    /** `Retry-After` in ms from when the answer came, if the server sent one. */
    readonly retryAfterMs: number | null,
  ) {
    super(`SignalWire answered ${status} to ${method} ${url}`);
    this.errors = readValidationErrors(body);
  }
}

export type TransportFailure = 'timeout' | 'aborted' | 'network';

/** No HTTP answer: timeout, cancellation, connection refused or dropped. */
export class SignalWireTransportError extends Error {
  override readonly name = 'SignalWireTransportError';

  constructor(
    readonly reason: TransportFailure,
    /** False only when the request certainly never left (connection refused, unknown host). */
    readonly mayHaveArrived: boolean,
    readonly method: string,
    readonly url: string,
    readonly via: Via,
    /** The system error code (ECONNREFUSED, ...), when there was one. */
    readonly code: string | null,
  ) {
    super(
      `${reason === 'timeout' ? 'Timed out' : reason === 'aborted' ? 'Cancelled' : 'Network error'} on ${method} ${url}${code ? ` (${code})` : ''}`,
    );
  }
}

function readValidationErrors(body: unknown): SignalWireValidationError[] {
  if (
    typeof body !== 'object' ||
    body === null ||
    !('errors' in body) ||
    !Array.isArray(body.errors)
  )
    return [];
  return body.errors
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      type: typeof item.type === 'string' ? item.type : '',
      code: typeof item.code === 'string' ? item.code : '',
      message: typeof item.message === 'string' ? item.message : '',
      attribute: typeof item.attribute === 'string' ? item.attribute : null,
    }));
}

/** Plain words for the agent. Never contains a credential (errors never hold one). */
export function describeSignalWireFailure(error: unknown): string {
  if (error instanceof SignalWireTransportError) {
    const who = error.via === 'relay' ? 'the relay' : 'SignalWire';
    switch (error.reason) {
      case 'timeout':
        return `No answer from ${who} in time; the request may or may not have arrived.`;
      case 'aborted':
        return 'Cancelled before an answer came.';
      case 'network':
        return error.mayHaveArrived
          ? `The connection to ${who} broke before the answer came; the request may have arrived.`
          : `Could not reach ${who}${error.code ? ` (${error.code})` : ''}.`;
    }
  }
  if (!(error instanceof SignalWireError))
    return 'Something went wrong inside Ringside. The details are in the log.';
  const relay = error.via === 'relay';
  const who = relay ? 'The relay' : 'SignalWire';
  switch (error.status) {
    case 400:
      return `${who} refused the request as malformed (400).`;
    case 401:
      return relay
        ? 'The relay did not accept its token (401). Check the relay token in Settings.'
        : 'SignalWire did not accept the project id and API token (401). Check them in Settings; the token needs the Voice scope.';
    case 403:
      return relay
        ? 'The relay refused this request (403).'
        : 'The API token may not control calls (403). Give it the Voice scope in the SignalWire dashboard.';
    case 404:
      return `${who} does not know this call, or it has already ended (404).`;
    case 409:
      return `${who} refused: another command on this call is still in progress (409).`;
    case 422: {
      const problems = error.errors
        .map((item) => (item.message || item.code) + (item.attribute ? ` (${item.attribute})` : ''))
        .filter((text) => text !== '');
      if (error.errors.some((item) => item.code === 'invalid_call_id_passed')) {
        return 'SignalWire cannot control this call: it was made through the cXML (LaML) API (422).';
      }
      return `${who} refused the request: ${problems.length > 0 ? problems.join('; ') : 'invalid parameters'} (422).`;
    }
    case 429:
      return `${who} is limiting the rate of requests (429); Ringside will try again.`;
    case 503:
      return `${who} is unavailable for a moment (503); Ringside will try again.`;
    default:
      return error.status >= 500
        ? `${who} had an internal problem (${error.status}). Not retried, because the command may have taken effect.`
        : `${who} answered ${error.status}.`;
  }
}
