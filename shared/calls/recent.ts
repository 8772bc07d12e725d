/**
 * How a call ended, and the list of recent calls. Pure helpers for the call-state reducer.
 */
import type { ActiveCall, CallInfo, CallOutcome, RecentCall } from '../domain/calls';

/** How many recent calls are kept (newest first). */
export const RECENT_CALLS_CAP = 200;

/**
 * Outcome of a call that got a HANGUP. The cause wins when it is specific; otherwise whether the
 * call was answered decides, and an unanswered incoming (or click2call) call is a missed one.
 */
export function hangupOutcome(call: CallInfo, cause: string): CallOutcome {
  const text = cause.trim();
  if (text === 'Answered elsewhere') return 'answered-elsewhere';
  if (text === 'Call Rejected') return 'rejected';
  if (text === 'User busy') return 'busy';
  const unreachable = text.startsWith('Unallocated') || text === 'No user responding';
  if (unreachable && call.direction === 'outgoing') return 'failed';
  if (call.answeredAt !== null) return 'answered';
  if (call.direction === 'incoming' || call.direction === 'click2call') return 'missed';
  return 'failed';
}

export function recentFromCall(
  active: ActiveCall,
  endedAt: number,
  outcome: CallOutcome,
  cause: string,
  fallbackPhone = '',
): RecentCall {
  const { call } = active;
  return {
    ivrid: call.ivrid,
    extension: active.extension,
    callerName: call.callerName,
    callerPhone: call.callerPhone !== '' ? call.callerPhone : fallbackPhone,
    did: call.did,
    direction: call.direction,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt,
    outcome,
    cause,
    queueId: call.queueId,
  };
}

/**
 * Puts `entry` first. An older entry for the same call on the same extension with the same
 * outcome is replaced, and so is a provisional `ended-while-offline` one (a late HANGUP knows
 * better), so a call never shows twice for one reason.
 */
export function addRecent(recent: readonly RecentCall[], entry: RecentCall): RecentCall[] {
  const rest = recent.filter(
    (r) =>
      !(
        r.ivrid === entry.ivrid &&
        r.extension === entry.extension &&
        (r.outcome === entry.outcome || r.outcome === 'ended-while-offline')
      ),
  );
  return [entry, ...rest].slice(0, RECENT_CALLS_CAP);
}
