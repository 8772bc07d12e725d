import { describe, expect, it } from 'vitest';
import type { ActiveCall } from '@shared/domain/calls';
import type { AppSnapshot } from '@shared/ipc/snapshot';
import { FSI, PDI, say } from '@shared/messages/translate';
import { trayStateOf } from '@shared/tray/tray-state';
import { callsView } from '@shared/calls/view';
import { callAlertFor } from '@core/calls/call-alerts';
import { callStateOf, makeCall } from '@tests/support/calls';
import { desktopView } from '@tests/support/desktop';
import { historyView } from '@tests/support/history';

// Notifications and the tray speak the agent's language; their names and numbers are isolated
// (FSI … PDI), since a notification is plain text with no <bdi> to lean on.
const NOW = 1_700_000_000_000;
const ringing = makeCall({
  ivrid: 'ivr-1',
  callerName: 'Test Voicenter',
  callerPhone: '0501234567',
  did: '0722776772',
  status: 'ringing',
  startedAt: NOW - 5_000,
});

function snapshot(
  state: AppSnapshot['connection']['state'],
  call: ActiveCall | null,
  offlineSays?: AppSnapshot['connection']['offlineSays'],
): AppSnapshot {
  return {
    mode: 'demo',
    connection: {
      state,
      lastEventAt: NOW - 1_000,
      tokenExpiresAt: null,
      malformedEvents: 0,
      ...(offlineSays ? { offlineSays } : {}),
    },
    calls: callsView(callStateOf({ ownExtensions: ['201'], calls: call ? [call] : [] })),
    recent: [],
    settings: {
      voicenter: {
        loginType: 'user',
        identity: '',
        loginBaseUrl: 'https://x',
        hasSecret: false,
        ownExtensions: ['201'],
      },
      notifications: { enabled: true, focusWindowOnRing: false },
      demo: { enabled: true, scenario: 'demo-loop' },
    },
    notices: [],
    notificationsAvailable: true,
    rocketchat: { configured: false } as AppSnapshot['rocketchat'],
    signalwire: { configured: false } as AppSnapshot['signalwire'],
    outbox: { items: [] },
    desktop: desktopView(),
    history: historyView(),
    now: NOW,
  };
}

/** Latin words outside isolated runs: what would be English in a Hebrew line. */
const strayLatin = (text: string): string[] =>
  text
    .replace(new RegExp(`${FSI}[^${PDI}]*${PDI}`, 'g'), '')
    .match(/[A-Za-z]+/g)
    ?.filter((word) => word !== 'Ringside') ?? [];

describe('a ringing call’s notification', () => {
  it('is Hebrew with the caller and the line isolated', () => {
    const alert = callAlertFor(ringing, 'he');
    expect(alert.title).toBe('שיחה נכנסת');
    expect(alert.body).toBe(
      `${FSI}Test Voicenter${PDI} ${FSI}050-123-4567${PDI}, קו ${FSI}072-277-6772${PDI}`,
    );
    expect(strayLatin(alert.body)).toEqual([]);
  });

  it('isolates a Hebrew caller name in an English notification', () => {
    expect(callAlertFor(ringing, 'en').body).toBe('Test Voicenter 050-123-4567, line 072-277-6772');
    expect(callAlertFor({ ...ringing, callerName: 'ישראל ישראלי' }, 'en').body).toBe(
      `${FSI}ישראל ישראלי${PDI} 050-123-4567, line 072-277-6772`,
    );
  });
});

describe('the tray in Hebrew', () => {
  it('says a call rings, with the menu in Hebrew', () => {
    const tray = trayStateOf(
      snapshot(
        { status: 'connected', server: 'https://rt.example', since: NOW - 60_000 },
        {
          extension: '201',
          call: ringing,
        },
      ),
      'he',
    );
    expect(tray.lines[0]).toBe(`מצלצל: ${FSI}Test Voicenter${PDI} ${FSI}050-123-4567${PDI}`);
    expect(tray.menu).toEqual({ show: 'הצגת Ringside', quit: 'יציאה מ-Ringside' });
    expect(tray.lines.flatMap(strayLatin)).toEqual([]);
  });

  it('gives main’s offline reason in Hebrew, with the wait by Hebrew plural rules', () => {
    const tray = trayStateOf(
      snapshot(
        {
          status: 'offline',
          reason: 'The connection to rt.example dropped',
          nextRetryAt: NOW + 2 * 60_000,
          fatal: false,
        },
        null,
        say('connection.dropped', { host: 'rt.example' }),
      ),
      'he',
    );
    expect(tray.lines[0]).toBe(
      `לא מקוון (הדגמה): החיבור אל ${FSI}rt.example${PDI} נותק, מנסה שוב בעוד שתי דקות`,
    );
    expect(strayLatin(tray.tooltip)).toEqual([]);
  });
});
