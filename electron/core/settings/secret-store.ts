import type { Logger, SecretCipher } from '../ports';
import { silentLogger } from '../logging/logger';
import { isRecord } from './migrations';
import type { SecretKey } from './section';
import type { SettingsBackend } from './settings-store';

const KEY_PATTERN = /^[a-z][a-zA-Z0-9]*\.[a-zA-Z][a-zA-Z0-9]*$/;
export const MAX_SECRET_LENGTH = 16_384;
const DOCUMENT_VERSION = 1;

/**
 * Passwords, pins and tokens, keyed like `voicenter.secret`, `rocketchat.authToken`,
 * `signalwire.apiToken`. Values are encrypted with the SecretCipher before they reach the
 * backend (a file of its own, apart from the settings). When the cipher is unavailable (no OS
 * keychain), secrets are kept in memory only and never written: `persistent` is then false so the
 * window can tell the agent they will be asked again after a restart.
 *
 * Values are never logged and never leave main; only `has(key)` is shown to the renderer.
 */
export class SecretStore {
  private readonly memory = new Map<SecretKey, string>();
  private sealed: Record<string, string>;

  constructor(
    private readonly backend: SettingsBackend,
    private readonly cipher: SecretCipher,
    private readonly logger: Logger = silentLogger,
  ) {
    this.sealed = readSealed(backend.store);
  }

  /** Whether secrets survive a restart (they are encrypted at rest), as opposed to memory only. */
  get persistent(): boolean {
    return this.cipher.available();
  }

  has(key: SecretKey): boolean {
    return this.get(key) !== null;
  }

  get(key: SecretKey): string | null {
    checkKey(key);
    const cached = this.memory.get(key);
    if (cached !== undefined) return cached;
    const sealed = this.sealed[key];
    if (sealed === undefined || !this.cipher.available()) return null;
    try {
      const plain = this.cipher.decrypt(sealed);
      this.memory.set(key, plain);
      return plain;
    } catch (error) {
      // A keychain reset or a file copied from another machine: the value is gone for good.
      this.logger.warn('a stored secret could not be decrypted and was removed', { key, error });
      this.removeSealed(key);
      return null;
    }
  }

  set(key: SecretKey, value: string): void {
    checkKey(key);
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SECRET_LENGTH) {
      throw new Error(
        `The secret for ${key} must be between 1 and ${MAX_SECRET_LENGTH} characters.`,
      );
    }
    const unchanged = this.get(key) === value;
    this.memory.set(key, value);
    if (!this.cipher.available()) {
      // Never write a secret in the clear: it lives until quit only.
      if (this.sealed[key] !== undefined) this.removeSealed(key);
      this.logger.warn('encryption is unavailable; secret kept in memory only', { key });
      return;
    }
    if (unchanged && this.sealed[key] !== undefined) return;
    this.sealed = { ...this.sealed, [key]: this.cipher.encrypt(value) };
    this.write();
  }

  delete(key: SecretKey): void {
    checkKey(key);
    this.memory.delete(key);
    if (this.sealed[key] !== undefined) this.removeSealed(key);
  }

  private removeSealed(key: SecretKey): void {
    const rest = { ...this.sealed };
    delete rest[key];
    this.sealed = rest;
    this.write();
  }

  private write(): void {
    try {
      this.backend.store = { version: DOCUMENT_VERSION, sealed: { ...this.sealed } };
    } catch (error) {
      this.logger.error('could not save secrets', { error });
    }
  }
}

function checkKey(key: string): asserts key is SecretKey {
  if (!KEY_PATTERN.test(key))
    throw new Error(`"${key}" is not a secret key (expected section.name).`);
}

function readSealed(raw: unknown): Record<string, string> {
  if (!isRecord(raw) || !isRecord(raw.sealed)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw.sealed)) {
    if (KEY_PATTERN.test(key) && typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}
