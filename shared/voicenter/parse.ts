/**
 * The edge: one server event (name + its single payload argument) in, one validated, normalised
 * `RealtimeEvent` out, or a short error. Never throws. Errors and warnings name the event and the
 * field path only, never a value: payloads carry phone numbers, names and sometimes tokens.
 *
 * Times: `servertimeoffset` (minutes) is not on every event (the seed's loginStatus lacks it), so
 * `createEventParser()` remembers the last offset any event carried and uses it for events without
 * one. Until an offset has been seen it uses `defaultOffsetMinutes` (0). An event without a usable
 * `servertime` is stamped with the parser's clock.
 */
import type { ExtensionInfo, RealtimeEvent } from '../domain/calls';
import type { z } from 'zod';
import { noteDropped, normaliseQueue, serverSecondsToUtcMs, type Warnings } from './normalise';
import {
  describeIssues,
  safeErrorMap,
  wireAllExtensionsStatus,
  wireDialerEvent,
  wireKeepaliveResponse,
  wireLoginStatus,
  wireLoginSuccess,
  wireQueueEvent,
} from './wire';
import { readExtension, readExtensionEvent, Unreadable } from './read';

export type ParseResult =
  | {
      ok: true;
      event: RealtimeEvent;
      /** Items left out of the event (bad calls in a snapshot, ...), as `dropped <path> (<problem>)`. */
      warnings?: string[];
    }
  | { ok: false; error: string };

export interface EventParserOptions {
  /** Clock for events without a usable `servertime`; defaults to `Date.now`. */
  now?: () => number;
  /** Offset (minutes) used until an event carries one. */
  defaultOffsetMinutes?: number;
}

export interface EventParser {
  parse(eventName: string, payload: unknown): ParseResult;
  /** The last `servertimeoffset` seen, or null before any. */
  readonly offsetMinutes: number | null;
}

/** Event names of spec 2.1. */
export const SERVER_EVENT_NAMES = [
  'loginSuccess',
  'loginStatus',
  'AllExtensionsStatus',
  'QueueEvent',
  'ExtensionEvent',
  'AllDialersStatus',
  'DialerEvent',
  'ExtensionsUpdated',
  'QueuesUpdated',
  'DialersUpdated',
  'keepaliveResponse',
] as const;
export type ServerEventName = (typeof SERVER_EVENT_NAMES)[number];

const KNOWN = new Set<string>(SERVER_EVENT_NAMES);

/** Fields the seed wrongly nests inside `data` on ExtensionEvent examples. */
const HOISTED = [
  'eventName',
  'reason',
  'servertime',
  'servertimeoffset',
  'telephonyservertime',
  'cause',
  'callerID',
  'ivruniqueid',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Some transports deliver the payload as JSON text; accept it, parse failures fall through. */
function decode(payload: unknown): unknown {
  if (typeof payload !== 'string' || !payload.trimStart().startsWith('{')) return payload;
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return payload;
  }
}

/** The seed's shape: `reason` etc. inside `data`. Lift them when the top level lacks `reason`. */
function hoist(payload: unknown): unknown {
  if (!isRecord(payload) || payload.reason !== undefined || !isRecord(payload.data)) return payload;
  const data = payload.data;
  if (data.reason === undefined) return payload;
  const lifted: Record<string, unknown> = { ...payload };
  for (const key of HOISTED) {
    if (lifted[key] === undefined && data[key] !== undefined) lifted[key] = data[key];
  }
  return lifted;
}

function printableName(name: string): string {
  const clean = name.replace(/[^\w.:-]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}...` : clean;
}

function usableOffset(value: number | null): number | null {
  // Whole-day bound: anything beyond is noise, not a timezone.
  return value !== null && Math.abs(value) <= 24 * 60 ? value : null;
}

interface Context {
  offset: number;
  now: () => number;
}

type Parsed = { ok: true; value: RealtimeEvent; warnings: Warnings } | { ok: false; error: string };

type HangupInfo = NonNullable<Extract<RealtimeEvent, { kind: 'extension' }>['hangup']>;

function check<S extends z.ZodType>(
  name: string,
  schema: S,
  payload: unknown,
): { ok: true; data: z.output<S> } | { ok: false; error: string } {
  const result = schema.safeParse(payload, { error: safeErrorMap });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, error: `${name}: ${describeIssues(result.error.issues) || 'invalid'}` };
}

function failedLogin(name: string, code: number | null): Parsed | null {
  return code !== null && code !== 0 ? { ok: false, error: `${name}: errorCode not 0` } : null;
}

/** The event's time in UTC milliseconds; the parser's clock when the server sent none. */
function timeOf(ctx: Context, servertime: number | null): number {
  return serverSecondsToUtcMs(servertime, ctx.offset) ?? ctx.now();
}

function ok(warnings: Warnings, value: RealtimeEvent): Parsed {
  return { ok: true, value, warnings };
}

function build(name: ServerEventName, payload: unknown, ctx: Context): Parsed {
  const warnings: Warnings = [];
  switch (name) {
    case 'ExtensionsUpdated':
      return ok(warnings, { kind: 'monitoredSetChanged', which: 'extensions' });
    case 'QueuesUpdated':
      return ok(warnings, { kind: 'monitoredSetChanged', which: 'queues' });
    case 'DialersUpdated':
      return ok(warnings, { kind: 'monitoredSetChanged', which: 'dialers' });
    case 'loginSuccess': {
      const r = check(name, wireLoginSuccess, payload);
      if (!r.ok) return r;
      return (
        failedLogin(name, r.data.errorCode) ??
        ok(warnings, { kind: name, at: timeOf(ctx, r.data.servertime) })
      );
    }
    case 'loginStatus': {
      // The seed's table spells the list `Queues`; the SDKs read `queues`.
      const input =
        isRecord(payload) && payload.queues === undefined && payload.Queues !== undefined
          ? { ...payload, queues: payload.Queues }
          : payload;
      const r = check(name, wireLoginStatus, input);
      if (!r.ok) return r;
      const failed = failedLogin(name, r.data.errorCode);
      if (failed) return failed;
      noteDropped(warnings, 'queues', r.data.queues);
      const queues = r.data.queues.items.map((q, i) =>
        normaliseQueue(q, ctx.offset, warnings, `queues[${r.data.queues.indexes[i] ?? i}]`),
      );
      return ok(warnings, { kind: 'queuesSnapshot', at: timeOf(ctx, r.data.servertime), queues });
    }
    case 'AllExtensionsStatus': {
      const r = check(name, wireAllExtensionsStatus, payload);
      if (!r.ok) return r;
      const failed = failedLogin(name, r.data.errorCode);
      if (failed) return failed;
      // Extensions left out are noted first, then what was left out inside the others.
      const nested: Warnings = [];
      const extensions: ExtensionInfo[] = [];
      r.data.extensions.forEach((value, index) => {
        const path = `extensions[${index}]`;
        const read = readExtension(value, ctx.offset, nested, path);
        if (read instanceof Unreadable) warnings.push(`dropped ${path} (${read.problem})`);
        else extensions.push(read.extension);
      });
      warnings.push(...nested);
      return ok(warnings, {
        kind: 'extensionsSnapshot',
        at: timeOf(ctx, r.data.servertime),
        extensions,
      });
    }
    case 'QueueEvent': {
      const r = check(name, wireQueueEvent, hoist(payload));
      if (!r.ok) return r;
      const queue = normaliseQueue(r.data.data, ctx.offset, warnings, 'data');
      const ivrid = r.data.ivruniqueid.trim();
      return ok(warnings, {
        kind: 'queue',
        reason: r.data.reason,
        at: timeOf(ctx, r.data.servertime),
        queue,
        ivrid: ivrid === '' ? null : ivrid,
      });
    }
    case 'ExtensionEvent':
      return extensionEvent(hoist(payload), ctx, warnings);
    case 'AllDialersStatus':
    case 'DialerEvent': {
      // Dialer payloads are undocumented; only a usable time is taken from them.
      const r = wireDialerEvent.safeParse(payload, { error: safeErrorMap });
      return ok(warnings, {
        kind: 'dialers',
        at: timeOf(ctx, r.success ? r.data.servertime : null),
      });
    }
    case 'keepaliveResponse': {
      const r = check(name, wireKeepaliveResponse, payload);
      if (!r.ok) return r;
      const { errorCode, isOk, errorDesc } = r.data;
      if (errorCode === null && isOk === null)
        return { ok: false, error: `${name}: errorCode missing` };
      const code = errorCode ?? (isOk === true ? 0 : -1);
      return ok(warnings, {
        kind: name,
        ok: code === 0 && isOk !== false,
        code,
        description: errorDesc,
      });
    }
  }
}

/**
 * The hot path: every call event of every monitored extension. Plain field checks instead of a
 * schema (see read.ts), and no more objects than the event itself.
 */
function extensionEvent(payload: unknown, ctx: Context, warnings: Warnings): Parsed {
  const read = readExtensionEvent(payload, ctx.offset, warnings);
  if (read instanceof Unreadable) return { ok: false, error: `ExtensionEvent: ${read.problem}` };
  const { extension, currentCall } = read.data;
  let hangup: HangupInfo | null = null;
  if (read.reason === 'HANGUP') {
    const ivrid = read.ivruniqueid.trim() || currentCall?.ivrid || '';
    hangup = { cause: read.cause || 'Unknown', callerId: read.callerID, ivrid };
  }
  const value: RealtimeEvent = {
    kind: 'extension',
    reason: read.reason,
    at: timeOf(ctx, read.servertime),
    extension,
    call: currentCall,
    hangup,
  };
  return { ok: true, value, warnings };
}

function offsetOf(payload: unknown): number | null {
  const source = hoist(payload);
  if (!isRecord(source)) return null;
  const raw = source.servertimeoffset;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isFinite(value) ? usableOffset(value) : null;
}

/** The offset the last valid event carried (null when it carried none), set by `parseOne`. */
interface OffsetSeen {
  value: number | null;
}

function parseOne(
  eventName: string,
  rawPayload: unknown,
  offset: number,
  now: () => number,
  seen: OffsetSeen,
): ParseResult {
  seen.value = null;
  if (!KNOWN.has(eventName)) {
    return { ok: false, error: `unknown event ${printableName(eventName)}` };
  }
  let parsed: Parsed;
  let seenOffset: number | null;
  try {
    const payload = decode(rawPayload);
    seenOffset = offsetOf(payload);
    parsed = build(eventName as ServerEventName, payload, { offset: seenOffset ?? offset, now });
  } catch {
    // zod does not throw on bad input; this guards odd objects (throwing getters, proxies).
    return { ok: false, error: `${eventName}: unreadable payload` };
  }
  if (!parsed.ok) return parsed;
  seen.value = seenOffset;
  return parsed.warnings.length > 0
    ? { ok: true, event: parsed.value, warnings: parsed.warnings }
    : { ok: true, event: parsed.value };
}

/** A parser that remembers the last `servertimeoffset` for events that do not carry one. */
export function createEventParser(options: EventParserOptions = {}): EventParser {
  const now = options.now ?? (() => Date.now());
  const fallback = options.defaultOffsetMinutes ?? 0;
  let last: number | null = null;
  const seen: OffsetSeen = { value: null };
  return {
    parse(eventName, payload) {
      const result = parseOne(eventName, payload, last ?? fallback, now, seen);
      // Only a valid event may teach the parser a new offset.
      if (seen.value !== null) last = seen.value;
      return result;
    },
    get offsetMinutes() {
      return last;
    },
  };
}

/**
 * Stateless convenience: uses the event's own offset, else 0 (UTC). Prefer `createEventParser()`
 * for a live connection, where loginStatus arrives without an offset.
 */
export function parseServerEvent(eventName: string, payload: unknown): ParseResult {
  return parseOne(eventName, payload, 0, () => Date.now(), { value: null });
}
