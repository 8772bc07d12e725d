/**
 * The real Linux notification path: NodeNotifierNotifier -> node-notifier -> notify-send -> D-Bus.
 * The test owns `org.freedesktop.Notifications` on a private session bus (the test script runs
 * vitest under `dbus-run-session`) and looks at the Notify calls that arrive.
 */
import { spawnSync } from 'node:child_process';
import dbus from 'dbus-next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAlertFor } from '../../../electron/core/calls/call-alerts';
import { NodeNotifierNotifier } from '../../../electron/core/notify/node-notifier-notifier';
import { makeCall } from '../../support/calls';

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

function whyNot(): string | null {
  if (process.platform !== 'linux')
    return `D-Bus notifications are Linux only (this is ${process.platform})`;
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'no session bus (DBUS_SESSION_BUS_ADDRESS is not set); run the suite with `npm test`, which uses dbus-run-session';
  }
  if (spawnSync('which', ['notify-send']).status !== 0)
    return 'notify-send is not installed (apt-get install libnotify-bin)';
  return null;
}
const reason = whyNot();
if (reason) console.warn(`Skipping the D-Bus notification test: ${reason}.`);

interface NotifyCall {
  appName: string;
  replacesId: number;
  summary: string;
  body: string;
  hints: Record<string, unknown>;
  expireTimeout: number;
}

/** A minimal notification server: records every Notify call. */
class RecordingServer extends dbus.interface.Interface {
  readonly calls: NotifyCall[] = [];
  private nextId = 1;

  constructor() {
    super(NAME);
  }

  Notify(
    appName: string,
    replacesId: number,
    _icon: string,
    summary: string,
    body: string,
    _actions: string[],
    hints: Record<string, dbus.Variant>,
    expireTimeout: number,
  ): number {
    const plainHints = Object.fromEntries(
      Object.entries(hints).map(([key, variant]) => [key, variant.value as unknown]),
    );
    this.calls.push({ appName, replacesId, summary, body, hints: plainHints, expireTimeout });
    return replacesId > 0 ? replacesId : this.nextId++;
  }

  GetCapabilities(): string[] {
    return ['body', 'actions'];
  }

  GetServerInformation(): string[] {
    return ['ringside-test-server', 'ringside', '1.0', '1.2'];
  }

  CloseNotification(_id: number): void {}
}
RecordingServer.configureMembers({
  methods: {
    Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
    GetCapabilities: { inSignature: '', outSignature: 'as' },
    GetServerInformation: { inSignature: '', outSignature: 'ssss' },
    CloseNotification: { inSignature: 'u', outSignature: '' },
  },
});

const ringingCall = makeCall({
  ivrid: 'ivr-1700000000.123',
  callerName: 'Test Voicenter',
  callerPhone: '0501234567',
  did: '0722776772',
  startedAt: 1_700_000_000_000,
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('native call alert over D-Bus', () => {
  let bus: dbus.MessageBus | null = null;
  const server = new RecordingServer();

  beforeAll(() => {
    if (!reason) bus = dbus.sessionBus();
  });

  afterAll(() => {
    bus?.disconnect();
  });

  it.skipIf(reason !== null)(
    'rejects in plain words when no notification server is running',
    async () => {
      const notifier = new NodeNotifierNotifier({ appName: 'Ringside' });
      await expect(
        notifier.notify({ id: 'nobody', title: 'Incoming call', body: 'x' }, () => undefined),
      ).rejects.toThrow(/The desktop refused the notification/);
    },
  );

  it.skipIf(reason !== null)(
    'sends the ringing call to the notification server, once per call',
    async () => {
      if (!bus) throw new Error('no bus');
      bus.export(PATH, server);
      expect(await bus.requestName(NAME, 0)).toBe(1); // DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER

      const alert = callAlertFor(ringingCall);
      const notifier = new NodeNotifierNotifier({ appName: 'Ringside', timeoutSeconds: 20 });
      await notifier.notify(alert, () => undefined);
      await until(() => server.calls.length === 1, 'the Notify call');

      const first = server.calls[0];
      expect(first).toMatchObject({
        appName: 'Ringside',
        summary: 'Incoming call',
        expireTimeout: 20_000,
      });
      expect(first?.body).toContain('Test Voicenter 050-123-4567');
      expect(first?.body).toContain('line 072-277-6772');
      expect(first?.hints['x-canonical-private-synchronous']).toBe('ringside-ivr-1700000000.123');

      // The same alert again (a resync re-reports the ring): no second notification.
      await notifier.notify(alert, () => undefined);
      // New words for the same call: sent with the same replacement tag, so the server replaces it.
      await notifier.notify(
        { ...alert, body: 'Test Voicenter 050-123-4567, line 072-277-6772 (queue Sales)' },
        () => undefined,
      );
      await until(() => server.calls.length === 2, 'the replacing Notify call');
      expect(server.calls[1]?.body).toContain('(queue Sales)');
      expect(server.calls[1]?.hints['x-canonical-private-synchronous']).toBe(
        'ringside-ivr-1700000000.123',
      );

      // A different call is its own notification.
      await notifier.notify(
        callAlertFor({ ...ringingCall, ivrid: 'ivr-2', callerName: '' }),
        () => undefined,
      );
      await until(() => server.calls.length === 3, 'the second call');
      expect(server.calls[2]?.hints['x-canonical-private-synchronous']).toBe('ringside-ivr-2');
      expect(server.calls[2]?.body).toContain('050-123-4567');
    },
  );
});
