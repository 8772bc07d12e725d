/**
 * Secret scrubbing, the app's one: for everything that is logged or exported for support, and for
 * error text a service keeps or shows (Voicenter's link errors, a SignalWire relay's answer). It
 * errs on the side of hiding too much: a redacted `pingInterval` costs nothing, a logged pin costs
 * an account. Two rules: a value found by its name or scheme (`token=…`, `Bearer …`, `"pin": …`)
 * anywhere, and the known secret values a service holds, wherever they appear.
 */

/** What a value found by its name or scheme becomes. */
export const REDACTED = '[REDACTED]';
/** What a known secret value becomes: lower case, so a support reader can tell which rule fired. */
export const REDACTED_KNOWN = '[redacted]';

/** The secret values a service holds right now (a password, a token); absent ones are skipped. */
export type KnownSecrets = readonly (string | null | undefined)[];

// Shorter values would blank out ordinary words and numbers; real secrets are longer.
const MIN_KNOWN_SECRET = 4;

/** Names of fields whose values are secrets, wherever they appear (object keys, query strings, JSON text). */
const SECRET_NAME = /pass|pin|token|secret|authorization|cookie|api[-_]?key/i;
const SECRET_NAME_SOURCE = '(?:pass|pin|token|secret|authorization|cookie|api[-_]?key)';

/** `Authorization: Bearer abc…`, `Basic dXNlcjpwYXNz`: the credential after the scheme. */
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)[A-Za-z0-9\-._~+/]+=*/gi;
/** `?token=abc&x=1`, `pin=1234; path=/`: a name=value pair whose name says secret. */
const NAME_VALUE = new RegExp(
  `((?:^|[?&;,\\s])[A-Za-z0-9_.\\-]*${SECRET_NAME_SOURCE}[A-Za-z0-9_.\\-]*=)[^&;,\\s#"']+`,
  'gi',
);
/** `"token":"abc"` inside JSON text that was logged as a string (a response body, an error message). */
const JSON_PAIR = new RegExp(
  `("[^"\\\\]*${SECRET_NAME_SOURCE}[^"\\\\]*"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|-?\\d[\\d.eE+-]*)`,
  'gi',
);

const MAX_DEPTH = 8;
const MAX_ARRAY = 200;
const MAX_STRING = 8_000;

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

/** Replaces every occurrence of the known secret values, and nothing else. */
export function scrubSecrets(text: string, secrets: KnownSecrets): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_KNOWN_SECRET) out = out.split(secret).join(REDACTED_KNOWN);
  }
  return out;
}

/**
 * Removes credentials from free text: the known secret values first (before clipping, so no cut
 * leaves half of one), then auth schemes, name=value pairs and JSON pairs.
 */
export function redactString(text: string, secrets: KnownSecrets = []): string {
  const scrubbed = scrubSecrets(text, secrets);
  const clipped =
    scrubbed.length > MAX_STRING ? `${scrubbed.slice(0, MAX_STRING)}…[truncated]` : scrubbed;
  return clipped
    .replace(AUTH_SCHEME, `$1$2${REDACTED}`)
    .replace(NAME_VALUE, `$1${REDACTED}`)
    .replace(JSON_PAIR, `$1"${REDACTED}"`);
}

/** A short (300 characters), redacted description of something thrown or emitted as an error. */
export function describeError(value: unknown, secrets: KnownSecrets): string {
  let text: string;
  if (value instanceof Error) text = value.message;
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return redactString(text, secrets).slice(0, 300);
}

/**
 * A deep copy of `value` that is safe to write anywhere: values under secret-looking keys are
 * replaced (booleans and null are kept: `hasSecret: true` tells nothing), strings are scrubbed,
 * Errors become plain objects with scrubbed message and stack, cycles and depth are bounded.
 */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'function') return '[Function]';
    if (typeof value === 'symbol') return value.toString();
    return value;
  }
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) return errorToObject(value, depth, seen);
    if (value instanceof Date)
      return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
      return `[Binary ${value.byteLength} bytes]`;
    if (value instanceof Map) return walkEntries([...value.entries()], depth, seen);
    if (value instanceof Set) return walk([...value], depth, seen);
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ARRAY).map((item) => walk(item, depth + 1, seen));
      if (value.length > MAX_ARRAY) items.push(`…[${value.length - MAX_ARRAY} more]`);
      return items;
    }
    return walkEntries(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

function walkEntries(
  entries: [unknown, unknown][],
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, item] of entries) {
    const key = redactString(String(rawKey));
    out[key] = isSecretName(String(rawKey)) ? secretPlaceholder(item) : walk(item, depth + 1, seen);
  }
  return out;
}

const secretPlaceholder = (item: unknown): unknown =>
  item === null || item === undefined || typeof item === 'boolean' ? item : REDACTED;

function errorToObject(
  error: Error,
  depth: number,
  seen: WeakSet<object>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.name,
    message: redactString(error.message),
  };
  if (error.stack) out.stack = redactString(error.stack);
  // Own fields (code, status, a request's config with its headers) are walked like any object.
  for (const [key, item] of Object.entries(error)) {
    if (key === 'message' || key === 'stack') continue;
    out[redactString(key)] = isSecretName(key)
      ? secretPlaceholder(item)
      : walk(item, depth + 1, seen);
  }
  if (error.cause !== undefined) out.cause = walk(error.cause, depth + 1, seen);
  return out;
}
