/**
 * Voicenter's HTTP login (phase one, before the socket): user / account / token logins and the
 * token refresh. Failures come back as values with a kind the client can act on: bad credentials
 * are never retried in a loop; network, timeout and server trouble are. No message ever contains
 * the password, pin or token.
 */
import type { LoginType } from '../../../shared/domain/connection';
import { readLoginBody } from './login-schema';
import { loginBase, loginUrl, refreshUrl } from './login-urls';
import type { VoicenterCredentials, VoicenterSession } from './types';

export type LoginFailureKind =
  'bad-credentials' | 'network' | 'timeout' | 'server' | 'config' | 'aborted';

export interface LoginFailure {
  ok: false;
  kind: LoginFailureKind;
  /** True for network, timeout and server trouble: worth another try after a back-off. */
  retryable: boolean;
  /** Plain words for the agent; never contains a secret. */
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

const CHECK_WHAT: Record<LoginType, string> = {
  user: 'check the email and password',
  account: 'check the username and password',
  token: 'check the account token',
};

function failure(kind: LoginFailureKind, message: string, status?: number): LoginFailure {
  const retryable = kind === 'network' || kind === 'timeout' || kind === 'server';
  return status === undefined
    ? { ok: false, kind, retryable, message }
    : { ok: false, kind, retryable, message, status };
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
  rejected: string;
  what: string;
  requireServers: boolean;
}

async function exchange(ex: Exchange, deps: LoginDeps): Promise<LoginResult> {
  const timeout = AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(ex.url, { ...ex.init, signal, redirect: 'manual' });
    text = await response.text();
  } catch {
    if (deps.signal?.aborted) return failure('aborted', `The ${ex.what} was cancelled.`);
    if (timeout.aborted)
      return failure('timeout', `The Voicenter ${ex.what} service did not answer in time.`);
    return failure('network', `Cannot reach the Voicenter ${ex.what} service (network error).`);
  }
  const status = response.status;
  if (status === 401 || status === 403) return failure('bad-credentials', ex.rejected, status);
  // The live API answers some wrong credentials with 500 "Unexpected token".
  if (status === 500 && /unexpected token/i.test(text))
    return failure('bad-credentials', ex.rejected, status);
  if (status === 404 || status === 405 || status === 410) {
    return failure(
      'config',
      `There is no Voicenter ${ex.what} service at the configured address.`,
      status,
    );
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return failure(
      'server',
      `The Voicenter ${ex.what} service had a problem (HTTP ${status}).`,
      status,
    );
  }
  if (status >= 400) return failure('bad-credentials', ex.rejected, status);
  if (status >= 300 && status < 400) {
    // Following a redirect would send the secret to an address nobody configured.
    return failure(
      'config',
      `The Voicenter ${ex.what} address redirects elsewhere; configure the final address.`,
      status,
    );
  }
  if (status < 200 || status >= 300) {
    return failure(
      'server',
      `The Voicenter ${ex.what} service answered oddly (HTTP ${status}).`,
      status,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure('server', `The Voicenter ${ex.what} service sent an unreadable answer.`, status);
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
        `The Voicenter ${ex.what} service had a problem (status ${verdict.status}).`,
        status,
      );
    case 'unexpected':
      return failure(
        'server',
        `The Voicenter ${ex.what} service sent an unexpected answer (${verdict.why}).`,
        status,
      );
  }
}

/** Runs the HTTP login of `request.loginType` against the (white-label) base URL. */
export async function loginVoicenter(
  request: VoicenterCredentials,
  deps: LoginDeps = {},
): Promise<LoginResult> {
  const base = loginBase(request.loginBaseUrl);
  if (!base.ok) return failure('config', base.reason);
  return exchange(
    {
      url: loginUrl(base.url, request.loginType),
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(loginBody(request)),
      },
      rejected: `Voicenter rejected the sign-in: ${CHECK_WHAT[request.loginType]}.`,
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
  if (!base.ok) return failure('config', base.reason);
  return exchange(
    {
      url: refreshUrl(base.url),
      init: {
        method: 'GET',
        headers: { Authorization: `Bearer ${refreshToken}`, Accept: 'application/json' },
      },
      rejected: 'Voicenter did not accept the saved session any more; signing in again.',
      what: 'token refresh',
      requireServers: false,
    },
    deps,
  );
}
