import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Reply } from './responses';

// Request parsing and response writing. Parsing mirrors what Rocket.Chat's express stack hands
// the endpoints: JSON or urlencoded body (else `{}`), query values as strings (arrays if repeated).

const MAX_BODY = 1024 * 1024;

export class BadBody extends Error {}

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BadBody('body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  if (type.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BadBody('invalid JSON');
    }
  }
  return {};
}

export function parseQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

/** What express's default error handler answers for a body it cannot parse. */
export const BAD_REQUEST: Reply = {
  status: 400,
  body: null,
  html: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><pre>Bad Request</pre></body></html>',
};

/** An injected failure: Rocket.Chat's own 500, or what a reverse proxy says for 502/503/504. */
export function injectedFailure(status: number): Reply {
  if (status === 500) return { status, body: { success: false, error: 'Internal server error' } };
  const text = `${status} ${status === 502 ? 'Bad Gateway' : status === 504 ? 'Gateway Time-out' : 'Service Temporarily Unavailable'}`;
  return {
    status,
    body: null,
    html: `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.html !== undefined) {
    res.writeHead(reply.status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(reply.html);
    return;
  }
  // The headers Rocket.Chat's router puts on every JSON answer.
  res.writeHead(reply.status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  });
  res.end(JSON.stringify(reply.body));
}
