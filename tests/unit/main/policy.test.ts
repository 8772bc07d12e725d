import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_BASE,
  cspFor,
  externalLinkTarget,
  isPermissionAllowed,
  isSameOrigin,
  resolveAppAsset,
} from '../../../electron/main/security/policy';

describe('isSameOrigin', () => {
  it.each([
    ['app://ringside/index.html', true],
    ['app://ringside/assets/x.js?v=1#top', true],
    ['APP://RINGSIDE/index.html', true],
    ['app://ringside.evil/index.html', false],
    ['app://evil/ringside', false],
    ['app://user:pw@ringside/index.html', false],
    ['https://ringside/index.html', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isSameOrigin(url, APP_BASE)).toBe(expected);
  });

  it('compares the port for the dev server', () => {
    expect(isSameOrigin('http://localhost:5173/src/main.ts', 'http://localhost:5173')).toBe(true);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});

describe('cspFor', () => {
  it('is strict in production: nothing inline, no network but the app itself, no framing', () => {
    const csp = cspFor(null);
    const directives: Record<string, string> = Object.fromEntries(
      csp
        .split('; ')
        .map((d): [string, string] => [d.split(' ')[0] ?? '', d.split(' ').slice(1).join(' ')]),
    );
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'font-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(csp).not.toContain('unsafe');
  });

  it('lets the Vite dev server inject styles and open its socket, and nothing more', () => {
    const csp = cspFor('http://localhost:5173/');
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).toContain("script-src 'self';");
  });
});

describe('isPermissionAllowed', () => {
  it('allows notifications for the app page only, and nothing else', () => {
    expect(isPermissionAllowed('notifications', 'app://ringside/index.html', APP_BASE)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://ringside', APP_BASE)).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example', APP_BASE)).toBe(false);
    for (const permission of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'hid']) {
      expect(isPermissionAllowed(permission, 'app://ringside/index.html', APP_BASE)).toBe(false);
    }
  });
});

describe('externalLinkTarget', () => {
  it.each([
    ['https://chat.example.com/room/1', 'https://chat.example.com/room/1'],
    ['http://chat.example.com', null],
    ['file:///C:/Windows/system32/calc.exe', null],
    ['ms-msdt:/id PCWDiagnostic', null],
    ['https://user:pw@example.com', null],
    ['javascript:alert(1)', null],
  ])('%s -> %s', (url, expected) => {
    expect(externalLinkTarget(url)).toBe(expected);
  });
});

describe('resolveAppAsset', () => {
  const root = join(sep, 'opt', 'ringside', 'renderer');
  it.each([
    ['app://ringside/', join(root, 'index.html')],
    ['app://ringside/index.html', join(root, 'index.html')],
    ['app://ringside/assets/index-abc.js', join(root, 'assets', 'index-abc.js')],
    ['app://ringside/assets/../index.html', join(root, 'index.html')],
  ])('%s', (url, expected) => {
    expect(resolveAppAsset(root, url)).toBe(expected);
  });

  it.each([
    'app://ringside/..%2F..%2Fetc%2Fpasswd',
    'app://ringside/%2e%2e%2f%2e%2e%2fsecrets.json',
    'app://ringside/a%00b',
    'app://other/index.html',
    'https://ringside/index.html',
    'app://ringside/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });
});
