/**
 * Call facts as the window shows them. Thin on purpose: the rules live in `shared/` (phone
 * number display, durations, queue figures) so the tray and notifications say the same thing.
 */
import type { ActiveCall, CallInfo, QueueInfo, RecentCall } from '../../../shared/domain/calls';

/** Israeli numbers as agents write them (050-123-4567); anything else is shown as sent. */
export function formatNumber(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, '');
  const local = digits.startsWith('+972')
    ? `0${digits.slice(4)}`
    : digits.startsWith('972')
      ? `0${digits.slice(3)}`
      : digits;
  if (/^05\d{8}$/.test(local) || /^07\d{8}$/.test(local)) {
    return `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`;
  }
  if (/^0[2-489]\d{7}$/.test(local))
    return `${local.slice(0, 2)}-${local.slice(2, 5)}-${local.slice(5)}`;
  return raw;
}

/** What the live timer counts: ring time until answered, talk time after. */
export function liveDurationMs(call: CallInfo, now: number): number | null {
  const from = call.answeredAt ?? call.startedAt;
  return from === null ? null : Math.max(0, now - from);
}

/** Talk time of a call that has ended (ring time when it was never answered). */
export function endedDurationMs(
  call: Pick<RecentCall, 'answeredAt' | 'startedAt' | 'endedAt'>,
): number | null {
  const from = call.answeredAt ?? call.startedAt;
  return from === null ? null : Math.max(0, call.endedAt - from);
}

export interface QueueFigures {
  waiting: number;
  longestWaitMs: number | null;
  abandoned: number;
}

export function queueFigures(queue: QueueInfo, recent: RecentCall[], now: number): QueueFigures {
  const joined = queue.calls.map((call) => call.joinedAt).filter((at) => at !== null);
  return {
    waiting: queue.calls.length,
    longestWaitMs: joined.length > 0 ? Math.max(0, now - Math.min(...joined)) : null,
    abandoned: recent.filter((call) => call.queueId === queue.id && call.outcome === 'abandoned')
      .length,
  };
}

export type ShownCall =
  | { kind: 'live'; active: ActiveCall }
  | { kind: 'ended'; active: ActiveCall; endedAt: number; outcome: RecentCall['outcome'] };
