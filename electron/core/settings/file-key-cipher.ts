import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretCipher } from '../ports';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'fk1:';

/**
 * The headless host's SecretCipher: AES-256-GCM with a random key kept in a file readable only by
 * its owner (mode 0600) in the data folder.
 *
 * Be honest about what this buys: the secrets file alone (a backup, a synced folder, a support
 * bundle, a casual look) does not reveal anything, and tampering is detected. It does NOT protect
 * against anything running as the same OS user, who can read the key file as easily as the secrets.
 * The Electron app uses `safeStorage` (Keychain / DPAPI / libsecret) instead, which is the real thing.
 */
export class FileKeyCipher implements SecretCipher {
  private readonly key: Buffer;

  constructor(keyFile: string) {
    this.key = loadOrCreateKey(keyFile);
  }

  available(): boolean {
    return true;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('Not a value sealed by this cipher.');
    const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('The sealed value is truncated.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}

function loadOrCreateKey(keyFile: string): Buffer {
  try {
    const existing = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (existing.length === KEY_BYTES) {
      tighten(keyFile);
      return existing;
    }
    throw new Error(
      `The key file ${keyFile} is damaged; remove it (stored secrets will have to be entered again).`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // `wx`: never overwrite a key another process created a moment ago.
  try {
    writeFileSync(keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateKey(keyFile);
    throw error;
  }
  return key;
}

/**
 * Tightens a key file whose mode was loosened (copied, restored from a backup). On a read-only
 * folder nobody can loosen it further either, and the key is still good: go on without.
 */
function tighten(keyFile: string): void {
  try {
    chmodSync(keyFile, 0o600);
  } catch {
    // Best effort, see above.
  }
}
