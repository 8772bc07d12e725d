import type { Migration } from './migration';

/**
 * v0 -> v1. A v0 document has no `version`: either a fresh install (`{}`) or the flat layout of
 * the first prototype builds:
 *
 *   { loginType, email, username, loginUrl, extensions: string[] | "201, 202", notify, focusOnRing, demo }
 *
 * v1 groups settings into sections (`app`, `voicenter`, `notifications`, `demo`, …). Values are
 * copied as they are; anything invalid falls back to its default when the document is validated.
 */
export const v0ToV1: Migration = {
  to: 1,
  description: 'flat prototype layout -> sections',
  up(doc) {
    const loginType = doc.loginType;
    const identity =
      loginType === 'token'
        ? ''
        : loginType === 'account'
          ? doc.username
          : (doc.email ?? doc.username);
    const hasAccount = typeof identity === 'string' && identity.trim() !== '';
    const extensions =
      typeof doc.extensions === 'string'
        ? doc.extensions.split(/[\s,;]+/).filter((part) => part !== '')
        : doc.extensions;

    return {
      version: 1,
      app: { mode: hasAccount ? 'account' : doc.demo === false ? 'signed-out' : 'demo' },
      voicenter: defined({
        loginType,
        identity,
        loginBaseUrl: doc.loginUrl,
        ownExtensions: extensions,
      }),
      notifications: defined({ enabled: doc.notify, focusWindowOnRing: doc.focusOnRing }),
      demo: { enabled: typeof doc.demo === 'boolean' ? doc.demo : !hasAccount },
    };
  },
};

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
