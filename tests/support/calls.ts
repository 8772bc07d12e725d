/**
 * Test factories for the call domain. Every field has a plain default (a ringing incoming call, an
 * idle extension with no user, a missed call on extension 1), so a test spells out only the fields
 * it is about.
 */
import type { CallInfo, ExtensionInfo, RecentCall } from '../../shared/domain/calls';

export function makeCall(patch: Partial<CallInfo> = {}): CallInfo {
  return {
    ivrid: 'call-1',
    callerName: '',
    callerPhone: '',
    did: '',
    direction: 'incoming',
    c2cLeg: null,
    status: 'ringing',
    startedAt: 1_000,
    answeredAt: null,
    queueId: null,
    campaignId: null,
    customData: {},
    recordingFile: null,
    ...patch,
  };
}

export function makeExtension(number: string, patch: Partial<ExtensionInfo> = {}): ExtensionInfo {
  return {
    number,
    userId: null,
    userName: '',
    sipUser: '',
    onlineUserId: null,
    representativeName: '',
    statusCode: 1,
    statusUpdatedAt: null,
    peerStatus: 'OK',
    calls: [],
    ...patch,
  };
}

export function makeRecent(patch: Partial<RecentCall> = {}): RecentCall {
  return {
    ivrid: 'call-1',
    extension: '1',
    callerName: '',
    callerPhone: '',
    did: '',
    direction: 'incoming',
    startedAt: null,
    answeredAt: null,
    endedAt: 1,
    outcome: 'missed',
    cause: '',
    queueId: null,
    ...patch,
  };
}
