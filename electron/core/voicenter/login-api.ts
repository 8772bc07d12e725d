/**
 * Voicenter's HTTP login (phase one, before the socket): user / account / token logins and the
 * token refresh. Failures come back as values with a kind the client can act on: bad credentials
 * are never retried in a loop; network, timeout and server trouble are. No message ever contains
 * the password, pin or token.
 */
import { readLoginBody } from './login-schema';
import { loginBase, loginUrl, refreshUrl } from './login-urls';
import type { VoicenterCredentials, VoicenterSession } from './types';
import type { Message } from '../../../shared/messages/catalogue';
import { english, say } from '../../../shared/messages/translate';

export type LoginFailureKind =
  'bad-credentials' | 'network' | 'timeout' | 'server' | 'config' | 'aborted';

export interface LoginFailure {
  ok: false;
  kind: LoginFailureKind;
  /** True for network, timeout and server trouble: worth another try after a back-off. */
  retryable: boolean;
  /** The English words, for logs and tests; never contains a secret (`loginFailureSays`: as a code). */
  message: string;
  /** HTTP status when there was one. */
  status?: number;
}

export type LoginResult = { ok: true; session: VoicenterSession } | LoginFailure;

export interface LoginDeps {
  timeoutMs?: number;
  /** Aborts the request (the client stopped). */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Each failure's words as a code, beside the failure rather than in it: a failure stays the plain
 * value it was (compared whole, logged whole).
 */
const failureSays = new WeakMap<LoginFailure, Message>();

/** A login failure as a code the window and the tray put in the agent's language. */
export const loginFailureSays = (failure: LoginFailure): Message =>
  failureSays.get(failure) ?? say('plain', { text: failure.message });

function failure(kind: LoginFailureKind, says: Message, status?: number): LoginFailure {
  const retryable = kind === 'network' || kind === 'timeout' || kind === 'server';
  const message = english(says);
  const result: LoginFailure =
    status === undefined
      ? { ok: false, kind, retryable, message }
      : { ok: false, kind, retryable, message, status };
  failureSays.set(result, says);
  return result;
}

function loginBody(request: VoicenterCredentials): Record<string, string> {
  switch (request.loginType) {
    case 'user':
      // The real API names the user's password field `pin`.
      return { email: request.identity, pin: request.secret };
    case 'account':
      return { username: request.identity, password: request.secret };
    case 'token':
      return { token: request.secret };
  }
}

interface Exchange {
  url: string;
  init: RequestInit;
  rejected: Message;
  /** Which service: the login or the token refresh. */
  what: 'login' | 'refresh';
  requireServers: boolean;
}

async function exchange(ex: Exchange, deps: LoginDeps): Promise<LoginResult> {
  const what = ex.what;
  const timeout = AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(ex.url, { ...ex.init, signal, redirect: 'manual' });
    text = await response.text();
  } catch {
    if (deps.signal?.aborted) return failure('aborted', say('login.cancelled', { what }));
    if (timeout.aborted) return failure('timeout', say('login.timeout', { what }));
    return failure('network', say('login.network', { what }));
  }
  const status = response.status;
  if (status === 401 || status === 403) return failure('bad-credentials', ex.rejected, status);
  // The live API answers some wrong credentials with 500 "Unexpected token".
  if (status === 500 && /unexpected token/i.test(text))
    return failure('bad-credentials', ex.rejected, status);
  if (status === 404 || status === 405 || status === 410) {
    return failure('config', say('login.no-service', { what }), status);
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return failure('server', say('login.server-problem', { what, status }), status);
  }
  if (status >= 400) return failure('bad-credentials', ex.rejected, status);
  if (status >= 300 && status < 400) {
    // Following a redirect would send the secret to an address nobody configured.
    return failure('config', say('login.redirects', { what }), status);
  }
  if (status < 200 || status >= 300) {
    return failure('server', say('login.odd-answer', { what, status }), status);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure('server', say('login.unreadable', { what }), status);
  }
  const verdict = readLoginBody(json, ex.requireServers);
  switch (verdict.kind) {
    case 'session':
      return { ok: true, session: verdict.session };
    case 'rejected':
      return failure('bad-credentials', ex.rejected, status);
    case 'server-status':
      return failure(
        'server',
        say('login.server-status', { what, status: verdict.status }),
        status,
      );
    case 'unexpected':
      return failure('server', say('login.unexpected', { what, why: verdict.why }), status);
  }
}

/** Runs the HTTP login of `request.loginType` against the (white-label) base URL. */
export async function loginVoicenter(
  request: VoicenterCredentials,
  deps: LoginDeps = {},
): Promise<LoginResult> {
  const base = loginBase(request.loginBaseUrl);
  if (!base.ok) return failure('config', base.says);
  return exchange(
    {
      url: loginUrl(base.url, request.loginType),
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(loginBody(request)),
      },
      rejected: say('login.rejected', { loginType: request.loginType }),
      what: 'login',
      requireServers: true,
    },
    deps,
  );
}

/**
 * Trades a refresh token for a new socket token: `GET {base's parent}/RefreshIdentityToken` with
 * `Authorization: Bearer <refreshToken>`. A `bad-credentials` answer means "log in again". The
 * session's `servers` may be empty when the answer leaves them out.
 */
export async function refreshVoicenterToken(
  loginBaseUrl: string | undefined,
  refreshToken: string,
  deps: LoginDeps = {},
): Promise<LoginResult> {
  const base = loginBase(loginBaseUrl);
  if (!base.ok) return failure('config', base.says);
  return exchange(
    {
      url: refreshUrl(base.url),
      init: {
        method: 'GET',
        headers: { Authorization: `Bearer ${refreshToken}`, Accept: 'application/json' },
      },
      rejected: say('login.session-expired'),
      what: 'refresh',
      requireServers: false,
    },
    deps,
  );
}
