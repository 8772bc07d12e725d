/** Where the login API lives. White-label resellers serve the same API on their own domains. */
import type { LoginType } from '../../../shared/domain/connection';
import { DEFAULT_LOGIN_BASE_URL } from './types';

const LOGIN_PATH: Record<LoginType, string> = { user: 'User', account: 'Account', token: 'Token' };

/** The base as a URL without query, fragment or trailing slash; null unless it is http(s). */
export function normaliseLoginBase(base: string | undefined): URL | null {
  let url: URL;
  try {
    url = new URL(base === undefined || base.trim() === '' ? DEFAULT_LOGIN_BASE_URL : base.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
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
