import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecretCipher } from '../../../../electron/core/ports';
import { FileKeyCipher } from '../../../../electron/core/settings/file-key-cipher';
import { SecretStore } from '../../../../electron/core/settings/secret-store';
import { openConfBackend } from '../../../../electron/core/settings/conf-backend';
import { MemoryBackend } from '../../../support/memory-backend';
import { useTempDir } from '../../../support/temp-dir';

const unavailable: SecretCipher = {
  available: () => false,
  encrypt: () => {
    throw new Error('must not be called');
  },
  decrypt: () => {
    throw new Error('must not be called');
  },
};

describe('SecretStore', () => {
  const dir = useTempDir('ringside-secrets-');

  it('encrypts before writing and reads back after a restart', async () => {
    const cipher = new FileKeyCipher(join(dir(), 'secrets.key'));
    const secrets = new SecretStore(openConfBackend({ dir: dir(), name: 'secrets' }), cipher);
    expect(secrets.persistent).toBe(true);
    secrets.set('voicenter.secret', 'pin-4321-plain');
    secrets.set('rocketchat.authToken', 'rc-token-plain');

    const onDisk = await readFile(join(dir(), 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('pin-4321-plain');
    expect(onDisk).not.toContain('rc-token-plain');
    expect(onDisk).toContain('voicenter.secret');

    const again = new SecretStore(
      openConfBackend({ dir: dir(), name: 'secrets' }),
      new FileKeyCipher(join(dir(), 'secrets.key')),
    );
    expect(again.get('voicenter.secret')).toBe('pin-4321-plain');
    expect(again.has('rocketchat.authToken')).toBe(true);
    again.delete('rocketchat.authToken');
    expect(again.has('rocketchat.authToken')).toBe(false);
    const third = new SecretStore(openConfBackend({ dir: dir(), name: 'secrets' }), cipher);
    expect(third.get('rocketchat.authToken')).toBeNull();
    expect(third.get('signalwire.apiToken')).toBeNull();
  });

  it('keeps secrets in memory only when encryption is unavailable, and says so', () => {
    const backend = new MemoryBackend({});
    const secrets = new SecretStore(backend, unavailable);
    expect(secrets.persistent).toBe(false);
    secrets.set('voicenter.secret', 'memory-only');
    expect(secrets.get('voicenter.secret')).toBe('memory-only');
    expect(backend.writes).toEqual([]);
    expect(new SecretStore(backend, unavailable).has('voicenter.secret')).toBe(false);
  });

  it('drops a value that can no longer be decrypted (keychain reset) instead of failing', () => {
    const backend = new MemoryBackend({
      version: 1,
      sealed: { 'voicenter.secret': 'fk1:garbage' },
    });
    const secrets = new SecretStore(backend, new FileKeyCipher(join(dir(), 'secrets.key')));
    expect(secrets.get('voicenter.secret')).toBeNull();
    expect(JSON.parse(backend.writes.at(-1) ?? '{}')).toEqual({ version: 1, sealed: {} });
  });

  it('does not rewrite an unchanged secret (the config file sets it on every start)', () => {
    const backend = new MemoryBackend({});
    const secrets = new SecretStore(backend, new FileKeyCipher(join(dir(), 'secrets.key')));
    secrets.set('signalwire.apiToken', 'same');
    secrets.set('signalwire.apiToken', 'same');
    expect(backend.writes).toHaveLength(1);
  });

  it('refuses malformed keys and empty values', () => {
    const secrets = new SecretStore(new MemoryBackend({}), unavailable);
    expect(() => secrets.set('voicenter' as never, 'x')).toThrow(/not a secret key/);
    expect(() => secrets.set('voicenter.secret', '')).toThrow(/between 1 and/);
  });
});

describe('FileKeyCipher', () => {
  const dir = useTempDir('ringside-key-');

  it('creates an owner-only key file and round-trips with a fresh IV each time', async () => {
    const keyFile = join(dir(), 'nested', 'secrets.key');
    const cipher = new FileKeyCipher(keyFile);
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const a = cipher.encrypt('hello');
    const b = cipher.encrypt('hello');
    expect(a).not.toBe(b);
    expect(new FileKeyCipher(keyFile).decrypt(a)).toBe('hello');
  });

  it('detects tampering and a different key', () => {
    const cipher = new FileKeyCipher(join(dir(), 'a.key'));
    const sealed = cipher.encrypt('hello');
    const bytes = Buffer.from(sealed.slice(4), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(`fk1:${bytes.toString('base64')}`)).toThrow();
    expect(() => new FileKeyCipher(join(dir(), 'b.key')).decrypt(sealed)).toThrow();
  });

  it('refuses a damaged key file rather than silently making a new key', async () => {
    await writeFile(join(dir(), 'bad.key'), 'short');
    expect(() => new FileKeyCipher(join(dir(), 'bad.key'))).toThrow(/damaged/);
  });
});
