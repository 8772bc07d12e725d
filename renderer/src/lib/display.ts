/**
 * Call facts as the window shows them. Thin on purpose: the rules live in `shared/` (phone number
 * display, durations, queue figures), so the tray and the notifications say the same thing.
 */
import type { QueueInfo, RecentCall } from '@shared/domain/calls';
import { callDurationMs, queueStats } from '@shared/calls/derive';
import { formatPhoneForDisplay } from '@shared/phone/normalise';

/** 050-123-4567 for Israeli numbers, international format for others, anything else as sent. */
export const formatNumber = formatPhoneForDisplay;

/** What the live timer counts: ring time until answered, talk time after. */
export const liveDurationMs = callDurationMs;

/** Length of a call that has ended: talk time, or ring time when it was never answered. */
export function endedDurationMs(
  call: Pick<RecentCall, 'answeredAt' | 'startedAt' | 'endedAt'>,
): number {
  return callDurationMs(call, call.endedAt);
}

export interface QueueFigures {
  waiting: number;
  /** null when nobody waits. */
  longestWaitMs: number | null;
  /** Callers of this queue who gave up, among the recent calls. */
  abandoned: number;
}

export function queueFigures(queue: QueueInfo, recent: RecentCall[], now: number): QueueFigures {
  const stats = queueStats([queue], now);
  return {
    waiting: stats.waiting,
    longestWaitMs: stats.waiting > 0 ? stats.longestWaitMs : null,
    abandoned: recent.filter((call) => call.queueId === queue.id && call.outcome === 'abandoned')
      .length,
  };
}
