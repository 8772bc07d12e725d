import { describe, expect, it } from 'vitest';
import {
  redactUrl,
  relayEndpoint,
  spaceEndpoint,
} from '../../../../../electron/core/integrations/signalwire/endpoint';

describe('spaceEndpoint', () => {
  it.each([
    ['acme', 'https://acme.signalwire.com/api/calling/calls', 'acme.signalwire.com'],
    ['ACME', 'https://acme.signalwire.com/api/calling/calls', 'acme.signalwire.com'],
    ['acme.signalwire.com', 'https://acme.signalwire.com/api/calling/calls', 'acme.signalwire.com'],
    [
      'https://acme.signalwire.com/',
      'https://acme.signalwire.com/api/calling/calls',
      'acme.signalwire.com',
    ],
  ])('turns %s into the HTTPS Calling API URL', (space, url, display) => {
    expect(spaceEndpoint(space)).toEqual({ ok: true, url, display });
  });

  it('refuses plain http, even on loopback, unless allowed', () => {
    expect(spaceEndpoint('http://acme.signalwire.com').ok).toBe(false);
    expect(spaceEndpoint('http://127.0.0.1:8080').ok).toBe(false);
    expect(spaceEndpoint('http://127.0.0.1:8080', { allowLoopbackHttp: true })).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8080/api/calling/calls',
      display: '127.0.0.1:8080',
    });
    // The flag opens loopback only, never the network.
    expect(spaceEndpoint('http://acme.signalwire.com', { allowLoopbackHttp: true }).ok).toBe(false);
    expect(spaceEndpoint('http://10.0.0.5:8080', { allowLoopbackHttp: true }).ok).toBe(false);
  });

  it.each([
    '',
    'https://user:pw@acme.signalwire.com',
    'https://acme.signalwire.com/api',
    'https://acme.signalwire.com/?x=1',
    'ftp://acme',
  ])('refuses %j with a reason', (space) => {
    const result = spaceEndpoint(space);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('pw');
  });
});

describe('relayEndpoint', () => {
  it('accepts an HTTPS URL with a path', () => {
    expect(relayEndpoint('https://voice.example.org/signalwire/commands')).toEqual({
      ok: true,
      url: 'https://voice.example.org/signalwire/commands',
      display: 'voice.example.org',
    });
  });

  it.each([
    ['http://voice.example.org/relay', /https/],
    ['https://u:secret@voice.example.org/relay', /token field/],
    ['https://voice.example.org/relay?token=abc', /token field/],
    ['https://voice.example.org/relay#x', /fragment/],
    ['not a url', /valid address/],
  ])('refuses %s', (url, reason) => {
    const result = relayEndpoint(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts loopback http only with the flag', () => {
    expect(relayEndpoint('http://127.0.0.1:9/relay').ok).toBe(false);
    expect(relayEndpoint('http://127.0.0.1:9/relay', { allowLoopbackHttp: true }).ok).toBe(true);
  });
});

describe('redactUrl', () => {
  it('drops user info and the query', () => {
    expect(redactUrl('https://u:p@host.example/path?token=1#f')).toBe('https://host.example/path');
  });
});
