/**
 * Views as main sends them, for the component tests: a signed-in demo agent on extension 101 with
 * no call, Rocket.Chat and SignalWire not set up. A test replaces the parts it is about.
 */
import type { ActiveCall } from '@shared/domain/calls';
import type { RocketChatView, RoomView } from '@shared/ipc/rocketchat';
import type { SignalWireView } from '@shared/ipc/signalwire';
import type { AppSnapshot, CallsView } from '@shared/ipc/snapshot';
import { makeCall } from '@tests/support/calls';
import { desktopView } from '@tests/support/desktop';
import { historyView } from '@tests/support/history';

/** 2026-03-01 10:00:00 UTC: main's clock in every view. */
export const NOW = Date.UTC(2026, 2, 1, 10, 0, 0);

export function makeCalls(patch: Partial<CallsView> = {}): CallsView {
  return {
    ownExtensions: ['101'],
    own: [],
    currentCall: null,
    lastCall: null,
    queues: {},
    ...patch,
  };
}

/** A call on the agent's extension 101, answered 75 s ago, talking. */
export function talkingCall(patch: Parameters<typeof makeCall>[0] = {}): ActiveCall {
  return {
    extension: '101',
    call: makeCall({
      ivrid: 'call-7',
      callerName: 'Dana Levi',
      callerPhone: '0501234567',
      did: '037654321',
      status: 'talking',
      startedAt: NOW - 90_000,
      answeredAt: NOW - 75_000,
      ...patch,
    }),
  };
}

export function makeRocketChat(patch: Partial<RocketChatView> = {}): RocketChatView {
  return {
    configured: false,
    status: 'signed-out',
    server: null,
    signedInAs: null,
    lastUsername: '',
    settings: { autoOpenRoom: false, keepInStep: true, defaultTags: [] },
    notices: [],
    rooms: [],
    pendingWrapUps: [],
    ...patch,
  };
}

/** Signed in as an omnichannel agent on chat.example.com. */
export function signedInRocketChat(patch: Partial<RocketChatView> = {}): RocketChatView {
  return makeRocketChat({
    configured: true,
    status: 'signed-in',
    server: { url: 'https://chat.example.com', version: '7.4.0', voipSupported: true },
    signedInAs: { userId: 'u1', username: 'alice', name: 'Alice', isAgent: true },
    lastUsername: 'alice',
    ...patch,
  });
}

export function makeRoom(patch: Partial<RoomView> = {}): RoomView {
  return {
    ivrid: 'call-7',
    rid: 'room-1',
    direction: 'inbound',
    callerPhone: '0501234567',
    visitorName: 'Dana Levi',
    agent: 'alice',
    open: true,
    status: 'open',
    link: 'https://chat.example.com/live/room-1',
    lastError: null,
    callActive: true,
    held: false,
    ended: false,
    endUnknown: false,
    needsWrapUp: false,
    waitingFor: null,
    ...patch,
  };
}

export function makeSignalWire(patch: Partial<SignalWireView> = {}): SignalWireView {
  return {
    configured: false,
    mode: null,
    target: '',
    projectId: '',
    relayUrl: '',
    hasToken: false,
    customDataKey: 'signalwire_call_id',
    mirrorCallEvents: false,
    presets: [],
    calls: [],
    history: [],
    test: null,
    ...patch,
  };
}

export function makeSnapshot(patch: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    mode: 'demo',
    connection: {
      state: { status: 'connected', server: 'http://127.0.0.1:4000', since: NOW - 60_000 },
      lastEventAt: NOW - 2_000,
      tokenExpiresAt: null,
      malformedEvents: 0,
    },
    calls: makeCalls(),
    recent: [],
    settings: {
      voicenter: {
        loginType: 'user',
        identity: '',
        loginBaseUrl: '',
        hasSecret: false,
        ownExtensions: ['101'],
      },
      notifications: { enabled: true, focusWindowOnRing: false },
      demo: { enabled: true, scenario: 'demo-loop' },
    },
    notices: [],
    notificationsAvailable: true,
    rocketchat: makeRocketChat(),
    signalwire: makeSignalWire(),
    outbox: { items: [] },
    desktop: desktopView({ desktopApp: false }),
    history: historyView(),
    now: NOW,
    ...patch,
  };
}
