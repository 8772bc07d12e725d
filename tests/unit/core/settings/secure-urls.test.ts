/**
 * The secure-URL rule in the settings: the configuration file refuses an address a secret would
 * cross the network to in clear text, naming the field, and a stored one (written by a build that
 * still took it) falls back to its default instead of being used.
 */
import { describe, expect, it } from 'vitest';
import { ConfigFileError, parseConfig } from '../../../../electron/core/settings/config-file';
import { parseDocument } from '../../../../electron/core/settings/document';
import { SETTINGS_VERSION } from '../../../../electron/core/settings/migrations';
import { DEFAULT_LOGIN_BASE_URL } from '../../../../electron/core/settings/sections/voicenter';

const INSECURE = {
  voicenter: { loginBaseUrl: 'http://login.reseller.example/monitorAPI/Login' },
  rocketchat: { serverUrl: 'http://chat.example:80' },
  signalwire: {
    space: 'http://acme.signalwire.com',
    relayUrl: 'http://127.0.0.1.relay.example/sw',
  },
};

function configProblems(doc: unknown): string {
  try {
    parseConfig(JSON.stringify(doc), 'ringside.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigFileError');
}

describe('secure URLs in the settings', () => {
  it('the configuration file names every insecure address with the one rule', () => {
    const message = configProblems(INSECURE);
    for (const field of [
      'voicenter.loginBaseUrl',
      'rocketchat.serverUrl',
      'signalwire.space',
      'signalwire.relayUrl',
    ]) {
      expect(message).toContain(
        `"${field}" must start with https:// so that passwords and tokens never cross the network in clear text`,
      );
    }
  });

  it('the configuration file takes https anywhere and plain http on this computer', () => {
    expect(() =>
      parseConfig(
        JSON.stringify({
          voicenter: { loginBaseUrl: 'https://login.reseller.example/monitorAPI/Login' },
          rocketchat: { serverUrl: 'http://127.0.0.1:3000' },
          signalwire: { space: 'acme', relayUrl: 'http://localhost:9000/sw' },
        }),
        'ringside.json',
      ),
    ).not.toThrow();
  });

  it('a stored insecure address is replaced by its default, never used', () => {
    const { settings, repaired } = parseDocument(INSECURE, SETTINGS_VERSION);
    expect(settings.voicenter.loginBaseUrl).toBe(DEFAULT_LOGIN_BASE_URL);
    expect(settings.rocketchat.serverUrl).toBe('');
    expect(settings.signalwire.space).toBe('');
    expect(settings.signalwire.relayUrl).toBe('');
    expect(repaired).toEqual(
      expect.arrayContaining([
        'voicenter.loginBaseUrl',
        'rocketchat.serverUrl',
        'signalwire.space',
        'signalwire.relayUrl',
      ]),
    );
  });
});
