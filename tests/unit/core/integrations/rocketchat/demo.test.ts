import { describe, expect, it } from 'vitest';
import { RocketChatDemoOverlay } from '../../../../../electron/core/integrations/rocketchat/demo';
import { rocketChatSettingsFrom } from '../../../../../electron/core/integrations/rocketchat/ports';
import { SecretStore, SettingsStore } from '../../../../../electron/core/settings';
import { ROCKETCHAT_AUTH_TOKEN } from '../../../../../electron/core/settings/sections/rocketchat';
import { fakeCipher } from '../../../../support/fake-cipher';
import { MemoryBackend } from '../../../../support/memory-backend';

function stores() {
  const settings = new SettingsStore(
    new MemoryBackend({
      version: 1,
      rocketchat: {
        serverUrl: 'https://chat.example.com',
        username: 'dana',
        userId: 'u1',
        authKind: 'password',
        autoOpenRoom: true,
      },
    }),
  );
  const secrets = new SecretStore(new MemoryBackend(), fakeCipher);
  secrets.set(ROCKETCHAT_AUTH_TOKEN, 'own-token');
  const overlay = new RocketChatDemoOverlay({
    settings: rocketChatSettingsFrom(settings),
    secrets,
  });
  return { settings, secrets, overlay };
}

const demo = { url: 'http://127.0.0.1:4000', username: 'agent', password: 'pw' };

describe('RocketChatDemoOverlay', () => {
  it('passes through to the stored settings and secrets outside the demo', () => {
    const { settings, secrets, overlay } = stores();
    expect(overlay.current).toBeNull();
    overlay.settings.update({ keepInStep: true });
    overlay.secrets.set(ROCKETCHAT_AUTH_TOKEN, 'renewed');
    expect(settings.get().rocketchat.keepInStep).toBe(true);
    expect(secrets.get(ROCKETCHAT_AUTH_TOKEN)).toBe('renewed');
  });

  it('keeps the demo’s sign-in in memory, carrying the agent’s preferences over', () => {
    const { settings, secrets, overlay } = stores();
    overlay.enter(demo);
    expect(overlay.current).toEqual(demo);
    expect(overlay.settings.get().autoOpenRoom).toBe(true);
    expect(overlay.secrets.get(ROCKETCHAT_AUTH_TOKEN)).toBeNull();

    overlay.settings.update({ serverUrl: demo.url, username: 'agent', userId: 'demo-user' });
    overlay.secrets.set(ROCKETCHAT_AUTH_TOKEN, 'demo-token');
    expect(overlay.settings.get()).toMatchObject({ serverUrl: demo.url, userId: 'demo-user' });
    expect(overlay.secrets.get(ROCKETCHAT_AUTH_TOKEN)).toBe('demo-token');
    // Signing out of the demo server forgets only the demo's token.
    overlay.secrets.delete(ROCKETCHAT_AUTH_TOKEN);

    expect(settings.get().rocketchat).toMatchObject({
      serverUrl: 'https://chat.example.com',
      userId: 'u1',
    });
    expect(secrets.get(ROCKETCHAT_AUTH_TOKEN)).toBe('own-token');
  });

  it('answers with the agent’s own sign-in again once the demo is left', () => {
    const { overlay } = stores();
    overlay.enter(demo);
    overlay.secrets.set(ROCKETCHAT_AUTH_TOKEN, 'demo-token');
    expect(overlay.leave()).toBe(true);
    expect(overlay.leave()).toBe(false);
    expect(overlay.current).toBeNull();
    expect(overlay.settings.get().serverUrl).toBe('https://chat.example.com');
    expect(overlay.secrets.get(ROCKETCHAT_AUTH_TOKEN)).toBe('own-token');
  });
});
