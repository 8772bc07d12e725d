import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyConfig,
  ConfigFileError,
  configPathFrom,
  loadConfigFile,
  parseConfig,
} from '../../../../electron/core/settings/config-file';
import { FileKeyCipher } from '../../../../electron/core/settings/file-key-cipher';
import { SecretStore } from '../../../../electron/core/settings/secret-store';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { MemoryBackend } from '../../../support/memory-backend';
import { useTempDir } from '../../../support/temp-dir';

const DOC = join(import.meta.dirname, '../../../../docs/configuration.md');

async function documentedExample(): Promise<string> {
  const text = await readFile(DOC, 'utf8');
  const match = /## The full file[\s\S]*?```json\n([\s\S]*?)```/.exec(text);
  if (!match?.[1]) throw new Error('docs/configuration.md lost its full example');
  return match[1];
}

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigFileError');
}

describe('configPathFrom', () => {
  it.each([
    [['app', '--config', '/etc/r.json'], {}, '/etc/r.json'],
    [['app', '--config=/etc/r.json'], { RINGSIDE_CONFIG: '/other.json' }, '/etc/r.json'],
    [['app'], { RINGSIDE_CONFIG: ' /env.json ' }, '/env.json'],
    [['app', '--config'], {}, null],
    [['app', '--config', '--inspect'], {}, null],
    [['app'], { RINGSIDE_CONFIG: '' }, null],
  ])('%j %j -> %s', (argv, env, expected) => {
    expect(configPathFrom(argv, env)).toBe(expected);
  });
});

describe('the configuration file', () => {
  const dir = useTempDir('ringside-config-');

  it('accepts the full example of docs/configuration.md and applies every part of it', async () => {
    const path = join(dir(), 'ringside.json');
    await writeFile(path, await documentedExample());
    const config = loadConfigFile(path);
    const settingsBackend = new MemoryBackend();
    const secretsBackend = new MemoryBackend();
    const settings = new SettingsStore(settingsBackend);
    const secrets = new SecretStore(secretsBackend, new FileKeyCipher(join(dir(), 'secrets.key')));

    const applied = applyConfig(config, settings, secrets);

    expect(applied.sections.sort()).toEqual([
      'app',
      'demo',
      'notifications',
      'rocketchat',
      'signalwire',
      'voicenter',
    ]);
    expect(applied.secrets.sort()).toEqual([
      'rocketchat.authToken',
      'signalwire.apiToken',
      'voicenter.secret',
    ]);
    expect(settings.get().app.mode).toBe('account');
    expect(settings.get().voicenter).toEqual({
      loginType: 'user',
      identity: 'agent@example.co.il',
      loginBaseUrl: 'https://loginapi.voicenter.co.il/monitorAPI/Login',
      ownExtensions: ['201', '202'],
    });
    expect(settings.get().demo.enabled).toBe(false);
    expect(settings.get().rocketchat).toMatchObject({ serverUrl: 'https://chat.example.co.il' });
    expect(settings.get().signalwire).toMatchObject({ space: 'example.signalwire.com' });
    expect(secrets.get('voicenter.secret')).toBe('the-agent-password');
    expect(secrets.get('rocketchat.authToken')).toBe('the-personal-access-token');
    expect(secrets.get('signalwire.apiToken')).toBe('PTxxxxxxxxxxxxxxxxxxxxxxxx');
    // Secrets reach neither the settings document nor the secrets file in the clear.
    const written = settingsBackend.writes.join('') + secretsBackend.writes.join('');
    for (const secret of [
      'the-agent-password',
      'the-personal-access-token',
      'PTxxxxxxxxxxxxxxxxxxxxxxxx',
    ]) {
      expect(written).not.toContain(secret);
    }
  });

  it('overrides only what it names (applied on every start)', () => {
    const settings = new SettingsStore(new MemoryBackend());
    settings.update({
      notifications: { focusWindowOnRing: true },
      voicenter: { ownExtensions: ['301'] },
    });
    const secrets = new SecretStore(new MemoryBackend(), {
      available: () => false,
      encrypt: String,
      decrypt: String,
    });
    applyConfig(
      parseConfig('{"voicenter": {"ownExtensions": ["201"]}}', '/etc/r.json'),
      settings,
      secrets,
    );
    expect(settings.get().voicenter.ownExtensions).toEqual(['201']);
    expect(settings.get().notifications.focusWindowOnRing).toBe(true);
    expect(settings.get().app.mode).toBe('demo');
  });

  it('names the file and every wrong field, in plain words', () => {
    const message = problemsOf(() =>
      parseConfig(
        JSON.stringify({
          version: 2,
          voicenterr: {},
          notifications: { enabled: 'yes' },
          voicenter: { loginBaseUrl: 'ftp://x', ownExtensions: ['12a'], colour: 'red' },
          demo: 'on',
        }),
        '/etc/ringside/ringside.json',
      ),
    );
    expect(message).toContain('/etc/ringside/ringside.json');
    expect(message).toContain('"voicenterr" is not a section Ringside knows');
    expect(message).toContain('"version" must be 1');
    expect(message).toContain('"notifications.enabled"');
    expect(message).toContain('"voicenter.loginBaseUrl" must start with https://');
    expect(message).toContain('"voicenter.ownExtensions.0" an extension is digits only');
    expect(message).toContain('"demo" must be an object');
  });

  it('reports a misspelt field instead of ignoring it', () => {
    expect(
      problemsOf(() => parseConfig('{"notifications": {"enable": false}}', 'c.json')),
    ).toContain('"notifications.enable" is not a Ringside setting');
  });

  it('checks that the Voicenter secret fits the sign-in type and is given once', () => {
    expect(
      problemsOf(() =>
        parseConfig('{"voicenter": {"loginType": "token", "password": "p4ss-value"}}', 'c.json'),
      ),
    ).toContain('"voicenter.password" does not go with "loginType": "token"');
    const twice = problemsOf(() =>
      parseConfig('{"voicenter": {"pin": "a-secret-1", "token": "a-secret-2"}}', 'c.json'),
    );
    expect(twice).toContain('more than one of password, pin and token');
    expect(twice).not.toContain('a-secret-1');
    expect(
      problemsOf(() => parseConfig('{"voicenter": {"email": "a@b.c", "username": "x"}}', 'c.json')),
    ).toContain('names the account more than once');
    expect(problemsOf(() => parseConfig('{"signalwire": {"apiToken": 42}}', 'c.json'))).toContain(
      '"signalwire.apiToken" must be a non-empty text value',
    );
  });

  it('never quotes the file when its JSON is broken (it may hold a password)', () => {
    const message = problemsOf(() =>
      parseConfig('{\n  "voicenter": {"pin": "hunter2-secret" x}\n}', 'c.json'),
    );
    expect(message).toContain('not valid JSON');
    expect(message).toContain('line 2');
    expect(message).not.toContain('hunter2-secret');
  });

  it('says plainly when the file is missing', () => {
    expect(problemsOf(() => loadConfigFile(join(dir(), 'nope.json')))).toContain(
      'the file does not exist',
    );
  });
});
