import { describe, expect, it } from 'vitest';
import {
  DEMO_PRESETS,
  SignalWireDemoOverlay,
} from '../../../../../electron/core/integrations/signalwire/demo';
import { signalWireSettingsFrom } from '../../../../../electron/core/integrations/signalwire/ports';
import { SecretStore, SettingsStore } from '../../../../../electron/core/settings';
import {
  SIGNALWIRE_API_TOKEN,
  SIGNALWIRE_RELAY_TOKEN,
} from '../../../../../electron/core/settings/sections/signalwire';
import { fakeCipher } from '../../../../support/fake-cipher';
import { MemoryBackend } from '../../../../support/memory-backend';

function stores(signalwire: Record<string, unknown>) {
  const settings = new SettingsStore(new MemoryBackend({ version: 1, signalwire }));
  const secrets = new SecretStore(new MemoryBackend(), fakeCipher);
  const overlay = new SignalWireDemoOverlay({
    settings: signalWireSettingsFrom(settings),
    secrets,
  });
  return { settings, secrets, overlay };
}

const demo = { baseUrl: 'http://127.0.0.1:4100', projectId: 'demo-project', token: 'demo-token' };

describe('SignalWireDemoOverlay', () => {
  it('answers with the demo’s connection while it runs, and the agent’s own after', () => {
    const { overlay, secrets } = stores({
      authMode: 'relay',
      relayUrl: 'https://relay.example.com',
    });
    secrets.set(SIGNALWIRE_RELAY_TOKEN, 'relay-token');
    overlay.enter(demo);
    expect(overlay.current).toEqual(demo);
    expect(overlay.settings.get()).toMatchObject({
      authMode: 'token',
      space: demo.baseUrl,
      projectId: demo.projectId,
      relayUrl: '',
    });
    expect(overlay.secrets.get(SIGNALWIRE_API_TOKEN)).toBe('demo-token');
    expect(overlay.secrets.get(SIGNALWIRE_RELAY_TOKEN)).toBeNull();

    expect(overlay.leave()).toBe(true);
    expect(overlay.settings.get()).toMatchObject({
      authMode: 'relay',
      relayUrl: 'https://relay.example.com',
    });
    expect(overlay.secrets.get(SIGNALWIRE_RELAY_TOKEN)).toBe('relay-token');
    expect(overlay.secrets.get(SIGNALWIRE_API_TOKEN)).toBeNull();
  });

  it('offers the demo presets only where the agent has none of their own', () => {
    const none = stores({});
    none.overlay.enter(demo);
    expect(none.overlay.settings.get().presets).toEqual(DEMO_PRESETS);

    const own = [{ label: 'Callback', event: { type: 'callback.booked' } }];
    const mine = stores({ presets: own });
    mine.overlay.enter(demo);
    expect(mine.overlay.settings.get().presets).toEqual(own);
  });

  it('stores the agent’s preferences during the demo, never the demo’s connection', () => {
    const { overlay, settings, secrets } = stores({});
    overlay.enter(demo);
    overlay.settings.update({ mirrorCallEvents: true });
    expect(settings.get().signalwire).toMatchObject({
      mirrorCallEvents: true,
      space: '',
      projectId: '',
    });
    expect(secrets.get(SIGNALWIRE_API_TOKEN)).toBeNull();
  });
});
