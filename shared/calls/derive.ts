/**
 * Small pure views over call state for the UI and the tray.
 */
import type { ActiveCall, CallInfo, CallState, QueueInfo, RecentCall } from '../domain/calls';

/**
 * How long the call has lasted at `now`: talk time once answered, ring/dial time before. 0 when
 * the call carries no time at all, or when clocks disagree and the start lies in the future.
 */
export function callDurationMs(
  call: Pick<CallInfo, 'answeredAt' | 'startedAt'>,
  now: number,
): number {
  const from = call.answeredAt ?? call.startedAt;
  return from === null ? 0 : Math.max(0, now - from);
}

export interface QueueStats {
  /** Callers waiting across the queues (a caller listed in two queues counts once). */
  waiting: number;
  /** The longest current wait, 0 when nobody waits or join times are unknown. */
  longestWaitMs: number;
}

export function queueStats(
  queues: readonly QueueInfo[] | Readonly<Record<string, QueueInfo>>,
  now: number,
): QueueStats {
  const list: readonly QueueInfo[] = Array.isArray(queues) ? queues : Object.values(queues);
  const seen = new Set<string>();
  let longestWaitMs = 0;
  for (const queue of list) {
    for (const call of queue.calls) {
      seen.add(call.ivrid);
      if (call.joinedAt !== null) longestWaitMs = Math.max(longestWaitMs, now - call.joinedAt);
    }
  }
  return { waiting: seen.size, longestWaitMs };
}

/** Missed calls that ended after `since` (UTC ms), newest first as in `recent`. */
export function missedSince(recent: readonly RecentCall[], since: number): RecentCall[] {
  return recent.filter((r) => r.outcome === 'missed' && r.endedAt > since);
}

/**
 * The active calls on the agent's own extensions (own extensions in configured order, each one's
 * calls oldest change first), from the state's own records: never the whole board.
 */
export function ownActiveCalls(state: Pick<CallState, 'ownExtensions' | 'own'>): ActiveCall[] {
  const out: ActiveCall[] = [];
  for (const extension of state.ownExtensions) {
    for (const call of state.own[extension]?.calls ?? []) out.push({ extension, call });
  }
  return out;
}
