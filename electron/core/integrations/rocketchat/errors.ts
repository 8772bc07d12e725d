/**
 * Rocket.Chat answers errors in two dialects (`{status, message}` from the auth layer, `{success,
 * error}` everywhere else), with a machine code sometimes alone (`agent-not-found`), sometimes in
 * brackets at the end of a sentence (`... [error-unauthorized]`). This module turns any of them
 * into one code plus words an agent can act on.
 */

import { UserFacingError } from '../../../../shared/ipc/dispatch';
import type { Message } from '../../../../shared/messages/catalogue';
import { english, say } from '../../../../shared/messages/translate';

/** `refused`: Ringside sent nothing, because the server address breaks the secure-URL rule. */
export type RocketChatErrorKind = 'network' | 'timeout' | 'http' | 'bad-response' | 'refused';

export interface RocketChatErrorInfo {
  kind: RocketChatErrorKind;
  /** HTTP status, null when no answer came. */
  status: number | null;
  /** Stable code: the server's (`agent-not-found`, `error-unauthorized`, ...) or ours (`not-logged-in`). */
  code: string;
  /** The server's own text (never contains a secret: it is about the request, not the session). */
  serverText: string;
  /** The REST route, e.g. `voip/room`. */
  route: string;
  /** When a rate-limited route may be tried again (UTC ms, local clock). */
  retryAt: number | null;
  /** For the agent, in English (logs, tests). */
  userMessage: string;
  /** The same, as a code the window puts in the agent's language. */
  says: Message;
}

export class RocketChatError extends Error {
  constructor(readonly info: RocketChatErrorInfo) {
    super(info.userMessage);
    this.name = 'RocketChatError';
  }

  get code(): string {
    return this.info.code;
  }

  get says(): Message {
    return this.info.says;
  }

  get status(): number | null {
    return this.info.status;
  }

  /** Worth trying again later by itself: no answer, a server fault, or a rate limit. */
  get transient(): boolean {
    const { kind, status } = this.info;
    if (kind === 'network' || kind === 'timeout') return true;
    return status !== null && (status >= 500 || status === 429);
  }
}

/** The permission each route checks, so a 403 can say which one is missing. */
export const ROUTE_PERMISSION: Readonly<Record<string, string>> = {
  'voip/room': 'inbound-voip-calls',
  'voip/room.close': 'inbound-voip-calls',
  'voip/events': 'view-l-room',
  'omnichannel/contact.search': 'view-l-room',
};

const BRACKET_CODE = /\[([a-z0-9-]+)\]\s*$/i;

/** `message ?? error` from either dialect, as text. */
export function serverTextOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return typeof body === 'string' ? body : '';
  const record = body as Record<string, unknown>;
  const pick = (value: unknown): string | null =>
    typeof value === 'string' && value !== '' ? value : null;
  return pick(record.message) ?? pick(record.error) ?? pick(record.reason) ?? '';
}

/** The machine code of an error answer. */
export function errorCodeOf(status: number, body: unknown): string {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const error = typeof record.error === 'string' ? record.error : '';
  const message = typeof record.message === 'string' ? record.message : '';
  if (typeof record.errorType === 'string' && record.errorType !== '') return record.errorType;
  for (const text of [error, message]) {
    const bracket = BRACKET_CODE.exec(text);
    if (bracket?.[1]) return bracket[1];
  }
  if (error.startsWith('Match error') || message.startsWith('Match error')) return 'match-error';
  if (/must be logged in/i.test(error) || /must be logged in/i.test(message))
    return 'not-logged-in';
  if (/resource not found/i.test(error) || /resource not found/i.test(message)) return 'not-found';
  // Lower-case `unauthorized` is voip/events' "no access to this room"; `Unauthorized` is a refused login.
  if (error === 'unauthorized' || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(error)) return error;
  if (status === 404) return 'not-found';
  if (status === 429) return 'error-too-many-requests';
  if (status === 401) return 'unauthorized-login';
  if (status === 403) return 'forbidden';
  return `http-${status}`;
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

const waitWords = (retryAt: number | null, now: number): Message => {
  if (retryAt === null) return say('rc.again-shortly');
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return say('rc.again-in', { seconds });
};

/** Plain words for an error, by code and route (English: logs and tests). */
export const describeError = (
  info: Omit<RocketChatErrorInfo, 'userMessage' | 'says'>,
  serverUrl: string,
  now: number,
): string => english(describeErrorSays(info, serverUrl, now));

/** The words for an error as a code the window puts in the agent's language. */
export function describeErrorSays(
  info: Omit<RocketChatErrorInfo, 'userMessage' | 'says'>,
  serverUrl: string,
  now: number,
): Message {
  const host = hostOf(serverUrl);
  const { kind, status, code, route, serverText } = info;
  if (kind === 'refused') return say('rc.refused-address');
  if (kind === 'network')
    return serverText
      ? say('rc.network', { host, detail: serverText })
      : say('rc.network-down', { host });
  if (kind === 'timeout') return say('rc.timeout', { host });
  if (kind === 'bad-response') return say('rc.bad-response', { host, route });
  if (status === 429 || code === 'error-too-many-requests')
    return say('rc.rate-limited', { route, wait: waitWords(info.retryAt, now) });
  if (status !== null && status >= 500) return say('rc.server-problem', { host, status });
  if (route === 'login' && status === 401 && code !== 'totp-required' && code !== 'totp-invalid') {
    // 8.x answers every refused login with a bare `unauthorized`.
    return say('rc.login-refused');
  }
  switch (code) {
    case 'not-logged-in':
      return say('rc.session-over');
    case 'unauthorized-login':
      return route === 'login' ? say('rc.wrong-password') : say('rc.session-refused');
    case 'totp-required':
      return say('rc.totp-required');
    case 'totp-invalid':
      return say('rc.totp-invalid');
    case 'error-login-blocked-for-ip':
    case 'error-login-blocked-for-user':
      return say('rc.blocked');
    case 'agent-not-found':
      return say('rc.not-agent');
    case 'invalid-token':
    case 'error-invalid-token':
      return say('rc.invalid-token');
    case 'invalid-room':
      return say('rc.invalid-room');
    case 'room-closed':
      return say('rc.room-closed');
    case 'unauthorized':
      return say('rc.no-room-access');
    case 'error-unauthorized':
    case 'error-forbidden':
    case 'forbidden': {
      const permission = ROUTE_PERMISSION[route];
      return permission
        ? say('rc.missing-permission', { permission })
        : say('rc.missing-a-permission');
    }
    case 'not-found':
      return route === 'voip/events'
        ? say('rc.room-not-found')
        : say('rc.route-not-found', { host, route });
    case 'invalid-params':
    case 'match-error':
      return say('rc.malformed', { detail: serverText });
    default:
      return serverText
        ? say('rc.refused-text', { detail: serverText })
        : say('rc.refused-status', { status: status ?? '?' });
  }
}

/**
 * When a 429'd route may be tried again, on the local clock. `X-RateLimit-Reset` is the server's
 * epoch ms, so it is measured against the server's `Date` header (whole seconds, so this errs late,
 * never early); without headers, the body's "You must wait N seconds".
 */
export function rateLimitResetAt(headers: Headers, body: unknown, now: number): number | null {
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) {
    const serverNow = Date.parse(headers.get('date') ?? '');
    const wait = Number.isFinite(serverNow) ? reset - serverNow : reset - now;
    return now + clampWait(wait);
  }
  const match = /wait (\d+) seconds?/i.exec(serverTextOf(body));
  if (match?.[1]) return now + clampWait(Number(match[1]) * 1000);
  return null;
}

// Never trust a header into waiting hours: a badly skewed server clock must not park an action.
const clampWait = (ms: number): number => Math.min(10 * 60_000, Math.max(0, ms)) + 50;

/** A failed sign-in as the agent reads it: the code the window knows, the server's plain words. */
export function userFacingError(error: unknown): Error {
  if (!(error instanceof RocketChatError))
    return error instanceof Error ? error : new Error(String(error));
  const code =
    {
      'totp-required': 'two-factor-required',
      'totp-invalid': 'two-factor-invalid',
      'unauthorized-login': 'wrong-credentials',
      'not-logged-in': 'wrong-credentials',
    }[error.code] ??
    (error.transient
      ? 'unreachable'
      : error.info.route === 'login' && error.status === 401
        ? 'wrong-credentials'
        : 'rocketchat-error');
  return new UserFacingError(code, error.says);
}
