/**
 * How one update to a known call combines with what is already known about it.
 */
import type { CallInfo } from '../domain/calls';
import { keepSameText } from './same-text';

const CALL_TEXT = ['ivrid', 'callerName', 'callerPhone', 'did', 'recordingFile'] as const;

/** Merges an update into the known call; wire fields that went blank keep their last value. */
export function mergeCall(prev: CallInfo | undefined, next: CallInfo): CallInfo {
  if (!prev) return next;
  // A new click2call leg starts unanswered: leg 1's answer time must not count for leg 2.
  const sameLeg = prev.c2cLeg === next.c2cLeg;
  const merged: CallInfo = {
    ...next,
    callerName: next.callerName || prev.callerName,
    callerPhone: next.callerPhone || prev.callerPhone,
    did: next.did || prev.did,
    direction: next.direction !== 'unknown' ? next.direction : prev.direction,
    startedAt: next.startedAt ?? prev.startedAt,
    answeredAt: sameLeg ? (next.answeredAt ?? prev.answeredAt) : next.answeredAt,
    queueId: next.queueId ?? prev.queueId,
    campaignId: next.campaignId ?? prev.campaignId,
    customData: hasKeys(next.customData) ? next.customData : prev.customData,
    recordingFile: next.recordingFile ?? prev.recordingFile,
  };
  keepSameText(merged, prev, CALL_TEXT);
  return merged;
}

/** Whether an object has an own key (without listing them all). */
function hasKeys(value: Record<string, unknown>): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** Whether a reason says what the call's status is (see `settleReason`). */
function setsStatus(reason: string): boolean {
  return reason === 'HOLD' || reason === 'UNHOLD' || reason === 'ANSWER';
}

/** Writes what HOLD/UNHOLD/ANSWER say into a call object the caller has just made. */
function settleReason(call: CallInfo, reason: string, at: number): void {
  switch (reason) {
    case 'HOLD':
      call.status = 'hold';
      return;
    case 'UNHOLD':
      call.status = 'talking';
      return;
    case 'ANSWER': {
      const live = call.status === 'talking' || call.status === 'hold' || call.status === 'spying';
      if (!live) call.status = 'talking';
      call.answeredAt ??= at;
      return;
    }
  }
}

/** HOLD/UNHOLD/ANSWER say what the status is, whatever a stale payload claims. */
export function applyReason(call: CallInfo, reason: string, at: number): CallInfo {
  if (!setsStatus(reason)) return call;
  const settled = { ...call };
  settleReason(settled, reason, at);
  return settled;
}

/**
 * `applyReason(mergeCall(prev, next), reason, at)` with one new object instead of two: this runs
 * on most call events of every monitored extension.
 */
export function updateCall(
  prev: CallInfo | undefined,
  next: CallInfo,
  reason: string,
  at: number,
): CallInfo {
  // Without a known call the merge is `next` itself, the event's: never written to.
  if (!prev) return applyReason(next, reason, at);
  const merged = mergeCall(prev, next);
  settleReason(merged, reason, at);
  return merged;
}
