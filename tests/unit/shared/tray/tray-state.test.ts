import { describe, expect, it } from 'vitest';
import type { ActiveCall, CallStatus } from '../../../../shared/domain/calls';
import type { ConnectionState } from '../../../../shared/domain/connection';
import type { AppSnapshot } from '../../../../shared/ipc/snapshot';
import { trayStateOf } from '../../../../shared/tray/tray-state';
import { callsView } from '../../../../shared/calls/view';
import { callStateOf, makeCall } from '../../../support/calls';
import { desktopView } from '../../../support/desktop';

const NOW = 1_700_000_000_000;

function snapshot(options: {
  mode?: AppSnapshot['mode'];
  state?: ConnectionState;
  call?: { status: CallStatus; name?: string; phone?: string } | null;
  lastEventAt?: number | null;
  alertsEnabled?: boolean;
  alertsAvailable?: boolean;
}): AppSnapshot {
  const current: ActiveCall | null = options.call
    ? {
        extension: '201',
        call: makeCall({
          ivrid: 'ivr-1',
          callerName: options.call.name ?? 'Test Voicenter',
          callerPhone: options.call.phone ?? '0501234567',
          status: options.call.status,
          startedAt: NOW - 5_000,
        }),
      }
    : null;
  return {
    mode: options.mode ?? 'account',
    connection: {
      state: options.state ?? {
        status: 'connected',
        server: 'https://monitor1.example',
        since: NOW - 60_000,
      },
      lastEventAt: options.lastEventAt === undefined ? NOW - 1_000 : options.lastEventAt,
      tokenExpiresAt: null,
      malformedEvents: 0,
    },
    calls: callsView(callStateOf({ ownExtensions: ['201'], calls: current ? [current] : [] })),
    recent: [],
    settings: {
      voicenter: {
        loginType: 'user',
        identity: 'a@b.c',
        loginBaseUrl: 'https://x',
        hasSecret: true,
        ownExtensions: ['201'],
      },
      notifications: { enabled: options.alertsEnabled ?? true, focusWindowOnRing: false },
      demo: { enabled: false, scenario: 'demo-loop' },
    },
    notices: [],
    notificationsAvailable: options.alertsAvailable ?? true,
    rocketchat: { configured: false } as AppSnapshot['rocketchat'],
    signalwire: { configured: false } as AppSnapshot['signalwire'],
    outbox: { items: [] },
    desktop: desktopView(),
    history: {
      total: 0,
      missedUnseen: 0,
      revision: 0,
      callers: [],
      queueAlerts: { alertWaitSeconds: 0, alertWaitingCount: 0, breaches: [] },
    },
    now: NOW,
  };
}

describe('trayStateOf', () => {
  it.each<[string, Parameters<typeof snapshot>[0], string, string]>([
    ['connected', {}, 'connected', 'Connected'],
    ['connected to the demo', { mode: 'demo' }, 'connected', 'Connected (demo)'],
    [
      'connecting',
      { state: { status: 'connecting', server: null, attempt: 1 } },
      'connecting',
      'Connecting…',
    ],
    [
      'retrying',
      { state: { status: 'connecting', server: null, attempt: 3 } },
      'connecting',
      'Connecting… (attempt 3)',
    ],
    [
      'offline with a retry',
      {
        state: { status: 'offline', reason: 'no network', nextRetryAt: NOW + 12_000, fatal: false },
      },
      'offline',
      'Offline: no network, retrying in 12 s',
    ],
    [
      'offline for good',
      { state: { status: 'offline', reason: 'wrong password', nextRetryAt: null, fatal: true } },
      'offline',
      'Offline: wrong password',
    ],
    ['not started', { state: { status: 'idle' } }, 'offline', 'Not connected'],
    ['signed out', { mode: 'signed-out', state: { status: 'idle' } }, 'offline', 'Signed out'],
    ['ringing', { call: { status: 'ringing' } }, 'ringing', 'Ringing: Test Voicenter 050-123-4567'],
    [
      'ringing, number only',
      { call: { status: 'ringing', name: '' } },
      'ringing',
      'Ringing: 050-123-4567',
    ],
    [
      'talking',
      { call: { status: 'talking' } },
      'in-call',
      'On a call with Test Voicenter 050-123-4567',
    ],
    ['on hold', { call: { status: 'hold' } }, 'in-call', 'On hold: Test Voicenter 050-123-4567'],
    ['a call just ended', { call: { status: 'ended' } }, 'connected', 'Connected'],
    [
      'a stale call while offline',
      {
        call: { status: 'talking' },
        state: { status: 'offline', reason: 'sleep', nextRetryAt: NOW, fatal: false },
      },
      'offline',
      'Offline: sleep, retrying now',
    ],
  ])('%s', (_name, options, kind, headline) => {
    const state = trayStateOf(snapshot(options));
    expect(state.kind).toBe(kind);
    expect(state.lines[0]).toBe(headline);
    expect(state.tooltip.startsWith(`Ringside\n${headline}`)).toBe(true);
  });

  it('says when a connected link has been quiet for a long time', () => {
    expect(trayStateOf(snapshot({ lastEventAt: NOW - 7 * 60_000 })).lines).toEqual([
      'Connected',
      'Last event 7 min ago',
    ]);
    expect(trayStateOf(snapshot({ lastEventAt: NOW - 60_000 })).lines).toEqual(['Connected']);
  });

  it('says when call alerts are off or unavailable', () => {
    expect(trayStateOf(snapshot({ alertsEnabled: false })).lines).toContain(
      'Call alerts are turned off',
    );
    expect(trayStateOf(snapshot({ alertsAvailable: false })).lines).toContain(
      'Desktop alerts are not available',
    );
  });

  it('keeps the tooltip within the 127 characters Windows shows', () => {
    const long = trayStateOf(snapshot({ call: { status: 'ringing', name: 'A'.repeat(200) } }));
    expect(long.tooltip.length).toBe(127);
    expect(long.tooltip.endsWith('…')).toBe(true);
  });
  it('shows missed calls as their own look while connected, and never over a ring or an outage', () => {
    const missed = { ...snapshot({}), desktop: desktopView({ missed: { count: 2, label: '2' } }) };
    expect(trayStateOf(missed)).toMatchObject({ kind: 'missed' });
    expect(trayStateOf(missed).lines).toContain('2 missed calls');
    const ringing = { ...snapshot({ call: { status: 'ringing' } }), desktop: missed.desktop };
    expect(trayStateOf(ringing).kind).toBe('ringing');
    const offline = {
      ...snapshot({
        state: { status: 'offline', reason: 'sleep', nextRetryAt: null, fatal: true },
      }),
      desktop: missed.desktop,
    };
    expect(trayStateOf(offline).kind).toBe('offline');
  });

  it('tells the server, since when and who waits in the tooltip', () => {
    const base = snapshot({});
    const withQueue = {
      ...base,
      calls: {
        ...base.calls,
        queues: {
          '7': {
            id: 7,
            name: 'Sales',
            calls: [{}, {}] as unknown as AppSnapshot['calls']['queues'][string]['calls'],
          },
        },
      },
    };
    const since = new Date(NOW - 60_000);
    const hhmm = `${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`;
    const tooltip = trayStateOf(withQueue).tooltip;
    expect(tooltip).toContain(`monitor1.example since ${hhmm}`);
    expect(tooltip).toContain('2 callers waiting');
  });

  it('says do-not-disturb, and what keeps alerts from the desktop, with the alert mode for the menu', () => {
    const dnd = { ...snapshot({}), desktop: desktopView({ dnd: { active: true, until: null } }) };
    expect(trayStateOf(dnd).lines).toContain('Do not disturb until you turn it off');
    const noService = {
      ...snapshot({ alertsAvailable: false }),
      desktop: desktopView({
        alertMode: 'notify-and-focus',
        notifications: { status: 'no-service', text: '…', trayLine: 'No notification service' },
      }),
    };
    expect(trayStateOf(noService)).toMatchObject({ alertMode: 'notify-and-focus' });
    expect(trayStateOf(noService).lines).toContain('No notification service');
  });
});
