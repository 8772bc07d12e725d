/** Builds wire payloads from the state model, in the field order the server uses. */
import { israelOffsetMinutes, toWireEpoch } from './israel-time';
import type { SimCall, SimExtension, SimQueue } from './state';
import type {
  ExtensionReason,
  QueueReason,
  SeedShapedExtensionEvent,
  WireAllExtensionsStatus,
  WireCall,
  WireExtension,
  WireExtensionEvent,
  WireHangupFields,
  WireKeepaliveResponse,
  WireLoginStatus,
  WireLoginSuccess,
  WireQueue,
  WireQueueEvent,
} from './wire-types';

export function serverTime(nowMs: number): { servertime: number; servertimeoffset: number } {
  return { servertime: toWireEpoch(nowMs), servertimeoffset: israelOffsetMinutes(nowMs) };
}

export function wireCall(call: SimCall): WireCall {
  const started = toWireEpoch(call.startedMs);
  const wire: WireCall = {
    callStarted: started,
    calldurationinterval: started,
    callAnswered: call.answeredMs === null ? 0 : toWireEpoch(call.answeredMs),
    answered: call.answeredMs === null ? 0 : 1,
    callername: call.callerName,
    callerphone: call.callerPhone,
    callstatus: call.status,
    customdata: { ...call.customData },
    direction: call.direction,
    ivrid: call.ivrid,
    recording: { Filename: call.recordingFile, IsMuted: 0 },
    did: call.did,
  };
  if (call.c2cDirection !== undefined) wire.c2cdirection = call.c2cDirection;
  if (call.queueId !== undefined) wire.queueID = call.queueId;
  return wire;
}

export function wireExtension(ext: SimExtension, currentCall?: SimCall): WireExtension {
  const loggedOut = ext.representativeStatus === 2;
  const wire: WireExtension = {
    calls: ext.calls.map(wireCall),
    userID: ext.userID,
    userName: ext.userName,
    number: ext.number,
    extenUser: ext.extenUser,
    summery: { representative: ext.userName },
    onlineUserID: ext.userID,
    representative: loggedOut ? 0 : ext.userID,
    representativeStatus: ext.representativeStatus,
    lastCallEventEpoch: toWireEpoch(ext.lastCallEventMs),
    lastAnsweredCallEventEpoch: toWireEpoch(ext.lastAnsweredCallEventMs),
    lastHangupCallEpoch: toWireEpoch(ext.lastHangupCallMs),
    representativeUpdated: ext.representativeUpdatedMs,
    peerStatus: 'OK',
  };
  if (currentCall) wire.currentCall = wireCall(currentCall);
  return wire;
}

export function wireQueue(queue: SimQueue): WireQueue {
  return {
    QueueID: queue.QueueID,
    Calls: queue.calls.map((c) => {
      const joined = toWireEpoch(c.joinedMs);
      return {
        CallerID: c.callerId,
        CallerName: c.callerName,
        IvrUniqueID: c.ivrid,
        JoinTimeStamp: joined,
        calldurationinterval: joined,
        ivrid: c.ivrid,
      };
    }),
    QueueName: queue.QueueName,
  };
}

export function loginSuccess(nowMs: number): WireLoginSuccess {
  return { errorCode: 0, errorDesc: 'OK', ...serverTime(nowMs) };
}

export function loginStatus(nowMs: number, queues: SimQueue[]): WireLoginStatus {
  return { errorCode: 0, errorDesc: 'OK', ...serverTime(nowMs), queues: queues.map(wireQueue) };
}

export function allExtensionsStatus(
  nowMs: number,
  extensions: SimExtension[],
): WireAllExtensionsStatus {
  return {
    errorCode: 0,
    ...serverTime(nowMs),
    extensions: extensions.map((e) => wireExtension(e)),
  };
}

export interface ExtensionEventInput {
  nowMs: number;
  reason: ExtensionReason;
  extension: SimExtension;
  currentCall?: SimCall;
  hangup?: WireHangupFields;
  /** Emit the seed page's wrong nested shape (tolerance tests only). */
  seedShaped?: boolean;
}

export function extensionEvent(
  input: ExtensionEventInput,
): WireExtensionEvent | SeedShapedExtensionEvent {
  const data = wireExtension(input.extension, input.currentCall);
  const head = { eventName: 'extension' as const, reason: input.reason };
  const time = serverTime(input.nowMs);
  // The seed nests only its call examples; its userStatusUpdate example is top-level.
  if (input.seedShaped && input.reason !== 'userStatusUpdate') {
    return { data: { ...head, ...input.hangup, ...time, ...data } };
  }
  return { ...head, ...input.hangup, ...time, data };
}

export function queueEvent(
  nowMs: number,
  reason: QueueReason,
  queue: SimQueue,
  ivrid: string,
): WireQueueEvent {
  const time = serverTime(nowMs);
  return {
    data: wireQueue(queue),
    eventName: 'queue',
    reason,
    ...time,
    telephonyservertime: time.servertime,
    ivruniqueid: ivrid,
  };
}

export function keepaliveResponse(
  ok: boolean,
  desc = ok ? 'OK' : 'Bad token',
): WireKeepaliveResponse {
  return ok
    ? { errorCode: 0, errorDesc: 'OK', isOk: true }
    : { errorCode: 1, errorDesc: desc, isOk: false };
}
