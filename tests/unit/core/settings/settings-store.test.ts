import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsError, SettingsStore } from '../../../../electron/core/settings/settings-store';
import { openConfBackend } from '../../../../electron/core/settings/conf-backend';
import { MemoryBackend } from '../../../support/memory-backend';
import { useTempDir } from '../../../support/temp-dir';

describe('SettingsStore', () => {
  it('migrates and writes a fresh document once, then serves the defaults', () => {
    const backend = new MemoryBackend({});
    const store = new SettingsStore(backend);
    expect(backend.writes).toHaveLength(1);
    expect(store.get().version).toBe(1);
    expect(store.get().app.mode).toBe('demo');
    expect(store.get().notifications.focusWindowOnRing).toBe(false);
    // Opening the written document again changes nothing.
    new SettingsStore(backend);
    expect(backend.writes).toHaveLength(1);
  });

  it('merges a patch, validates it, writes it and tells listeners which sections changed', () => {
    const backend = new MemoryBackend();
    const store = new SettingsStore(backend);
    const seen: string[][] = [];
    const stop = store.onChange((_settings, changed) => seen.push([...changed]));

    const next = store.update({
      voicenter: { loginType: 'account', identity: 'acme' },
      notifications: { focusWindowOnRing: true },
      demo: {},
    });
    expect(next.voicenter).toMatchObject({
      loginType: 'account',
      identity: 'acme',
      ownExtensions: [],
    });
    expect(next.notifications).toEqual({ enabled: true, focusWindowOnRing: true });
    expect(seen).toEqual([['voicenter', 'notifications']]);
    expect(JSON.parse(backend.writes.at(-1) ?? '{}')).toMatchObject({
      voicenter: { identity: 'acme' },
    });

    // The same values again: no write, no event.
    const writes = backend.writes.length;
    store.update({ notifications: { focusWindowOnRing: true } });
    expect(backend.writes).toHaveLength(writes);
    stop();
    store.update({ notifications: { enabled: false } });
    expect(seen).toHaveLength(1);
  });

  it('refuses an invalid value as a whole, naming the setting, and keeps the old values', () => {
    const store = new SettingsStore(new MemoryBackend());
    const before = store.get();
    let error: unknown;
    try {
      store.update({
        notifications: { enabled: false },
        voicenter: { loginBaseUrl: 'ftp://example.com' },
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toContain('"voicenter.loginBaseUrl"');
    expect(store.get()).toBe(before);
    expect(() => store.update({ voicenter: { ownExtensions: ['201', 'abc'] } })).toThrow(
      /voicenter\.ownExtensions\.1/,
    );
  });

  it('keeps secrets out of the settings document', () => {
    const store = new SettingsStore(new MemoryBackend());
    expect(() => store.update({ rocketchat: { authToken: 'abc' } as never })).toThrow(
      /rocketchat\.authToken" is a secret/,
    );
    expect(() => store.update({ voicenter: { pin: '1234' } as never })).toThrow(
      /voicenter\.pin" is a secret/,
    );
    const backend = new MemoryBackend({
      version: 1,
      voicenter: { password: 'leak', identity: 'acme' },
    });
    const loaded = new SettingsStore(backend);
    expect(loaded.get().voicenter).toMatchObject({ identity: 'acme' });
    expect(loaded.get().voicenter).not.toHaveProperty('password');
    expect(backend.writes.join('')).not.toContain('leak');
  });

  it('replaces an invalid stored field with its default and keeps the valid ones', () => {
    const backend = new MemoryBackend({
      version: 1,
      voicenter: {
        loginType: 'account',
        identity: 'acme',
        loginBaseUrl: 'not a url',
        ownExtensions: 'x',
      },
      notifications: 'nonsense',
    });
    const store = new SettingsStore(backend);
    expect(store.get().voicenter).toEqual({
      loginType: 'account',
      identity: 'acme',
      loginBaseUrl: 'https://loginapi.voicenter.co.il/monitorAPI/Login',
      ownExtensions: [],
    });
    expect(store.get().notifications.enabled).toBe(true);
    expect(backend.writes).toHaveLength(1);
  });

  it('hands out frozen settings so nobody changes them behind the store', () => {
    const store = new SettingsStore(new MemoryBackend());
    expect(Object.isFrozen(store.get().voicenter.ownExtensions)).toBe(true);
  });

  it('builds the renderer view without secrets', () => {
    const store = new SettingsStore(new MemoryBackend());
    store.update({ voicenter: { loginType: 'token', identity: 'left-over' } });
    const view = store.view((key) => key === 'voicenter.secret');
    expect(view).toEqual({
      voicenter: {
        loginType: 'token',
        identity: '',
        loginBaseUrl: 'https://loginapi.voicenter.co.il/monitorAPI/Login',
        hasSecret: true,
        ownExtensions: [],
      },
      notifications: { enabled: true, focusWindowOnRing: false },
      demo: { enabled: true, scenario: 'demo-loop' },
    });
  });

  describe('on conf (the headless backend)', () => {
    const dir = useTempDir('ringside-settings-');

    it('persists across reopen in an owner-only file', async () => {
      const first = new SettingsStore(openConfBackend({ dir: dir(), name: 'settings' }));
      first.update({ voicenter: { identity: 'agent@example.com', ownExtensions: ['201'] } });
      const second = new SettingsStore(openConfBackend({ dir: dir(), name: 'settings' }));
      expect(second.get().voicenter).toMatchObject({
        identity: 'agent@example.com',
        ownExtensions: ['201'],
      });
      const info = await stat(join(dir(), 'settings.json'));
      if (process.platform !== 'win32') expect(info.mode & 0o777).toBe(0o600);
    });

    it('sets a damaged file aside and starts from defaults', async () => {
      const { writeFile, readdir } = await import('node:fs/promises');
      await writeFile(join(dir(), 'settings.json'), '{"version": 1, "app": {');
      const store = new SettingsStore(openConfBackend({ dir: dir(), name: 'settings' }));
      expect(store.get().app.mode).toBe('demo');
      const files = await readdir(dir());
      const aside = files.find((name) => name.startsWith('settings.json.corrupt-'));
      expect(aside).toBeDefined();
      expect(await readFile(join(dir(), aside ?? ''), 'utf8')).toBe('{"version": 1, "app": {');
    });
  });
});
