import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { registerAppScheme, serveApp } from '../../../electron/main/adapters/app-protocol';
import { cspFor } from '../../../electron/main/security/policy';

const root = join(sep, 'opt', 'ringside', 'renderer');

function served() {
  let handler: ((request: Request) => Promise<Response>) | null = null;
  const fetched: string[] = [];
  const protocol = {
    handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (handler = fn),
    unhandle: () => (handler = null),
  } as unknown as Protocol;
  const dispose = serveApp(
    protocol,
    (url) => {
      fetched.push(url);
      return url.endsWith('missing.js')
        ? Promise.reject(new Error('ENOENT'))
        : Promise.resolve(
            new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }),
          );
    },
    root,
    cspFor(null),
  );
  const request = (url: string, method = 'GET') => {
    if (!handler) throw new Error('not handled');
    return handler(new Request(url, { method }));
  };
  return { request, fetched, dispose, isHandled: () => handler !== null };
}

describe('serveApp', () => {
  it('serves files of the renderer folder with the CSP', async () => {
    const { request, fetched } = served();
    const response = await request('app://ringside/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(cspFor(null));
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(fetched).toEqual([pathToFileURL(join(root, 'index.html')).href]);
  });

  it('answers 404 outside the folder or for missing files, 405 for other methods', async () => {
    const { request, fetched } = served();
    expect((await request('app://ringside/..%2f..%2fsecrets.json')).status).toBe(404);
    expect((await request('app://ringside/missing.js')).status).toBe(404);
    expect((await request('app://ringside/index.html', 'POST')).status).toBe(405);
    expect(fetched).toEqual([pathToFileURL(join(root, 'missing.js')).href]);
  });

  it('is removed by its disposer', () => {
    const { dispose, isHandled } = served();
    dispose();
    expect(isHandled()).toBe(false);
  });
});

describe('registerAppScheme', () => {
  it('makes app: a standard, secure scheme', () => {
    const registered: unknown[] = [];
    const protocol = {
      registerSchemesAsPrivileged: (schemes: unknown[]) => registered.push(...schemes),
    };
    registerAppScheme(protocol);
    expect(registered).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });
});
