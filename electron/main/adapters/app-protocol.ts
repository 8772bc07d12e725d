import { pathToFileURL } from 'node:url';
import type { Protocol } from 'electron';
import { APP_SCHEME, resolveAppAsset } from '../security/policy';

/**
 * `app://ringside/` is a standard, secure scheme: the page gets a real origin (so `'self'` in the
 * CSP and the sender check mean something), unlike `file://`, where every local file shares one
 * opaque origin. Must run before the app is ready.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * Serves the built renderer read-only from `rendererDir`, with the CSP on every response. Paths
 * that escape the folder are 404s. Returns a disposer.
 */
export function serveApp(
  protocol: Pick<Protocol, 'handle' | 'unhandle'>,
  fetchFile: (fileUrl: string) => Promise<Response>,
  rendererDir: string,
  csp: string,
): () => void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405 });
    const file = resolveAppAsset(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    let response: Response;
    try {
      response = await fetchFile(pathToFileURL(file).href);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Cache-Control', 'no-store');
    return new Response(response.body, { status: response.status, headers });
  });
  return () => protocol.unhandle(APP_SCHEME);
}
