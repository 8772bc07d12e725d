import { describe, expect, it } from 'vitest';
import { checkSignIn, whiteLabelServer } from '@renderer/lib/sign-in-form';
import { en } from '@renderer/lib/i18n/en';
import { he } from '@renderer/lib/i18n/he';
import { blank } from './sign-in-fields';

describe('checkSignIn', () => {
  it.each([
    [{ loginType: 'user', email: '' }, 'email', 'signin.err.email'],
    [{ loginType: 'user', email: 'agent' }, 'email', 'signin.err.emailShape'],
    [{ loginType: 'user', email: 'agent@example.co.il' }, 'password', 'signin.err.password'],
    [{ loginType: 'account', username: '  ' }, 'username', 'signin.err.username'],
    [{ loginType: 'account', username: 'acme' }, 'password', 'signin.err.password'],
    [{ loginType: 'token' }, 'token', 'signin.err.token'],
    [{ loginType: 'token', token: 'abc' }, 'token', 'signin.err.tokenShort'],
    [
      { loginType: 'token', token: 'abcdefghij', loginBaseUrl: 'loginapi.example' },
      'loginBaseUrl',
      'secureUrl.refused',
    ],
    [
      { loginType: 'token', token: 'abcdefghij', loginBaseUrl: 'ftp://loginapi.example' },
      'loginBaseUrl',
      'secureUrl.refused',
    ],
    [
      { loginType: 'token', token: 'abcdefghij', loginBaseUrl: 'http://loginapi.example' },
      'loginBaseUrl',
      'secureUrl.refused',
    ],
  ] as const)('refuses %o at %s with a plain message', (patch, field, message) => {
    const check = checkSignIn({ ...blank, ...patch });
    expect(check).toEqual({ ok: false, field, message });
    expect(en[message]).not.toMatch(/zod|expected|string/i);
  });

  it('builds the contract input, trimmed, for each login type', () => {
    expect(checkSignIn({ ...blank, email: ' agent@example.co.il ', password: ' secret ' })).toEqual(
      {
        ok: true,
        value: { loginType: 'user', email: 'agent@example.co.il', password: ' secret ' },
      },
    );
    expect(
      checkSignIn({ ...blank, loginType: 'account', username: 'acme', password: 'pw' }),
    ).toEqual({ ok: true, value: { loginType: 'account', username: 'acme', password: 'pw' } });
    expect(
      checkSignIn({
        ...blank,
        loginType: 'token',
        token: 'abcdefghij',
        loginBaseUrl: 'https://login.reseller.example/monitorAPI/Login',
      }),
    ).toEqual({
      ok: true,
      value: {
        loginType: 'token',
        token: 'abcdefghij',
        loginBaseUrl: 'https://login.reseller.example/monitorAPI/Login',
      },
    });
    // The demo's and the tests' login service on this computer.
    expect(
      checkSignIn({
        ...blank,
        loginType: 'token',
        token: 'abcdefghij',
        loginBaseUrl: 'http://127.0.0.1:4567/monitorAPI/Login',
      }).ok,
    ).toBe(true);
  });
});

describe('dictionaries', () => {
  it('has every English string in Hebrew, with the same parameters', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(he[key], key).toBeTruthy();
      expect(params(he[key]), key).toEqual(params(en[key]));
    }
  });
});

describe('whiteLabelServer', () => {
  it('hides Voicenter’s own login service and keeps a reseller’s', () => {
    expect(whiteLabelServer('https://loginapi.voicenter.co.il/monitorAPI/Login')).toBe('');
    expect(whiteLabelServer('https://loginapi.voicenter.co.il/monitorAPI/Login/')).toBe('');
    expect(whiteLabelServer('https://login.reseller.example/monitorAPI/Login')).toBe(
      'https://login.reseller.example/monitorAPI/Login',
    );
    expect(whiteLabelServer('')).toBe('');
  });
});
