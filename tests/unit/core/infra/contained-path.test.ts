import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containedFile, type PathRules } from '../../../../electron/core/infra/contained-path';

// Every row runs under both platforms' path rules, so Windows separators and drive letters are
// checked here too. The URL path is what a request carries: still percent-encoded.
const platforms: [string, PathRules, string][] = [
  ['posix', path.posix, '/srv/ringside/renderer'],
  ['win32', path.win32, 'C:\\Program Files\\Ringside\\renderer'],
];

const inside = (rules: PathRules, root: string, ...parts: string[]) => rules.join(root, ...parts);

describe.each(platforms)('containedFile (%s)', (_name, rules, root) => {
  it.each([
    ['/', ['index.html']],
    ['', ['index.html']],
    ['/assets/', ['assets', 'index.html']],
    ['/assets/index-abc.js', ['assets', 'index-abc.js']],
    ['/assets/../index.html', ['index.html']],
    ['/%61ssets/a.js', ['assets', 'a.js']],
    // A name that merely starts with two dots is a file like any other.
    ['/..hidden', ['..hidden']],
    // Decoded once: a double-encoded `..` is a folder literally named `%2e%2e`.
    ['/%252e%252e/x', ['%2e%2e', 'x']],
    // Absolute paths are read as relative to the folder, never as themselves.
    ['/etc/passwd', ['etc', 'passwd']],
    ['//etc/passwd', ['etc', 'passwd']],
    ['/%2Fetc%2Fpasswd', ['etc', 'passwd']],
  ])('serves %j from inside the folder', (urlPath, parts) => {
    expect(containedFile(root, urlPath, rules)).toEqual({
      ok: true,
      file: inside(rules, root, ...parts),
    });
  });

  it.each([
    '/..',
    '/../secrets.json',
    '/assets/../../secrets.json',
    '/assets/..',
    '/..%2f..%2fetc%2fpasswd',
    '/..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e%2f%2e%2e%2fsecrets.json',
    '/%2E%2E%2Fsecrets.json',
    '/.%2e/secrets.json',
    // Backslashes: separators on Windows, refused everywhere.
    '/..%5c..%5csecrets.json',
    '/..\\..\\secrets.json',
    '/assets%5Cindex.js',
    // NUL: native code would stop at it and open another file than the one checked.
    '/a%00b',
    '/index.html%00.png',
    '/%00',
  ])('refuses %j as outside', (urlPath) => {
    expect(containedFile(root, urlPath, rules)).toEqual({ ok: false, reason: 'outside' });
  });

  it.each(['/%E0%A4%A', '/%', '/%zz', '/a%2'])('refuses %j as malformed', (urlPath) => {
    expect(containedFile(root, urlPath, rules)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('containedFile with Windows drive letters and shares', () => {
  const root = 'C:\\Ringside\\renderer';
  it('keeps a share-like path inside the folder', () => {
    expect(containedFile(root, '//server/share/x', path.win32)).toEqual({
      ok: true,
      file: 'C:\\Ringside\\renderer\\server\\share\\x',
    });
  });

  // Windows reads a drive letter anywhere in a path as that drive: refused, not served from it.
  it.each([
    '/C:/Windows/win.ini',
    '/C%3A/Windows/win.ini',
    '/D:/x',
    '/C:%5CWindows%5Cwin.ini',
    '/%5C%5Cserver%5Cshare%5Cx',
    '/..%2f..%2fD:/x',
  ])('refuses %j', (urlPath) => {
    expect(containedFile(root, urlPath, path.win32)).toEqual({ ok: false, reason: 'outside' });
  });
});
