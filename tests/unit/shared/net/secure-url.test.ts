import { describe, expect, it } from 'vitest';
import {
  SECURE_URL_RULE,
  isSecureAddress,
  isSecureUrl,
  secureUrlOrEmptySchema,
  secureUrlSchema,
} from '../../../../shared/net/secure-url';

describe('isSecureUrl', () => {
  it.each([
    ['https://chat.example', 'https, anywhere'],
    ['HTTPS://Chat.Example:8443/rocket/', 'scheme and host in any case, a port and a path'],
    ['https://login.reseller.example/monitorAPI/Login?x=1#y', 'a query and a fragment'],
    ['  https://chat.example  ', 'spaces around it'],
    ['http://127.0.0.1:1234', 'plain http to loopback IPv4'],
    ['http://localhost', 'plain http to localhost'],
    ['http://LOCALHOST:80/path', 'localhost in capitals'],
    ['http://[::1]', 'plain http to loopback IPv6'],
    ['http://[0:0:0:0:0:0:0:1]:8080', 'loopback IPv6 written out'],
    ['http://127.1', 'short IPv4 the parser reads as 127.0.0.1'],
    [
      'http://evil.example@127.0.0.1',
      'user info in front of a loopback host: the host is loopback',
    ],
  ])('accepts %s (%s)', (url) => {
    expect(isSecureUrl(url)).toBe(true);
  });

  it.each([
    ['http://chat.example', 'plain http over the network'],
    ['http://chat.example:80', 'plain http with the port spelled out'],
    ['http://10.0.0.5', 'plain http on the local network'],
    ['http://127.0.0.2', 'another loopback address: only the three named hosts count'],
    ['http://127.0.0.1.evil.com', 'a host that only starts like loopback'],
    ['http://localhost.evil.com', 'a host that only starts like localhost'],
    ['http://localhost.', 'localhost with a trailing dot (a DNS name)'],
    ['http://localhost@evil.com', 'user info that looks like loopback'],
    ['http://127.0.0.1:80@evil.com', 'user info with a port that looks like loopback'],
    ['http://evil.com#@127.0.0.1', 'loopback hidden in the fragment'],
    ['http://evil.com?@127.0.0.1', 'loopback hidden in the query'],
    ['http://evil.com\\@127.0.0.1', 'a backslash the parser reads as a path'],
    ['http://evil.com/@localhost', 'loopback hidden in the path'],
    ['http://[::ffff:127.0.0.1]', 'IPv4-mapped IPv6'],
    ['javascript:alert(1)', 'javascript:'],
    ['javascript://localhost/%0aalert(1)', 'javascript: shaped like a loopback URL'],
    ['file:///etc/passwd', 'file:'],
    ['file://localhost/etc/passwd', 'file: on localhost'],
    ['ws://127.0.0.1:9000', 'ws:'],
    ['ftp://chat.example', 'ftp:'],
    ['chat.example', 'no scheme'],
    ['//chat.example', 'scheme-relative'],
    ['', 'empty'],
    ['not a url', 'not a URL'],
  ])('refuses %s (%s)', (url) => {
    expect(isSecureUrl(url)).toBe(false);
  });

  it('can narrow plain http to none at all, loopback included', () => {
    expect(isSecureUrl('http://127.0.0.1:8080', { loopbackHttp: false })).toBe(false);
    expect(isSecureUrl('https://chat.example', { loopbackHttp: false })).toBe(true);
  });
});

describe('isSecureAddress', () => {
  it.each([
    ['acme', true],
    ['acme.signalwire.com', true],
    ['https://acme.signalwire.com', true],
    ['http://127.0.0.1:9000', true],
    ['http://acme.signalwire.com', false],
    ['ftp://acme.signalwire.com', false],
  ])('%s -> %s (a bare host goes over https)', (text, expected) => {
    expect(isSecureAddress(text)).toBe(expected);
  });
});

describe('the schemas', () => {
  it('refuse with the one message, and trim what they keep', () => {
    const refused = secureUrlSchema.safeParse('http://chat.example');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(SECURE_URL_RULE);
    expect(secureUrlSchema.parse(' https://chat.example ')).toBe('https://chat.example');
    expect(secureUrlSchema.safeParse('').success).toBe(false);
  });

  it('the "or empty" schema takes "" for "not set up", and nothing else insecure', () => {
    expect(secureUrlOrEmptySchema.parse('')).toBe('');
    expect(secureUrlOrEmptySchema.safeParse('http://chat.example').error?.issues[0]?.message).toBe(
      SECURE_URL_RULE,
    );
  });
});
