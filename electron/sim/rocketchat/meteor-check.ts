// A small re-implementation of Meteor's `check()` / `Match`, enough to reproduce the error strings
// Rocket.Chat's hand-validated routes (voip/events, livechat/visitor, contact.search) send back.
// Messages follow meteor/check/match.js: "Match error: <message>[ in field <path>]".

export type Pattern =
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'where'; readonly test: (value: unknown) => boolean }
  | { readonly kind: 'maybe'; readonly inner: Pattern }
  | {
      readonly kind: 'object';
      readonly fields: Readonly<Record<string, Pattern>>;
      readonly loose: boolean;
    }
  | { readonly kind: 'array'; readonly item: Pattern };

export const Match = {
  String: { kind: 'string' } as const,
  Boolean: { kind: 'boolean' } as const,
  Where: (test: (value: unknown) => boolean): Pattern => ({ kind: 'where', test }),
  /** In an object: the key may be absent; a present key (even null) must match `inner`. */
  Maybe: (inner: Pattern): Pattern => ({ kind: 'maybe', inner }),
  /** A plain object with exactly these keys (unknown keys rejected). */
  Object: (fields: Record<string, Pattern>): Pattern => ({ kind: 'object', fields, loose: false }),
  ObjectIncluding: (fields: Record<string, Pattern>): Pattern => ({
    kind: 'object',
    fields,
    loose: true,
  }),
  Array: (item: Pattern): Pattern => ({ kind: 'array', item }),
};

interface Failure {
  message: string;
  path: string;
}

const JS_KEYWORDS = new Set([
  'do',
  'if',
  'in',
  'for',
  'let',
  'new',
  'try',
  'var',
  'case',
  'else',
  'enum',
  'eval',
  'false',
  'null',
  'this',
  'true',
  'void',
  'with',
  'break',
  'catch',
  'class',
  'const',
  'super',
  'throw',
  'while',
  'yield',
  'delete',
  'export',
  'import',
  'public',
  'return',
  'static',
  'switch',
  'typeof',
  'default',
  'extends',
  'finally',
  'package',
  'private',
  'continue',
  'debugger',
  'function',
  'arguments',
  'interface',
  'protected',
  'implements',
  'instanceof',
]);

function prependPath(key: string | number, base: string): string {
  let k: string;
  if (typeof key === 'number' || /^[0-9]+$/.test(key)) k = `[${key}]`;
  else if (!/^[a-z_$][0-9a-z_$]*$/i.test(key) || JS_KEYWORDS.has(key)) k = JSON.stringify([key]);
  else k = key;
  if (base && !base.startsWith('[')) return `${k}.${base}`;
  return k + base;
}

function typeName(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function test(value: unknown, pattern: Pattern): Failure | null {
  switch (pattern.kind) {
    case 'string':
      return typeof value === 'string'
        ? null
        : { message: `Expected string, got ${typeName(value)}`, path: '' };
    case 'boolean':
      return typeof value === 'boolean'
        ? null
        : { message: `Expected boolean, got ${typeName(value)}`, path: '' };
    case 'where':
      return pattern.test(value) ? null : { message: 'Failed Match.Where validation', path: '' };
    case 'maybe':
      if (value === undefined || value === null) return null;
      return test(value, pattern.inner)
        ? { message: 'Failed Match.OneOf, Match.Maybe or Match.Optional validation', path: '' }
        : null;
    case 'array': {
      if (!Array.isArray(value))
        return { message: `Expected array, got ${typeName(value)}`, path: '' };
      for (let i = 0; i < value.length; i += 1) {
        const failure = test(value[i], pattern.item);
        if (failure) return { message: failure.message, path: prependPath(i, failure.path) };
      }
      return null;
    }
    case 'object':
      return testObject(value, pattern.fields, pattern.loose);
  }
}

function testObject(
  value: unknown,
  fields: Readonly<Record<string, Pattern>>,
  loose: boolean,
): Failure | null {
  if (typeof value !== 'object')
    return { message: `Expected object, got ${typeof value}`, path: '' };
  if (value === null) return { message: 'Expected object, got null', path: '' };
  if (!isPlainObject(value)) return { message: 'Expected plain object', path: '' };
  const required = new Map<string, Pattern>();
  const optional = new Map<string, Pattern>();
  for (const [key, sub] of Object.entries(fields)) {
    if (sub.kind === 'maybe') optional.set(key, sub.inner);
    else required.set(key, sub);
  }
  for (const key of Object.keys(value)) {
    const sub = required.get(key) ?? optional.get(key);
    if (!sub) {
      if (loose) continue;
      return { message: 'Unknown key', path: prependPath(key, '') };
    }
    const failure = test(value[key], sub);
    if (failure) return { message: failure.message, path: prependPath(key, failure.path) };
    required.delete(key);
  }
  const [missing] = required.keys();
  return missing === undefined ? null : { message: `Missing key '${missing}'`, path: '' };
}

/** Returns Meteor's Match.Error message for `value`, or null when it matches. */
export function matchError(value: unknown, pattern: Pattern): string | null {
  const failure = test(value, pattern);
  if (!failure) return null;
  return failure.path
    ? `Match error: ${failure.message} in field ${failure.path}`
    : `Match error: ${failure.message}`;
}
