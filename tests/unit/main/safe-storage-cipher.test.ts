import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher } from '../../../electron/main/adapters/safe-storage-cipher';

function fakeSafeStorage(available: boolean, backend: string) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(`sealed(${plain})`),
    decryptString: (sealed: Buffer) => /^sealed\((.*)\)$/.exec(sealed.toString())?.[1] ?? '',
  };
}

describe('createSafeStorageCipher', () => {
  it('seals to base64 text and back', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    const sealed = cipher.encrypt('pin-1234');
    expect(sealed).toBe(Buffer.from('sealed(pin-1234)').toString('base64'));
    expect(cipher.decrypt(sealed)).toBe('pin-1234');
    expect(cipher.available()).toBe(true);
  });

  it("does not count Linux's basic_text fallback (a hard-coded key) as encryption", () => {
    expect(createSafeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux').available()).toBe(
      false,
    );
    expect(createSafeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'darwin').available()).toBe(
      true,
    );
    expect(createSafeStorageCipher(fakeSafeStorage(false, 'unknown'), 'win32').available()).toBe(
      false,
    );
  });
});
