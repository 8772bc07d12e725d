/**
 * One call in the agent's history, as kept on disk and shown in the window. Built from the call
 * store's recent-call entries (`shared/calls/recent.ts` decides how a call ended), plus what the
 * Rocket.Chat side adds later (the room and the wrap-up).
 */
import type { CallDirection, CallOutcome, RecentCall } from '../domain/calls';
import { normalisePhone, type PhoneRegion } from '../phone/normalise';

/**
 * How a call ended, as the history tells it. The call store's outcomes, except that a call that
 * ended while Ringside was offline is `answered` when it is known to have been answered, and
 * otherwise `unknown`: nobody can tell whether the caller gave up or someone else took it.
 */
export type HistoryOutcome = Exclude<CallOutcome, 'ended-while-offline'> | 'unknown';

export const HISTORY_OUTCOMES: readonly HistoryOutcome[] = [
  'answered',
  'missed',
  'answered-elsewhere',
  'rejected',
  'busy',
  'abandoned',
  'failed',
  'unknown',
];

export interface HistoryWrapUp {
  comment: string;
  tags: string[];
}

export interface HistoryEntry {
  /** `ivrid` and extension: a ring-group call that rang at two own extensions is two entries. */
  id: string;
  ivrid: string;
  /** '' for a call abandoned in a queue before it reached an extension. */
  extension: string;
  direction: CallDirection;
  callerName: string;
  /** The number as Voicenter sent it. */
  callerPhone: string;
  /** The number for matching (E.164 where it is a phone number; see `normalisePhone`). */
  phoneKey: string;
  did: string;
  startedAt: number | null;
  answeredAt: number | null;
  endedAt: number;
  /** Talk time in ms (answer to hang-up); null when the call was not answered here. */
  durationMs: number | null;
  outcome: HistoryOutcome;
  /** The server's hang-up cause, verbatim. */
  cause: string;
  queueId: number | null;
  /** Who took the call: this agent's name for own answered calls, the other extension's when known. */
  takenBy: string;
  /** The Rocket.Chat room of the call, once there is one. */
  roomId: string | null;
  roomLink: string | null;
  wrapUp: HistoryWrapUp | null;
}

/** The outcome the history shows for a call the store recorded. */
export function classifyOutcome(call: Pick<RecentCall, 'outcome' | 'answeredAt'>): HistoryOutcome {
  if (call.outcome !== 'ended-while-offline') return call.outcome;
  return call.answeredAt !== null ? 'answered' : 'unknown';
}

/** Whether the agent should hear of this call as a missed one (counted until seen). */
export function isMissed(entry: Pick<HistoryEntry, 'outcome' | 'direction'>): boolean {
  return entry.outcome === 'missed' || entry.outcome === 'abandoned';
}

export function historyId(ivrid: string, extension: string): string {
  return `${ivrid}:${extension}`;
}

export function entryFromRecent(call: RecentCall, region: PhoneRegion, takenBy = ''): HistoryEntry {
  const outcome = classifyOutcome(call);
  return {
    id: historyId(call.ivrid, call.extension),
    ivrid: call.ivrid,
    extension: call.extension,
    direction: call.direction,
    callerName: call.callerName,
    callerPhone: call.callerPhone,
    phoneKey: normalisePhone(call.callerPhone, region),
    did: call.did,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationMs:
      outcome === 'answered' && call.answeredAt !== null
        ? Math.max(0, call.endedAt - call.answeredAt)
        : null,
    outcome,
    cause: call.cause,
    queueId: call.queueId,
    takenBy,
    roomId: null,
    roomLink: null,
    wrapUp: null,
  };
}
