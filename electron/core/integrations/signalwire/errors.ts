/**
 * Typed failures of the SignalWire client. They carry the status, the parsed body, the method and
 * the URL (query and user info stripped), never the Authorization header or any token, so they
 * are safe to log and to turn into plain words for the agent.
 */

import type { Message } from '../../../../shared/messages/catalogue';
import { english, say } from '../../../../shared/messages/translate';

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

/** Plain words for the agent, in English (logs, tests). Never contains a credential. */
export const describeSignalWireFailure = (error: unknown): string =>
  english(describeSignalWireFailureSays(error));

/** The same, as a code the window puts in the agent's language. */
export function describeSignalWireFailureSays(error: unknown): Message {
  if (error instanceof SignalWireTransportError) {
    const via = error.via;
    switch (error.reason) {
      case 'timeout':
        return say('sw.timeout', { via });
      case 'aborted':
        return say('sw.cancelled');
      case 'network':
        if (error.mayHaveArrived) return say('sw.broken', { via });
        return error.code
          ? say('sw.unreachable-code', { via, code: error.code })
          : say('sw.unreachable', { via });
    }
  }
  if (!(error instanceof SignalWireError)) return say('ipc.internal');
  const relay = error.via === 'relay';
  const via = error.via;
  switch (error.status) {
    case 400:
      return say('sw.malformed', { via });
    case 401:
      return relay ? say('sw.relay-401') : say('sw.token-401');
    case 403:
      return relay ? say('sw.relay-403') : say('sw.token-403');
    case 404:
      return say('sw.not-found', { via });
    case 409:
      return say('sw.conflict', { via });
    case 422: {
      const problems = error.errors
        .map((item) => (item.message || item.code) + (item.attribute ? ` (${item.attribute})` : ''))
        .filter((text) => text !== '');
      if (error.errors.some((item) => item.code === 'invalid_call_id_passed'))
        return say('sw.laml');
      return problems.length > 0
        ? say('sw.refused', { via, problems: problems.join('; ') })
        : say('sw.refused-invalid', { via });
    }
    case 429:
      return say('sw.rate-limited', { via });
    case 503:
      return say('sw.unavailable', { via });
    default:
      return error.status >= 500
        ? say('sw.internal-problem', { via, status: error.status })
        : say('sw.answered', { via, status: error.status });
  }
}
