/**
 * Where requests go, checked in main: the space's `https://{space}.signalwire.com`, or the
 * organisation's relay URL, held to the secure-URL rule (`shared/net/secure-url.ts`). SignalWire
 * narrows it further: plain `http:` to this computer only when the caller sets `allowLoopbackHttp`
 * (tests and the built-in demo), so a typo can never send a token in clear text over the network.
 */
import { SECURE_URL_RULE, isSecureUrl } from '../../../../shared/net/secure-url';

export const CALLS_PATH = '/api/calling/calls';

export type EndpointResult =
  { ok: true; url: string; display: string } | { ok: false; reason: string };

const SPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function checkScheme(url: URL, allowLoopbackHttp: boolean, what: string): string | null {
  return isSecureUrl(url.href, { loopbackHttp: allowLoopbackHttp })
    ? null
    : `The ${what} ${SECURE_URL_RULE}.`;
}

/** `acme`, `acme.signalwire.com` or `https://acme.signalwire.com` -> the Calling API URL. */
export function spaceEndpoint(
  space: string,
  options: { allowLoopbackHttp?: boolean } = {},
): EndpointResult {
  const text = space.trim();
  if (text === '')
    return { ok: false, reason: 'Enter your SignalWire space, for example acme.signalwire.com.' };
  if (SPACE_NAME.test(text)) return done(new URL(`https://${text.toLowerCase()}.signalwire.com`));
  const url = parseUrl(text.includes('://') ? text : `https://${text}`);
  if (!url || url.hostname === '')
    return { ok: false, reason: 'That does not look like a SignalWire space host.' };
  const scheme = checkScheme(url, options.allowLoopbackHttp ?? false, 'space address');
  if (scheme) return { ok: false, reason: scheme };
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason:
        'Leave the project id and token out of the space address; they have their own fields.',
    };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return {
      ok: false,
      reason: 'Enter only the space host (acme.signalwire.com), without a path.',
    };
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
  if (!url) return { ok: false, reason: 'The relay URL is not a valid address (https://...).' };
  const scheme = checkScheme(url, options.allowLoopbackHttp ?? false, 'relay URL');
  if (scheme) return { ok: false, reason: scheme };
  if (url.username !== '' || url.password !== '' || url.search !== '') {
    // Credentials in a URL end up in logs and error messages; the token field keeps them in main.
    return { ok: false, reason: "Put the relay's token in the token field, not in the URL." };
  }
  if (url.hash !== '') return { ok: false, reason: 'The relay URL must not contain a #fragment.' };
  return { ok: true, url: url.href, display: url.host };
}

/** The URL as it may appear in an error or a log line: no query, no user info. */
export function redactUrl(text: string): string {
  const url = parseUrl(text);
  return url ? `${url.origin}${url.pathname}` : '(invalid URL)';
}
