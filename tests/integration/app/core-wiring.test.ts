/**
 * The core's wiring (`createRingsideCore`): one own call, fed in through the Voicenter client the
 * host may hand in, reaches every follower the core promises (the notifier, the window's updates,
 * Rocket.Chat's rooms, SignalWire's links), and `stop()` lets go of everything the core took from
 * the host. Real settings and secret stores (in memory), the real outbox in a temporary folder,
 * the Rocket.Chat and SignalWire simulators on 127.0.0.1; fakes only for the notifier and the
 * secret cipher, which the hosts take from the OS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallInfo, RealtimeEvent } from '../../../shared/domain/calls';
import type { AppUpdate } from '../../../shared/ipc/snapshot';
import type { RingsideCore } from '../../../electron/core/types';
import { SettingsStore } from '../../../electron/core/settings';
import type { SettingsListener } from '../../../electron/core/settings/settings-store';
import { startRocketChatSim, type RocketChatSim } from '../../../electron/sim/rocketchat';
import { startSignalWireSim, type SignalWireSim } from '../../../electron/sim/signalwire';
import { makeCall, makeExtension } from '../../support/calls';
import { coreForTest, HandFedClient, RecordingNotifier } from '../../support/core-fakes';
import { MemoryBackend } from '../../support/memory-backend';
import { useTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

const OWN = '101';
const SW_CALL = '0e9c80d7-a149-4917-892d-420043709f45';

/** The host's settings store, counting who listens to it. */
class CountedSettings extends SettingsStore {
  listening = 0;
  override onChange(listener: SettingsListener): () => void {
    this.listening += 1;
    const off = super.onChange(listener);
    let done = false;
    return () => {
      if (!done) this.listening -= 1;
      done = true;
      off();
    };
  }
}

const ownCall = (patch: Partial<CallInfo>): CallInfo =>
  makeCall({
    ivrid: 'OWN-1',
    callerName: 'Dana',
    callerPhone: '0501234567',
    customData: { signalwire_call_id: SW_CALL },
    ...patch,
  });

const onOwnExtension = (reason: string, call: CallInfo): RealtimeEvent => ({
  kind: 'extension',
  reason,
  at: Date.now(),
  extension: makeExtension(OWN, { calls: [call] }),
  call,
  hangup: null,
});

describe('createRingsideCore: the wiring', () => {
  const dataDir = useTempDir('ringside-compose-');
  let rocketchat: RocketChatSim;
  let signalwire: SignalWireSim;
  let settings: CountedSettings;
  let notifier: RecordingNotifier;
  let clients: HandFedClient[];
  let core: RingsideCore;
  let stopped: boolean;

  beforeEach(async () => {
    rocketchat = await startRocketChatSim({});
    signalwire = await startSignalWireSim({ acceptUnknownCalls: true });
    settings = new CountedSettings(
      new MemoryBackend({
        version: 1,
        app: { mode: 'account' },
        voicenter: { loginType: 'user', identity: 'agent@example.com', ownExtensions: [OWN] },
        rocketchat: { autoOpenRoom: true },
      }),
    );
    notifier = new RecordingNotifier();
    clients = [];
    stopped = false;
    core = coreForTest({
      settings,
      notifier,
      dataDir: dataDir(),
      voicenterClient: (credentials) => {
        const client = new HandFedClient(credentials);
        clients.push(client);
        return client;
      },
      signalwireLoopbackHttp: true,
    });
    await core.start();
    const { agent } = rocketchat.users;
    await core.handlers.rocketChatSignIn({
      serverUrl: rocketchat.url,
      username: agent.username,
      password: agent.password,
    });
    await core.handlers.configureSignalWire({
      mode: 'token',
      space: signalwire.baseUrl,
      projectId: signalwire.projectId,
      apiToken: signalwire.token,
    });
  });

  afterEach(async () => {
    if (!stopped) await core.stop();
    await Promise.all([rocketchat.stop(), signalwire.stop()]);
  });

  function voicenter(): HandFedClient {
    const client = clients.at(-1);
    if (!client) throw new Error('the core built no Voicenter client');
    return client;
  }

  it('signs in to Voicenter with the stored account through the client the host hands in', () => {
    expect(clients).toHaveLength(1);
    expect(voicenter().credentials).toMatchObject({
      loginType: 'user',
      identity: 'agent@example.com',
      secret: '1234',
    });
  });

  it('hands an own call to the notifier, the window, Rocket.Chat and SignalWire', async () => {
    const updates: AppUpdate[] = [];
    core.onUpdate((update) => updates.push(update));
    const client = voicenter();
    client.emit({ kind: 'extensionsSnapshot', at: Date.now(), extensions: [makeExtension(OWN)] });

    client.emit(onOwnExtension('NEWCALL', ownCall({ status: 'ringing' })));
    // The alert does not wait for the followers or the window.
    expect(notifier.shown.map((alert) => alert.id)).toEqual(['OWN-1']);

    client.emit(onOwnExtension('ANSWER', ownCall({ status: 'talking', answeredAt: Date.now() })));
    expect(notifier.dismissed).toContain('OWN-1');

    await waitFor(
      () => updates.some((update) => update.view.calls?.currentCall?.call.ivrid === 'OWN-1'),
      20_000,
      'the window told of the call',
    );
    await waitFor(
      () => core.view().rocketchat.rooms.some((room) => room.ivrid === 'OWN-1' && room.open),
      20_000,
      'the call’s Rocket.Chat room open',
    );
    expect(rocketchat.rooms()).toHaveLength(1);
    expect(core.view().signalwire.calls).toMatchObject([
      { ivrid: 'OWN-1', signalwireCallId: SW_CALL },
    ]);
  });

  it('lets go on stop of the Voicenter client and the host’s settings store', async () => {
    expect(settings.listening).toBeGreaterThan(0);
    const client = voicenter();
    await core.stop();
    stopped = true;
    expect(client.stopped).toBe(true);
    expect(client.listeners.event.size).toBe(0);
    expect(client.listeners.state.size).toBe(0);
    expect(settings.listening).toBe(0);
  });
});
