import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerUnsavedChanges,
  ChangeNotSavedError,
  DataFolderWatch,
  FileKeyCipher,
  openConfBackend,
  openSettings,
  VOICENTER_SECRET,
} from '../../../../electron/core/settings';
import { DEFAULT_LOGIN_BASE_URL } from '../../../../electron/core/settings/sections/voicenter';
import { silentLogger } from '../../../../electron/core/logging';
import { useTempDir } from '../../../support/temp-dir';

// The one start-up path both hosts take. A data folder that refuses writes is made for real: the
// folder is replaced by a file, which refuses root too (root ignores permission bits).
describe('openSettings', () => {
  const dir = useTempDir('ringside-open-settings-');

  function open(configPath: string | null = null) {
    const data = join(dir(), 'data');
    const dataFolder = new DataFolderWatch(data);
    const problems: string[] = [];
    dataFolder.onProblem((problem) => problems.push(problem));
    const opened = openSettings({
      openBackend: (name) => openConfBackend({ dir: data, name }),
      cipher: () => new FileKeyCipher(join(data, 'secret.key')),
      configPath,
      logger: silentLogger,
      dataFolder,
    });
    return { ...opened, data, dataFolder, problems };
  }

  /** From now on nothing can be written in the data folder. */
  async function breakFolder(data: string): Promise<void> {
    await rm(data, { recursive: true });
    await writeFile(data, 'not a folder');
  }

  it('answers a change it could not save with not-saved, keeps it in use and tells the agent once', async () => {
    const { settings, secrets, data, dataFolder, problems } = open();
    const handlers = answerUnsavedChanges({
      change: (enabled: boolean) => settings.update({ notifications: { enabled } }),
      signIn: (token: string) => secrets.set('signalwire.apiToken', token),
    });
    await breakFolder(data);

    await expect(handlers.change(false)).rejects.toBeInstanceOf(ChangeNotSavedError);
    await expect(handlers.change(true)).rejects.toMatchObject({ code: 'not-saved' });
    await expect(handlers.signIn('tok-1234567890')).rejects.toMatchObject({ code: 'not-saved' });
    expect(settings.get().notifications.enabled).toBe(true);
    expect(secrets.get('signalwire.apiToken')).toBe('tok-1234567890');
    expect(dataFolder.counts()).toMatchObject({ settings: 2, secrets: 1 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Ringside cannot write to its data folder (${data})`);
  });

  it('keeps another call that saved nothing out of a failed call’s answer', async () => {
    const { settings, data } = open();
    let release = (): void => undefined;
    const handlers = answerUnsavedChanges({
      change: () => settings.update({ notifications: { focusWindowOnRing: true } }),
      slowRead: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return settings.get().notifications.focusWindowOnRing;
      },
    });
    await breakFolder(data);
    const read = handlers.slowRead();
    await expect(handlers.change()).rejects.toMatchObject({ code: 'not-saved' });
    release();
    await expect(read).resolves.toBe(true);
  });

  it('answers success when the write went through', async () => {
    const { settings, data } = open();
    const handlers = answerUnsavedChanges({
      change: () => settings.update({ notifications: { enabled: false } }).notifications.enabled,
    });
    await expect(handlers.change()).resolves.toBe(false);
    expect(JSON.parse(await readFile(join(data, 'settings.json'), 'utf8'))).toMatchObject({
      notifications: { enabled: false },
    });
  });

  it('runs on defaults, and on secrets in memory, when the folder cannot be opened at all', async () => {
    await writeFile(join(dir(), 'data'), 'not a folder');
    const { settings, secrets, dataFolder, problems } = open();
    expect(settings.get().notifications.enabled).toBe(true);
    expect(secrets.persistent).toBe(false);
    secrets.set('signalwire.apiToken', 'tok-1234567890');
    expect(secrets.get('signalwire.apiToken')).toBe('tok-1234567890');
    expect(dataFolder.counts()).toMatchObject({ settings: 1, secrets: 1, key: 1 });
    expect(problems).toHaveLength(1);
    expect(await readFile(join(dir(), 'data'), 'utf8')).toBe('not a folder');
  });

  it('returns what is wrong with the configuration file and applies none of it', async () => {
    const configPath = join(dir(), 'ringside.json');
    await mkdir(join(dir(), 'data'));
    await writeFile(
      configPath,
      JSON.stringify({
        app: { mode: 'account' },
        signalwire: { apiToken: 'PT-secret-value', spaec: 'x' },
      }),
    );
    const { settings, secrets, configProblem } = open(configPath);
    expect(configProblem).toContain(configPath);
    expect(configProblem).toContain('"signalwire.spaec" is not a Ringside setting');
    expect(configProblem).not.toContain('PT-secret-value');
    expect(settings.get().app.mode).toBe('demo');
    expect(secrets.has('signalwire.apiToken')).toBe(false);
  });

  it('forgets the Voicenter secret when its stored login address is refused', async () => {
    const first = open();
    first.settings.update({ voicenter: { loginBaseUrl: 'https://login.reseller.example/api' } });
    first.secrets.set(VOICENTER_SECRET, 'reseller-password');
    // An older build stored a plain-http address: read today, it falls back to Voicenter's own.
    const file = join(first.data, 'settings.json');
    const doc = JSON.parse(await readFile(file, 'utf8')) as { voicenter: Record<string, unknown> };
    doc.voicenter.loginBaseUrl = 'http://login.reseller.example/api';
    await writeFile(file, JSON.stringify(doc));
    const second = open();
    expect(second.settings.get().voicenter.loginBaseUrl).toBe(DEFAULT_LOGIN_BASE_URL);
    expect(second.secrets.get(VOICENTER_SECRET)).toBeNull();
  });

  it('keeps the secret when the stored address is fine', () => {
    const first = open();
    first.settings.update({ voicenter: { loginBaseUrl: 'https://login.reseller.example/api' } });
    first.secrets.set(VOICENTER_SECRET, 'reseller-password');
    expect(open().secrets.get(VOICENTER_SECRET)).toBe('reseller-password');
  });
});
