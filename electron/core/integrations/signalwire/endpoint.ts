/**
 * Where requests go, checked in main: the space's `https://{space}.signalwire.com`, or the
 * organisation's relay URL, held to the secure-URL rule (`shared/net/secure-url.ts`). SignalWire
 * narrows it further: plain `http:` to this computer only when the caller sets `allowLoopbackHttp`
 * (tests and the built-in demo), so a typo can never send a token in clear text over the network.
 */
import { isSecureUrl } from '../../../../shared/net/secure-url';
import type { Message } from '../../../../shared/messages/catalogue';
import { english, say } from '../../../../shared/messages/translate';

export const CALLS_PATH = '/api/calling/calls';

export type EndpointResult =
  { ok: true; url: string; display: string } | { ok: false; reason: string; says: Message };

const refused = (says: Message): EndpointResult => ({ ok: false, reason: english(says), says });

const SPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

const secureScheme = (url: URL, allowLoopbackHttp: boolean): boolean =>
  isSecureUrl(url.href, { loopbackHttp: allowLoopbackHttp });

/** `acme`, `acme.signalwire.com` or `https://acme.signalwire.com` -> the Calling API URL. */
export function spaceEndpoint(
  space: string,
  options: { allowLoopbackHttp?: boolean } = {},
): EndpointResult {
  const text = space.trim();
  if (text === '') return refused(say('sw.space-empty'));
  if (SPACE_NAME.test(text)) return done(new URL(`https://${text.toLowerCase()}.signalwire.com`));
  const url = parseUrl(text.includes('://') ? text : `https://${text}`);
  if (!url || url.hostname === '') return refused(say('sw.space-bad'));
  if (!secureScheme(url, options.allowLoopbackHttp ?? false))
    return refused(say('sw.space-insecure'));
  if (url.username !== '' || url.password !== '') {
    return refused(say('sw.space-credentials'));
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return refused(say('sw.space-path'));
  }
  return done(url);
}

function done(base: URL): EndpointResult {
  return { ok: true, url: `${base.origin}${CALLS_PATH}`, display: base.host };
}

/** The organisation's relay: an HTTPS URL that takes the same body as SignalWire. */
export function relayEndpoint(
  relayUrl: string,
  options: { allowLoopbackHttp?: boolean } = {},
): EndpointResult {
  const url = parseUrl(relayUrl.trim());
  if (!url) return refused(say('sw.relay-invalid'));
  if (!secureScheme(url, options.allowLoopbackHttp ?? false))
    return refused(say('sw.relay-insecure'));
  if (url.username !== '' || url.password !== '' || url.search !== '') {
    // Credentials in a URL end up in logs and error messages; the token field keeps them in main.
    return refused(say('sw.relay-token-in-url'));
  }
  if (url.hash !== '') return refused(say('sw.relay-fragment'));
  return { ok: true, url: url.href, display: url.host };
}

/** The URL as it may appear in an error or a log line: no query, no user info. */
export function redactUrl(text: string): string {
  const url = parseUrl(text);
  return url ? `${url.origin}${url.pathname}` : '(invalid URL)';
}
