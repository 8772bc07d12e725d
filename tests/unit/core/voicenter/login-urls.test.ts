import { describe, expect, it } from 'vitest';
import {
  loginUrl,
  normaliseLoginBase,
  refreshUrl,
} from '../../../../electron/core/voicenter/login-urls';

function base(input?: string): URL {
  const url = normaliseLoginBase(input);
  if (url === null) throw new Error(`expected a valid base: ${input}`);
  return url;
}

describe('login URLs', () => {
  it('defaults to Voicenter login API', () => {
    const b = base(undefined);
    expect(loginUrl(b, 'user')).toBe('https://loginapi.voicenter.co.il/monitorAPI/Login/User');
    expect(loginUrl(b, 'account')).toBe(
      'https://loginapi.voicenter.co.il/monitorAPI/Login/Account',
    );
    expect(loginUrl(b, 'token')).toBe('https://loginapi.voicenter.co.il/monitorAPI/Login/Token');
    expect(refreshUrl(b)).toBe('https://loginapi.voicenter.co.il/monitorAPI/RefreshIdentityToken');
    expect(loginUrl(base('  '), 'user')).toBe(
      'https://loginapi.voicenter.co.il/monitorAPI/Login/User',
    );
  });

  it('derives the refresh URL as a sibling of the last path segment (white-label, port, trailing slash)', () => {
    const b = base('http://127.0.0.1:4567/monitorAPI/Login/');
    expect(loginUrl(b, 'account')).toBe('http://127.0.0.1:4567/monitorAPI/Login/Account');
    expect(refreshUrl(b)).toBe('http://127.0.0.1:4567/monitorAPI/RefreshIdentityToken');
    const w = base('https://login.reseller.example/api/v2/monitorAPI/Login?x=1#y');
    expect(loginUrl(w, 'token')).toBe(
      'https://login.reseller.example/api/v2/monitorAPI/Login/Token',
    );
    expect(refreshUrl(w)).toBe(
      'https://login.reseller.example/api/v2/monitorAPI/RefreshIdentityToken',
    );
  });

  it('refuses anything but plain http(s) URLs', () => {
    expect(normaliseLoginBase('ftp://example.com/monitorAPI/Login')).toBeNull();
    expect(normaliseLoginBase('not a url')).toBeNull();
    expect(normaliseLoginBase('https://user:pw@example.com/monitorAPI/Login')).toBeNull();
  });
});
