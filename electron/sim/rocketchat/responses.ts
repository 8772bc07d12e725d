// Response bodies of Rocket.Chat's REST layer (apps/meteor/app/api/server/api.ts), per dialect.
// Key order is part of the contract here: bodies are serialised exactly as the server builds them.

/**
 * - `classic`: Restivus-era bodies (6.x and 7.0-7.2): 401 `{status, message}`, login 200 without `success`.
 * - `late7`:   7.3+ keeps the old keys for compatibility and adds `success: false, error` (and `success: true` on login).
 * - `v8`:      8.x applies the breaking changes: 401 `{success: false, error}` only.
 */
export type Dialect = 'classic' | 'late7' | 'v8';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  /** When set, sent as text/html instead of JSON. */
  readonly html?: string;
}

export interface ParsedVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

export function parseVersion(version: string): ParsedVersion {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) throw new Error(`Not a Rocket.Chat version: ${version}`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
}

export function defaultDialect(v: ParsedVersion): Dialect {
  if (v.major >= 8) return 'v8';
  if (v.major === 7 && v.minor >= 3) return 'late7';
  return 'classic';
}

/** API.v1.success: `success: true` goes last, after the result's own keys. */
export function ok(result: Record<string, unknown> = {}): Reply {
  return { status: 200, body: { ...result, success: true } };
}

/** API.v1.failure(string[, errorType[, details]]): 400. */
export function failure(error: string, errorType?: string, details?: unknown): Reply {
  const body: Record<string, unknown> = { success: false, error };
  if (errorType !== undefined) body.errorType = errorType;
  if (details !== undefined) body.details = details;
  return { status: 400, body };
}

export function notFound(): Reply {
  return { status: 404, body: { success: false, error: 'Resource not found' } };
}

const LOGGED_OUT = 'You must be logged in to do this.';

export function notLoggedIn(dialect: Dialect): Reply {
  switch (dialect) {
    case 'classic':
      return { status: 401, body: { status: 'error', message: LOGGED_OUT } };
    case 'late7':
      return {
        status: 401,
        body: { success: false, error: LOGGED_OUT, status: 'error', message: LOGGED_OUT },
      };
    case 'v8':
      return { status: 401, body: { success: false, error: LOGGED_OUT } };
  }
}

export interface LoginError {
  readonly error: string;
  readonly message: string;
  readonly details?: unknown;
}

/** Every credential failure is masked as Meteor's "User not found" and reported as this. */
export const UNAUTHORIZED_LOGIN: LoginError = { error: 'Unauthorized', message: 'Unauthorized' };

export function loginFailed(dialect: Dialect, e: LoginError): Reply {
  const tail = { ...(e.details !== undefined ? { details: e.details } : {}), message: e.message };
  switch (dialect) {
    case 'classic':
      return { status: 401, body: { status: 'error', error: e.error, ...tail } };
    case 'late7':
      return { status: 401, body: { success: false, error: e.error, status: 'error', ...tail } };
    case 'v8':
      return { status: 401, body: { success: false, error: 'unauthorized' } };
  }
}

export function permissionDenied(dialect: Dialect): Reply {
  const code = dialect === 'v8' ? 'error-forbidden' : 'error-unauthorized';
  return {
    status: 403,
    body: {
      success: false,
      error: `User does not have the permissions required for this action [${code}]`,
    },
  };
}

export function tooManyRequests(seconds: number): Reply {
  return {
    status: 429,
    body: {
      success: false,
      error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
    },
  };
}

export function invalidParams(messages: readonly string[]): Reply {
  return failure(`${messages.join('\n ')} [invalid-params]`, 'invalid-params');
}
