/** Stands in for safeStorage (the thin Electron adapter): reversible, and never the plain text. */
export const fakeCipher = {
  available: () => true,
  encrypt: (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`,
  decrypt: (sealed: string) => Buffer.from(sealed.slice(7), 'base64').toString(),
};
