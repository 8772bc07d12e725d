import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { pipeline } from 'node:stream';
import { containedFile } from '../core/infra/contained-path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer folder read-only. Paths are resolved inside `root` by the app's one
 * containment check (`core/infra/contained-path.ts`), so the host never serves other files.
 */
export function createStaticHandler(root: string, headers: Record<string, string>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://host').pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const found = containedFile(root, pathname);
    if (!found.ok) {
      res.writeHead(found.reason === 'malformed' ? 400 : 404).end();
      return;
    }
    const { file } = found;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    // `pipeline` rather than `pipe`: a file that vanishes mid-read, or a browser that goes away,
    // ends this response only (a stream error without a listener would end the host).
    else pipeline(createReadStream(file), res, () => undefined);
  };
}
