/**
 * Wire shapes (validated by `wire.ts`) to domain shapes (`shared/domain/calls.ts`). This is the one
 * place where server times become UTC milliseconds and wire enums become domain enums.
 */
import type { CallDirection, CallStatus, QueueCall, QueueInfo } from '../domain/calls';
import type { WireQueue, WireQueueCall } from './wire';
import type { Lenient } from './wire-types';

/** Notes about items left out, each `dropped <path> (<problem>)`; values never appear. */
export type Warnings = string[];

/**
 * Server epoch seconds are Israel wall-clock written as if UTC; the SDKs convert with
 * `(value - offset * 60) * 1000`. 0 and negatives mean "not set". A value already in
 * milliseconds (beyond year 5000 when read as seconds) is converted as milliseconds rather than
 * thrown thousands of years into the future.
 */
export function serverSecondsToUtcMs(value: number | null, offsetMinutes: number): number | null {
  if (value === null || !Number.isFinite(value) || value <= 0) return null;
  if (value > 1e11) return Math.round(value - offsetMinutes * 60_000);
  return Math.round((value - offsetMinutes * 60) * 1000);
}

/** Each value by its lower-case name and by its name as the server writes it ("Incoming"). */
function spellings<T extends string>(values: readonly T[]): Record<string, T> {
  const table: Record<string, T> = {};
  for (const value of values) {
    table[value] = value;
    table[value.charAt(0).toUpperCase() + value.slice(1)] = value;
  }
  return table;
}

const DIRECTIONS = spellings<CallDirection>(['incoming', 'outgoing', 'click2call', 'spy']);

const STATUSES = spellings<CallStatus>(['ringing', 'dialing', 'talking', 'hold', 'spying']);

function lookup<T>(table: Record<string, T>, raw: string, fallback: T): T {
  // The server's usual spelling ("Incoming", "Talking") is found as sent, with no new string.
  if (Object.hasOwn(table, raw)) return table[raw] ?? fallback;
  const key = raw.trim().toLowerCase();
  return Object.hasOwn(table, key) ? (table[key] ?? fallback) : fallback;
}

export function normaliseDirection(raw: string): CallDirection {
  return lookup(DIRECTIONS, raw, 'unknown');
}

export function normaliseCallStatus(raw: string): CallStatus {
  return lookup(STATUSES, raw, 'unknown');
}

/** Records a `dropped <path>[i] (<problem>)` note per item a lenient list left out. */
export function noteDropped(warnings: Warnings, path: string, list: Lenient<unknown>): void {
  for (const { index, problem } of list.dropped)
    warnings.push(`dropped ${path}[${index}] (${problem})`);
}

function normaliseQueueCall(call: WireQueueCall, offsetMinutes: number): QueueCall {
  return {
    ivrid: call.id,
    callerId: call.CallerID,
    callerName: call.CallerName,
    joinedAt: serverSecondsToUtcMs(call.JoinTimeStamp, offsetMinutes),
  };
}

export function normaliseQueue(
  queue: WireQueue,
  offsetMinutes: number,
  warnings: Warnings,
  path: string,
): QueueInfo {
  noteDropped(warnings, `${path}.Calls`, queue.Calls);
  return {
    id: queue.QueueID,
    name: queue.QueueName,
    calls: queue.Calls.items.map((call) => normaliseQueueCall(call, offsetMinutes)),
  };
}
