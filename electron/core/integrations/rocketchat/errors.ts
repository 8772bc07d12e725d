/**
 * Rocket.Chat answers errors in two dialects (`{status, message}` from the auth layer, `{success,
 * error}` everywhere else), with a machine code sometimes alone (`agent-not-found`), sometimes in
 * brackets at the end of a sentence (`... [error-unauthorized]`). This module turns any of them
 * into one code plus words an agent can act on.
 */

import { UserFacingError } from '../../../../shared/ipc/dispatch';
import { SECURE_URL_RULE } from '../../../../shared/net/secure-url';

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
  /** For the agent, in plain words. */
  userMessage: string;
}

export class RocketChatError extends Error {
  constructor(readonly info: RocketChatErrorInfo) {
    super(info.userMessage);
    this.name = 'RocketChatError';
  }

  get code(): string {
    return this.info.code;
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

const waitWords = (retryAt: number | null, now: number): string => {
  if (retryAt === null) return 'Ringside will send it again shortly.';
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return `Ringside will send it again in ${seconds} s.`;
};

/** Plain words for an error, by code and route. */
export function describeError(
  info: Omit<RocketChatErrorInfo, 'userMessage'>,
  serverUrl: string,
  now: number,
): string {
  const host = hostOf(serverUrl);
  const { kind, status, code, route, serverText } = info;
  if (kind === 'refused') return `The Rocket.Chat server address ${SECURE_URL_RULE}.`;
  if (kind === 'network')
    return `Ringside cannot reach Rocket.Chat at ${host} (${serverText || 'no connection'}).`;
  if (kind === 'timeout') return `Rocket.Chat at ${host} did not answer in time.`;
  if (kind === 'bad-response')
    return `Rocket.Chat at ${host} sent an answer Ringside does not understand (${route}).`;
  if (status === 429 || code === 'error-too-many-requests')
    return `Rocket.Chat asked Ringside to slow down (rate limit on ${route}). ${waitWords(info.retryAt, now)}`;
  if (status !== null && status >= 500)
    return `Rocket.Chat at ${host} had a problem (HTTP ${status}). Ringside will try again.`;
  if (route === 'login' && status === 401 && code !== 'totp-required' && code !== 'totp-invalid') {
    // 8.x answers every refused login with a bare `unauthorized`.
    return 'Rocket.Chat did not accept that username and password (or the session token).';
  }
  switch (code) {
    case 'not-logged-in':
      return 'Your Rocket.Chat session has ended. Sign in to Rocket.Chat again.';
    case 'unauthorized-login':
      return route === 'login'
        ? 'Rocket.Chat did not accept that username and password.'
        : 'Rocket.Chat did not accept the session. Sign in to Rocket.Chat again.';
    case 'totp-required':
      return 'Rocket.Chat asks for a two-factor code: enter the current code from your authenticator app.';
    case 'totp-invalid':
      return 'Rocket.Chat did not accept that two-factor code. Enter the current code.';
    case 'error-login-blocked-for-ip':
    case 'error-login-blocked-for-user':
      return 'Rocket.Chat has blocked sign-in for a while after too many failed attempts. Try again later.';
    case 'agent-not-found':
      return 'Your Rocket.Chat user is not an omnichannel agent. An administrator must add you under Omnichannel > Agents.';
    case 'invalid-token':
    case 'error-invalid-token':
      return "Rocket.Chat does not know this caller's visitor (invalid-token).";
    case 'invalid-room':
      return "Rocket.Chat cannot find this call's room (invalid-room).";
    case 'room-closed':
      return 'The room is already closed.';
    case 'unauthorized':
      return 'Your Rocket.Chat user has no access to this room.';
    case 'error-unauthorized':
    case 'error-forbidden':
    case 'forbidden': {
      const permission = ROUTE_PERMISSION[route];
      return permission
        ? `Your Rocket.Chat user is missing the permission "${permission}". An administrator can grant it to your role under Administration > Permissions.`
        : 'Your Rocket.Chat user is missing a permission for this action.';
    }
    case 'not-found':
      return route === 'voip/events'
        ? "Rocket.Chat cannot find this call's room."
        : `Rocket.Chat at ${host} has no ${route} (HTTP 404): VoIP rooms need Rocket.Chat 4.x to 7.x.`;
    case 'invalid-params':
    case 'match-error':
      return `Rocket.Chat refused the request as malformed (${serverText}). This is a fault in Ringside; the log has details.`;
    default:
      return serverText
        ? `Rocket.Chat refused this: ${serverText}`
        : `Rocket.Chat refused this (HTTP ${status ?? '?'}).`;
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
  return new UserFacingError(code, error.message);
}
