/**
 * The one rule for every address a password or token is sent to (the Voicenter login service,
 * the Rocket.Chat server, the SignalWire space and relay): `https:` only. Plain `http:` is allowed
 * for this computer alone (127.0.0.1, localhost, ::1), where the built-in demo and the tests run
 * their servers and nothing crosses a network. The IPC schemas, the settings and the
 * configuration file, the clients right before a request, and the window's forms all ask here.
 */
import { z } from 'zod';

// shared/ compiles without DOM or Node typings, yet both runtimes have the WHATWG URL parser: only
// the fields read here are declared.
declare const URL: new (input: string) => { readonly protocol: string; readonly hostname: string };

/** Why an address is refused, written to follow the field's name (`"rocketchat.serverUrl" must …`). */
export const SECURE_URL_RULE =
  'must start with https:// so that passwords and tokens never cross the network in clear text';

// Hostnames as the WHATWG parser writes them: lower case, IPv4 normalised (`127.1` is
// `127.0.0.1`), IPv6 compressed and in brackets (`[0:0::1]` is `[::1]`).
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface SecureUrlOptions {
  /** Whether plain `http:` to this computer counts (default true); SignalWire narrows it to its demo and tests. */
  loopbackHttp?: boolean;
}

/**
 * True when `text` is a URL a secret may be sent to. The host is the parser's, never a prefix of
 * the text, so `http://127.0.0.1.evil.example` and `http://localhost@evil.example` are refused.
 */
export function isSecureUrl(text: string, options: SecureUrlOptions = {}): boolean {
  let url: { protocol: string; hostname: string };
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.hostname !== '';
  return (
    url.protocol === 'http:' &&
    (options.loopbackHttp ?? true) &&
    LOOPBACK_HOSTS.has(url.hostname.toLowerCase())
  );
}

/**
 * The same rule for a field that also takes a bare host (`acme.signalwire.com`), which is sent
 * over https: only an address with a scheme can break it. Whether a bare host is well formed is
 * the field's own check, with its own words.
 */
export function isSecureAddress(text: string, options: SecureUrlOptions = {}): boolean {
  return !text.includes('://') || isSecureUrl(text, options);
}

const urlText = z.string().trim().max(2048);

/** A URL field that carries secrets: trimmed, bounded, and held to `isSecureUrl`. */
export const secureUrlSchema = urlText.refine((text) => isSecureUrl(text), {
  error: SECURE_URL_RULE,
});

/** The same, for a setting where '' means "not set up" (one schema, so a refusal keeps its words). */
export const secureUrlOrEmptySchema = urlText.refine((text) => text === '' || isSecureUrl(text), {
  error: SECURE_URL_RULE,
});
