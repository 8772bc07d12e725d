/**
 * One extension as the team board shows it: the facts a row displays, filters and sorts on,
 * derived once per change of the record (never per frame or per tick).
 */
import type { CallInfo, CallStatus, ExtensionInfo } from '@shared/domain/calls';

/** What the extension is doing: its main call's status, or idle. */
export type Activity = Exclude<CallStatus, 'ended'> | 'idle';

export interface BoardRow {
  readonly number: string;
  /** Who works at the extension ('' when the server names nobody). */
  readonly name: string;
  readonly statusCode: number | null;
  readonly activity: Activity;
  /** The call the row shows: a call being talked or held first, else the newest. */
  readonly call: CallInfo | null;
  /** Active calls on the extension (a second one ringing while the agent talks shows as +1). */
  readonly callCount: number;
  /** When the shown call's duration counts from (answer, else start); null when idle or unknown. */
  readonly since: number | null;
  /** Queues of the extension's active calls. */
  readonly queueIds: readonly number[];
  /** Lower-case name, extension and callers' numbers, for search. */
  readonly text: string;
  /** The callers' numbers as digits only, for a search typed with dashes or spaces. */
  readonly digits: string;
}

const ENGAGED: ReadonlySet<CallStatus> = new Set(['talking', 'hold', 'spying']);

/** The call a board row shows. `calls` is oldest change first (the call store's order). */
export function mainCall(calls: readonly CallInfo[]): CallInfo | null {
  return calls.find((c) => ENGAGED.has(c.status)) ?? calls.at(-1) ?? null;
}

export function toRow(record: ExtensionInfo): BoardRow {
  const call = mainCall(record.calls);
  const name = (record.representativeName || record.userName).trim();
  const queueIds: number[] = [];
  const phones: string[] = [];
  for (const c of record.calls) {
    if (c.queueId !== null && !queueIds.includes(c.queueId)) queueIds.push(c.queueId);
    if (c.callerPhone) phones.push(c.callerPhone);
  }
  const activity: Activity = call === null || call.status === 'ended' ? 'idle' : call.status;
  return {
    number: record.number,
    name,
    statusCode: record.statusCode,
    activity,
    call: activity === 'idle' ? null : call,
    callCount: record.calls.length,
    since: activity === 'idle' || !call ? null : (call.answeredAt ?? call.startedAt),
    queueIds,
    text: `${name}\n${record.number}\n${phones.join('\n')}`.toLowerCase(),
    digits: phones.map((p) => p.replace(/\D/g, '')).join('\n'),
  };
}
