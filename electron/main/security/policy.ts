/**
 * The window's security decisions as pure functions, so they are tested without Electron; the
 * adapters in ../adapters apply them to real Electron objects.
 */
import { containedFile } from '../../core/infra/contained-path';
import { contentSecurityPolicy } from '../../core/security/csp';

/** The renderer is served from this privileged custom scheme, never from `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ringside';
export const APP_BASE = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Same scheme, host and port, compared on parsed URLs (never with `startsWith`, which
 * `app://ringside.evil` would pass). `URL.origin` cannot be used: it is "null" for custom schemes.
 */
export function isSameOrigin(url: string, base: string): boolean {
  const a = parse(url);
  const b = parse(base);
  if (!a || !b) return false;
  if (a.username !== '' || a.password !== '') return false;
  // Hosts are case-insensitive; WHATWG URL lowercases them only for special schemes (http, https…).
  return a.protocol === b.protocol && a.host.toLowerCase() === b.host.toLowerCase();
}

/**
 * The Content-Security-Policy of the window. The renderer never needs the network: sockets and
 * REST calls live in main, so `connect-src` is the app's own origin only. No inline script and no
 * inline style in production: Svelte 5 writes dynamic styles through the CSSOM (`style.cssText`),
 * which CSP allows; only static `style="…"` attributes in markup would be blocked. In development,
 * Vite injects `<style>` tags and talks to its dev server over a WebSocket, so those two are allowed
 * for the dev server only.
 */
export function cspFor(devServerUrl: string | null): string {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  if (!dev) return contentSecurityPolicy();
  const devSocket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return contentSecurityPolicy([devSocket]).replace(
    "style-src 'self'",
    "style-src 'self' 'unsafe-inline'",
  );
}

/** Only desktop notifications, and only for the app's own page. Everything else is refused. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  appBase: string,
): boolean {
  return permission === 'notifications' && isSameOrigin(requestingUrl, appBase);
}

/** A link Ringside may hand to the default browser: `https:` only, no credentials. Returns the normalised URL. */
export function externalLinkTarget(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '')
    return null;
  return parsed.href;
}

/**
 * The file behind an `app://ringside/…` request, inside `rootDir` only (the containment rules are
 * `core/infra/contained-path.ts`, shared with the headless host). `/` serves `index.html`.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  const url = parse(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const found = containedFile(rootDir, url.pathname);
  return found.ok ? found.file : null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
