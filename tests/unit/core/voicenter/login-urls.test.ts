import { describe, expect, it } from 'vitest';
import { loginBase, loginUrl, refreshUrl } from '../../../../electron/core/voicenter/login-urls';

function base(input?: string): URL {
  const result = loginBase(input);
  if (!result.ok) throw new Error(`expected a valid base: ${input}`);
  return result.url;
}

const reason = (input: string): string => {
  const result = loginBase(input);
  return result.ok ? '' : result.reason;
};

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

  it('refuses what is not a web address, or carries a name and password', () => {
    expect(reason('not a url')).toMatch(/not a valid web address/);
    expect(reason('https://user:pw@example.com/monitorAPI/Login')).toMatch(/name or password/);
    expect(reason('https://user:pw@example.com/monitorAPI/Login')).not.toContain('pw');
  });

  it('refuses an address a password could cross the network to in clear text', () => {
    for (const input of [
      'http://login.reseller.example/monitorAPI/Login',
      'http://127.0.0.1.reseller.example/monitorAPI/Login',
      'ftp://example.com/monitorAPI/Login',
    ]) {
      expect(reason(input)).toBe(
        'The Voicenter login address must start with https:// so that passwords and tokens never cross the network in clear text.',
      );
    }
    expect(loginBase('http://localhost:8080/monitorAPI/Login').ok).toBe(true);
  });
});
