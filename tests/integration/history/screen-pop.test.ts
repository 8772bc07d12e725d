/**
 * Who is calling, through the whole core: a caller's earlier call from the history and their
 * Rocket.Chat visitor (the simulator on 127.0.0.1) reach the window's view, and the alert gets a
 * line about the earlier call without waiting for Rocket.Chat. Real settings and secret stores in
 * memory, the real history in a temporary folder; fakes only for the notifier and the cipher,
 * which the hosts take from the OS, and a Voicenter client fed by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInfo, RealtimeEvent } from '../../../shared/domain/calls';
import type { RingsideCore } from '../../../electron/core/types';
import { SettingsStore } from '../../../electron/core/settings';
import { startRocketChatSim, type RocketChatSim } from '../../../electron/sim/rocketchat';
import { makeCall, makeExtension } from '../../support/calls';
import { coreForTest, HandFedClient, RecordingNotifier } from '../../support/core-fakes';
import { MemoryBackend } from '../../support/memory-backend';
import { useTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

const OWN = '101';

function event(reason: string, call: CallInfo, cause?: string): RealtimeEvent {
  const ended = reason === 'HANGUP';
  return {
    kind: 'extension',
    reason,
    at: Date.now(),
    extension: makeExtension(OWN, { calls: ended ? [] : [call] }),
    call,
    hangup: ended
      ? { cause: cause ?? 'Normal hangup', callerId: call.callerPhone, ivrid: call.ivrid }
      : null,
  };
}

describe('who is calling, through the core', () => {
  const dataDir = useTempDir('ringside-screen-pop-');
  let rocketchat: RocketChatSim;
  let notifier: RecordingNotifier;
  let client: HandFedClient;
  let core: RingsideCore;

  beforeEach(async () => {
    rocketchat = await startRocketChatSim({
      visitors: [{ token: 'v-dana', name: 'Dana Levi', phone: '0501234567' }],
    });
    const settings = new SettingsStore(
      new MemoryBackend({
        version: 1,
        app: { mode: 'account' },
        voicenter: { loginType: 'user', identity: 'agent@example.com', ownExtensions: [OWN] },
      }),
    );
    notifier = new RecordingNotifier();
    core = coreForTest({
      settings,
      notifier,
      dataDir: dataDir(),
      voicenterClient: () => (client = new HandFedClient()),
    });
    await core.start();
    const { agent } = rocketchat.users;
    await core.handlers.rocketChatSignIn({
      serverUrl: rocketchat.url,
      username: agent.username,
      password: agent.password,
    });
  });

  afterEach(async () => {
    await core.stop();
    await rocketchat.stop();
  });

  it('shows the earlier call and the visitor, and the alert says the caller called before', async () => {
    const first = makeCall({
      ivrid: 'C-1',
      callerName: 'Dana',
      callerPhone: '972501234567',
      status: 'ringing',
    });
    client.emit(event('NEWCALL', first));
    client.emit(event('HANGUP', { ...first, status: 'ended' }, 'User alerting, no answer'));
    await waitFor(() => core.view().history.total === 1, 10_000, 'the missed call in the history');
    expect(notifier.shown[0]?.body).not.toMatch(/before/);
    // One "seen" clears the history's count and the dock and tray badge together.
    expect(core.view().history.missedUnseen).toBe(1);
    expect(core.view().desktop.missed.count).toBe(1);
    await core.handlers.markHistorySeen();
    expect(core.view().history.missedUnseen).toBe(0);
    expect(core.view().desktop.missed.count).toBe(0);

    const second = makeCall({
      ivrid: 'C-2',
      callerName: 'Dana',
      callerPhone: '0501234567',
      status: 'ringing',
      customData: { order_id: 'A-17' },
    });
    client.emit(event('NEWCALL', second));
    // The alert went out at once, with what the history knew.
    expect(notifier.shown.at(-1)?.body).toContain('Called once before, last: missed');

    await waitFor(
      () =>
        core
          .view()
          .history.callers.some((c) => c.ivrid === 'C-2' && c.rocketchat.status === 'found'),
      10_000,
      'the visitor found',
    );
    const info = core.view().history.callers.find((c) => c.ivrid === 'C-2');
    expect(info).toMatchObject({
      phoneKey: '+972501234567',
      previousTotal: 1,
      previous: [{ ivrid: 'C-1', outcome: 'missed' }],
      rocketchat: { status: 'found', name: 'Dana Levi' },
      extras: [{ label: 'Order id', value: 'A-17' }],
    });
  });
});
