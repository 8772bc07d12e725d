import type { RecentCall } from '../domain/calls';

/** What the dock, the taskbar overlay and the tray show for missed calls. */
export interface MissedBadge {
  count: number;
  /** The dock / overlay text: '' when nothing was missed, '9+' beyond nine. */
  label: string;
}

/**
 * Missed own calls that ended after the agent last saw the recent calls. A ring-group call
 * missed on two of the agent's extensions counts once.
 */
export function missedSince(recent: readonly RecentCall[], seenAt: number): number {
  const missed = new Set<string>();
  for (const call of recent)
    if (call.outcome === 'missed' && call.endedAt > seenAt) missed.add(call.ivrid);
  return missed.size;
}

export function badgeOf(count: number): MissedBadge {
  const safe = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  return { count: safe, label: safe === 0 ? '' : safe > 9 ? '9+' : String(safe) };
}

/**
 * The window counts as "seen" when it is shown and focused (the recent calls are on its main
 * page); the host then moves the mark to now. A mark never moves back, so a late or duplicate
 * "seen" cannot bring old calls back.
 */
export function markSeen(previous: number, now: number): number {
  return Math.max(previous, now);
}
