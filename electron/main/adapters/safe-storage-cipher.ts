import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../../core/ports';

/**
 * SecretCipher over Electron's safeStorage: macOS Keychain, Windows DPAPI, libsecret/KWallet on
 * Linux. Sealed values are base64 text. On Linux without a key store, safeStorage falls back to
 * `basic_text`, a key hard-coded in Chromium: that is not encryption worth the name, so it counts
 * as unavailable and secrets stay in memory only.
 *
 * The synchronous safeStorage calls are deprecated in favour of async ones but still supported;
 * the SecretCipher port is synchronous because secrets are read in the middle of sign-in code.
 */
export function createSafeStorageCipher(
  safeStorage: Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
  >,
  platform: NodeJS.Platform,
): SecretCipher {
  return {
    available: () =>
      safeStorage.isEncryptionAvailable() &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
