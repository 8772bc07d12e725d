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
    customData: Object.keys(next.customData).length > 0 ? next.customData : prev.customData,
    recordingFile: next.recordingFile ?? prev.recordingFile,
  };
  keepSameText(merged, prev, CALL_TEXT);
  return merged;
}

/** HOLD/UNHOLD/ANSWER say what the status is, whatever a stale payload claims. */
export function applyReason(call: CallInfo, reason: string, at: number): CallInfo {
  switch (reason) {
    case 'HOLD':
      return { ...call, status: 'hold' };
    case 'UNHOLD':
      return { ...call, status: 'talking' };
    case 'ANSWER': {
      const live = call.status === 'talking' || call.status === 'hold' || call.status === 'spying';
      return { ...call, status: live ? call.status : 'talking', answeredAt: call.answeredAt ?? at };
    }
    default:
      return call;
  }
}
