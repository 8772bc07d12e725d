import type {
  CallInfo,
  CallState,
  ExtensionInfo,
  RealtimeEvent,
} from '../../../../../shared/domain/calls';
import { callStateOf, makeCall, makeExtension } from '../../../../support/calls';

export const SW_ID = '0e9c80d7-a149-4917-892d-420043709f45';
export const SW_ID_2 = '7c1f8a2e-3b4d-4e5f-8a6b-9c0d1e2f3a4b';

export function call(
  ivrid: string,
  customData: Record<string, unknown> = {},
  status: CallInfo['status'] = 'talking',
): CallInfo {
  return makeCall({
    ivrid,
    callerName: 'Dana',
    callerPhone: '+972501234567',
    status,
    startedAt: 1,
    answeredAt: 2,
    customData,
  });
}

/** A state the call store hands out: `calls` oldest change first, own extensions default to 201. */
export function state(
  calls: { extension: string; call: CallInfo }[],
  options: { ownExtensions?: string[]; last?: CallInfo | null } = {},
): CallState {
  return callStateOf({
    ownExtensions: options.ownExtensions ?? ['201'],
    calls,
    lastCall: options.last
      ? { call: options.last, extension: '201', endedAt: 10, outcome: 'answered' }
      : null,
  });
}

export function extension(number: string): ExtensionInfo {
  return makeExtension(number, { statusCode: null, peerStatus: '' });
}

export function extensionEvent(
  reason: string,
  number: string,
  subject: CallInfo,
  at = 1_700_000_000_000,
): RealtimeEvent {
  return {
    kind: 'extension',
    reason,
    at,
    extension: extension(number),
    call: subject,
    hangup:
      reason === 'HANGUP'
        ? { cause: 'Normal hangup', callerId: subject.callerPhone, ivrid: subject.ivrid }
        : null,
  };
}
