/** Where the login API lives. White-label resellers serve the same API on their own domains. */
import type { LoginType } from '../../../shared/domain/connection';
import { isSecureUrl } from '../../../shared/net/secure-url';
import { DEFAULT_LOGIN_BASE_URL } from './types';
import type { Message } from '../../../shared/messages/catalogue';
import { english, say } from '../../../shared/messages/translate';

const LOGIN_PATH: Record<LoginType, string> = { user: 'User', account: 'Account', token: 'Token' };

export type LoginBase = { ok: true; url: URL } | { ok: false; reason: string; says: Message };

const refused = (says: Message): LoginBase => ({ ok: false, reason: english(says), says });

/**
 * The base as a URL without query, fragment or trailing slash, or why no request may go there.
 * Checked before every login and refresh, whatever the schemas upstream let through, so the
 * password, pin or token never goes to an address that breaks the secure-URL rule.
 */
export function loginBase(base: string | undefined): LoginBase {
  const text = base === undefined || base.trim() === '' ? DEFAULT_LOGIN_BASE_URL : base.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refused(say('login.address-invalid'));
  }
  if (!isSecureUrl(text)) return refused(say('login.address-insecure'));
  if (url.username !== '' || url.password !== '') {
    return refused(say('login.address-credentials'));
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return { ok: true, url };
}

/** `POST {base}/User`, `{base}/Account`, `{base}/Token`. */
export function loginUrl(base: URL, type: LoginType): string {
  return `${base.origin}${base.pathname}/${LOGIN_PATH[type]}`;
}

/**
 * The refresh endpoint is a sibling of the base's last path segment:
 * `.../monitorAPI/Login` -> `.../monitorAPI/RefreshIdentityToken`.
 */
export function refreshUrl(base: URL): string {
  const parent = base.pathname.replace(/\/[^/]*$/, '');
  return `${base.origin}${parent}/RefreshIdentityToken`;
}
