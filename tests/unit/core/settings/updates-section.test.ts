import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../electron/core/settings/config-file';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { MemoryBackend } from '../../../support/memory-backend';
import { problemsOf } from './support';

describe('the updates settings', () => {
  it('are on, from the build’s own feed, unless an administrator says otherwise', () => {
    expect(new SettingsStore(new MemoryBackend()).get().updates).toEqual({
      enabled: true,
      feedUrl: null,
    });
  });

  it('can be turned off and pointed at an HTTPS server in the configuration file', () => {
    const config = parseConfig(
      '{"updates": {"enabled": false, "feedUrl": "https://updates.example.co.il/ringside"}}',
      'ringside.json',
    );
    expect(config.settings.updates).toEqual({
      enabled: false,
      feedUrl: 'https://updates.example.co.il/ringside',
    });
  });

  it('refuse a feed that is not https, even on this computer, and a misspelt field', () => {
    expect(problemsOf('{"updates": {"feedUrl": "http://updates.example.co.il/"}}')).toMatch(
      /"updates.feedUrl" must start with https:\/\//,
    );
    expect(problemsOf('{"updates": {"feedUrl": "http://127.0.0.1:8080/"}}')).toMatch(
      /"updates.feedUrl" must start with https:\/\//,
    );
    expect(problemsOf('{"updates": {"enable": false}}')).toMatch(
      /"updates.enable" is not a Ringside setting/,
    );
  });
});
