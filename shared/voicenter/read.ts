/**
 * Field readers for the payloads that arrive on every call event (ExtensionEvent and the
 * extensions of AllExtensionsStatus): plain checks on just the fields the app uses, with the same
 * rules as the schemas in `wire.ts` (`looseNumber`, `looseString`, `idString`; lenient lists
 * and items). A schema library builds issue lists, transforms and fallbacks per field; on an
 * account that monitors thousands of extensions this path runs tens of thousands of times a
 * second, and these checks cost a fraction of socket.io's own decode (benchmarks/README.md).
 * `read.test.ts` holds the readers to the schemas' answers on one table of inputs.
 *
 * Problems name the field path and what was wrong, never a value.
 */
import type { Lenient, WireCall, WireExtension } from './wire-types';

export type Read<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export type Reader<T> = (value: unknown) => Read<T>;

const NUMERIC = /^-?\d+(\.\d+)?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A finite number or a numeric string; anything else (missing included) is null. */
export function readLooseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const text = value.trim();
    return NUMERIC.test(text) ? Number(text) : null;
  }
  return null;
}

/** Text as sent; a finite number is stringified; anything else is ''. */
export function readLooseString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** What is wrong with a value that should have been present. */
function absentOr(value: unknown, problem: string): string {
  return value === undefined ? 'missing' : problem;
}

/** Required id: non-empty text (trimmed), or an integer sent as a number. */
export function readId(
  value: unknown,
): { ok: true; value: string } | { ok: false; problem: string } {
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? { ok: false, problem: 'too small' } : { ok: true, value: text };
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return { ok: true, value: String(value) };
  }
  return { ok: false, problem: absentOr(value, 'wrong type') };
}

function customData(value: unknown): Record<string, unknown> {
  // Decoded JSON owns its objects, so a plain one is taken as it is.
  return isPlainObject(value) ? value : {};
}

function recording(value: unknown): WireCall['recording'] {
  if (!isObject(value)) return null;
  return { Filename: readLooseString(value.Filename), IsMuted: readLooseNumber(value.IsMuted) };
}

function summery(value: unknown): WireExtension['summery'] {
  return isObject(value) ? { representative: readLooseString(value.representative) } : null;
}

/** Prefixes each problem with the field it was found in. */
function at(path: string, problems: readonly string[]): string[] {
  // A problem is either "field: what" (nested under `path`) or just "what" (about `path` itself).
  return problems.map((problem) =>
    problem.indexOf(': ') > 0 ? `${path}.${problem}` : `${path}: ${problem}`,
  );
}

export const readCall: Reader<WireCall> = (value) => {
  if (!isObject(value)) return { ok: false, problems: [absentOr(value, 'expected object')] };
  const id = readId(value.ivrid);
  if (!id.ok) return { ok: false, problems: [`ivrid: ${id.problem}`] };
  return {
    ok: true,
    value: {
      ivrid: id.value,
      callStarted: readLooseNumber(value.callStarted),
      calldurationinterval: readLooseNumber(value.calldurationinterval),
      callAnswered: readLooseNumber(value.callAnswered),
      answered: readLooseNumber(value.answered),
      callername: readLooseString(value.callername),
      callerphone: readLooseString(value.callerphone),
      did: readLooseString(value.did),
      direction: readLooseString(value.direction),
      c2cdirection: readLooseNumber(value.c2cdirection),
      callstatus: readLooseString(value.callstatus),
      customdata: customData(value.customdata),
      recording: recording(value.recording),
      queueID: readLooseNumber(value.queueID),
      campaignID: readLooseNumber(value.campaignID),
    },
  };
};

/** Keeps the items that read, and says which did not and why. */
export function readList<T>(reader: Reader<T>, values: readonly unknown[]): Lenient<T> {
  const out: Lenient<T> = { items: [], indexes: [], dropped: [] };
  for (let index = 0; index < values.length; index++) {
    const result = reader(values[index]);
    if (result.ok) {
      out.items.push(result.value);
      out.indexes.push(index);
    } else {
      out.dropped.push({ index, problem: describeProblems(result.problems) });
    }
  }
  return out;
}

/** A list that may be missing or mistyped: it becomes empty. */
function optionalList<T>(reader: Reader<T>, value: unknown): Lenient<T> {
  return readList(reader, Array.isArray(value) ? value : []);
}

/** An optional item: missing or null gives null; present but unreadable gives null and a note. */
function optionalItem<T>(
  reader: Reader<T>,
  value: unknown,
): { value: T | null; problem: string | null } {
  if (value === undefined || value === null) return { value: null, problem: null };
  const result = reader(value);
  return result.ok
    ? { value: result.value, problem: null }
    : { value: null, problem: describeProblems(result.problems) };
}

export const readExtension: Reader<WireExtension> = (value) => {
  if (!isObject(value)) return { ok: false, problems: [absentOr(value, 'expected object')] };
  const id = readId(value.number);
  if (!id.ok) return { ok: false, problems: [`number: ${id.problem}`] };
  return {
    ok: true,
    value: {
      number: id.value,
      userID: readLooseNumber(value.userID),
      userName: readLooseString(value.userName),
      extenUser: readLooseString(value.extenUser),
      onlineUserID: readLooseNumber(value.onlineUserID),
      representative: readLooseNumber(value.representative),
      summery: summery(value.summery),
      representativeStatus: readLooseNumber(value.representativeStatus),
      representativeUpdated: readLooseNumber(value.representativeUpdated),
      lastCallEventEpoch: readLooseNumber(value.lastCallEventEpoch),
      lastAnsweredCallEventEpoch: readLooseNumber(value.lastAnsweredCallEventEpoch),
      lastHangupCallEpoch: readLooseNumber(value.lastHangupCallEpoch),
      peerStatus: readLooseString(value.peerStatus),
      calls: optionalList(readCall, value.calls),
      currentCall: optionalItem(readCall, value.currentCall),
    },
  };
};

/** The envelope of an ExtensionEvent, with its extension read. */
export interface WireExtensionEventEnvelope {
  reason: string;
  servertime: number | null;
  servertimeoffset: number | null;
  cause: string;
  callerID: string;
  ivruniqueid: string;
  data: WireExtension;
}

export const readExtensionEvent: Reader<WireExtensionEventEnvelope> = (value) => {
  if (!isObject(value)) return { ok: false, problems: [absentOr(value, 'expected object')] };
  const problems: string[] = [];
  const rawReason = value.reason;
  let reason = '';
  if (typeof rawReason !== 'string')
    problems.push(`reason: ${absentOr(rawReason, 'expected string')}`);
  else {
    reason = rawReason.trim();
    if (reason === '') problems.push('reason: too small');
  }
  const data = readExtension(value.data);
  if (!data.ok) problems.push(...at('data', data.problems));
  if (!data.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      reason,
      servertime: readLooseNumber(value.servertime),
      servertimeoffset: readLooseNumber(value.servertimeoffset),
      cause: readLooseString(value.cause),
      callerID: readLooseString(value.callerID),
      ivruniqueid: readLooseString(value.ivruniqueid),
      data: data.value,
    },
  };
};

/** `a.b: missing`, at most three problems, the rest counted (the same form as `wire.ts`). */
export function describeProblems(problems: readonly string[]): string {
  const parts = problems.slice(0, 3);
  if (problems.length > 3) parts.push(`${problems.length - 3} more`);
  return parts.join('; ');
}
