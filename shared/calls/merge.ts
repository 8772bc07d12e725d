/**
 * How one update to a known call combines with what is already known about it.
 */
import type { CallInfo } from '../domain/calls';

/**
 * Merges an update into a known call object, in place: wire fields that went blank keep their
 * last value. A field is written only when its value changes, so the call keeps its own copies
 * of unchanged text and times (the update's copies die young) and an old call object is not
 * made to point at new ones for nothing.
 */
export function mergeInto(call: CallInfo, next: CallInfo): void {
  // A new click2call leg starts unanswered: leg 1's answer time must not count for leg 2.
  const answeredAt =
    call.c2cLeg === next.c2cLeg ? (next.answeredAt ?? call.answeredAt) : next.answeredAt;
  if (next.callerName !== '' && next.callerName !== call.callerName) {
    call.callerName = next.callerName;
  }
  if (next.callerPhone !== '' && next.callerPhone !== call.callerPhone) {
    call.callerPhone = next.callerPhone;
  }
  if (next.did !== '' && next.did !== call.did) call.did = next.did;
  if (next.direction !== 'unknown' && next.direction !== call.direction) {
    call.direction = next.direction;
  }
  if (next.c2cLeg !== call.c2cLeg) call.c2cLeg = next.c2cLeg;
  if (next.status !== call.status) call.status = next.status;
  if (next.startedAt !== null && next.startedAt !== call.startedAt) call.startedAt = next.startedAt;
  if (answeredAt !== call.answeredAt) call.answeredAt = answeredAt;
  if (next.queueId !== null && next.queueId !== call.queueId) call.queueId = next.queueId;
  if (next.campaignId !== null && next.campaignId !== call.campaignId) {
    call.campaignId = next.campaignId;
  }
  if (hasKeys(next.customData)) call.customData = next.customData;
  if (next.recordingFile !== null && next.recordingFile !== call.recordingFile) {
    call.recordingFile = next.recordingFile;
  }
}

/** Merges an update into the known call, as a new object (see `mergeInto`). */
export function mergeCall(prev: CallInfo | undefined, next: CallInfo): CallInfo {
  if (!prev) return next;
  const merged = { ...prev };
  mergeInto(merged, next);
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

/** Writes what HOLD/UNHOLD/ANSWER say into a call object the caller may change. */
export function settleReason(call: CallInfo, reason: string, at: number): void {
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
