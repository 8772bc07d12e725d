/**
 * Readers for the payloads that arrive on every call event (ExtensionEvent, and the extensions of
 * AllExtensionsStatus): plain checks on just the fields the app uses, with the same rules as the
 * schemas in `wire.ts` (`looseNumber`, `looseString`, `idString`; lenient lists and items), that
 * build the domain's `ExtensionInfo` and `CallInfo` directly. A schema library builds issue
 * lists, transforms and fallbacks per field, and a wire-shaped copy would be one more object per
 * field group; on an account that monitors thousands of extensions this path runs tens of
 * thousands of times a second, and these checks cost a fraction of socket.io's own decode
 * (benchmarks/README.md). `read.test.ts` holds the field readers to the schemas' answers.
 *
 * Problems name the field path and what was wrong, never a value.
 */
import type { CallInfo, ExtensionInfo } from '../domain/calls';
import {
  normaliseCallStatus,
  normaliseDirection,
  serverSecondsToUtcMs,
  type Warnings,
} from './normalise';

/** What was wrong with a value that could not be read (a field path and a word, no value). */
export class Unreadable {
  constructor(readonly problem: string) {}
}

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

/** One shared empty object for the calls that carry no custom data (most of them, kept for long). */
const NO_CUSTOM_DATA: Record<string, unknown> = Object.freeze({});

function customData(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) return NO_CUSTOM_DATA;
  // Decoded JSON owns its objects, so a plain one is taken as it is.
  for (const key in value) if (Object.hasOwn(value, key)) return value;
  return NO_CUSTOM_DATA;
}

function recordingFile(value: unknown): string | null {
  if (!isObject(value)) return null;
  const name = readLooseString(value.Filename);
  return name === '' ? null : name;
}

function positiveOrNull(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

/** A call (spec 2.3) as the domain has it; server times become UTC milliseconds. */
export function readCall(value: unknown, offsetMinutes: number): CallInfo | Unreadable {
  if (!isObject(value)) return new Unreadable(absentOr(value, 'expected object'));
  const id = readId(value.ivrid);
  if (!id.ok) return new Unreadable(`ivrid: ${id.problem}`);
  const leg = readLooseNumber(value.c2cdirection);
  return {
    ivrid: id.value,
    callerName: readLooseString(value.callername),
    callerPhone: readLooseString(value.callerphone),
    did: readLooseString(value.did),
    direction: normaliseDirection(readLooseString(value.direction)),
    c2cLeg: leg === 1 || leg === 2 ? leg : null,
    status: normaliseCallStatus(readLooseString(value.callstatus)),
    startedAt: serverSecondsToUtcMs(readLooseNumber(value.callStarted), offsetMinutes),
    answeredAt: serverSecondsToUtcMs(readLooseNumber(value.callAnswered), offsetMinutes),
    queueId: positiveOrNull(readLooseNumber(value.queueID)),
    campaignId: positiveOrNull(readLooseNumber(value.campaignID)),
    customData: customData(value.customdata),
    recordingFile: recordingFile(value.recording),
  };
}

/** An extension's calls: the items that read; the others are noted in `warnings` under `path`. */
function readCalls(
  value: unknown,
  offsetMinutes: number,
  warnings: Warnings,
  path: string,
): CallInfo[] {
  // A missing or mistyped list is an empty one.
  if (!Array.isArray(value)) return [];
  const calls: CallInfo[] = [];
  for (let index = 0; index < value.length; index++) {
    const call = readCall(value[index], offsetMinutes);
    if (call instanceof Unreadable) {
      warnings.push(`dropped ${path}.calls[${index}] (${call.problem})`);
    } else calls.push(call);
  }
  return calls;
}

/** An extension and the call its event is about (`currentCall`, when present and readable). */
export interface ReadExtension {
  extension: ExtensionInfo;
  currentCall: CallInfo | null;
}

/**
 * An extension (spec 2.3) as the domain has it. Calls that do not read are left out and noted in
 * `warnings` under `path`; only a missing or unusable `number` makes the extension unreadable.
 */
export function readExtension(
  value: unknown,
  offsetMinutes: number,
  warnings: Warnings,
  path: string,
): ReadExtension | Unreadable {
  if (!isObject(value)) return new Unreadable(absentOr(value, 'expected object'));
  const id = readId(value.number);
  if (!id.ok) return new Unreadable(`number: ${id.problem}`);
  const userName = readLooseString(value.userName);
  const summery = value.summery;
  const representative = isObject(summery) ? readLooseString(summery.representative) : '';
  const calls = readCalls(value.calls, offsetMinutes, warnings, path);
  let currentCall: CallInfo | null = null;
  const current = value.currentCall;
  if (current !== undefined && current !== null) {
    const read = readCall(current, offsetMinutes);
    if (read instanceof Unreadable) warnings.push(`dropped ${path}.currentCall (${read.problem})`);
    else currentCall = read;
  }
  return {
    extension: {
      number: id.value,
      userId: readLooseNumber(value.userID),
      userName,
      sipUser: readLooseString(value.extenUser),
      onlineUserId: readLooseNumber(value.onlineUserID),
      representativeName: representative !== '' ? representative : userName,
      statusCode: readLooseNumber(value.representativeStatus),
      // Already milliseconds on the wire; 0 means "never".
      statusUpdatedAt: positiveOrNull(readLooseNumber(value.representativeUpdated)),
      peerStatus: readLooseString(value.peerStatus),
      calls,
    },
    currentCall,
  };
}

/** The envelope of an ExtensionEvent, with its extension read. */
export interface ExtensionEventEnvelope {
  reason: string;
  servertime: number | null;
  cause: string;
  callerID: string;
  ivruniqueid: string;
  data: ReadExtension;
}

/** Where a problem of `data` was found: "number: missing" becomes "data.number: missing". */
function inData(problem: string): string {
  return problem.indexOf(': ') > 0 ? `data.${problem}` : `data: ${problem}`;
}

export function readExtensionEvent(
  value: unknown,
  offsetMinutes: number,
  warnings: Warnings,
): ExtensionEventEnvelope | Unreadable {
  if (!isObject(value)) return new Unreadable(absentOr(value, 'expected object'));
  let problem: string | null = null;
  const rawReason = value.reason;
  let reason = '';
  if (typeof rawReason !== 'string') problem = `reason: ${absentOr(rawReason, 'expected string')}`;
  else {
    reason = rawReason.trim();
    if (reason === '') problem = 'reason: too small';
  }
  // Nested notes are kept only for an event that reads.
  const notes: Warnings = [];
  const data = readExtension(value.data, offsetMinutes, notes, 'data');
  if (data instanceof Unreadable) {
    const dataProblem = inData(data.problem);
    return new Unreadable(problem === null ? dataProblem : `${problem}; ${dataProblem}`);
  }
  if (problem !== null) return new Unreadable(problem);
  for (const note of notes) warnings.push(note);
  return {
    reason,
    servertime: readLooseNumber(value.servertime),
    cause: readLooseString(value.cause),
    callerID: readLooseString(value.callerID),
    ivruniqueid: readLooseString(value.ivruniqueid),
    data,
  };
}
