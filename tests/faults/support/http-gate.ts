/**
 * A gate in front of a simulator's HTTP side, as a proxy or a failing front end would stand
 * there: it passes every request on, answers in the server's place with what a test chose, or
 * holds chosen requests (the server has not seen them yet) until the test lets them through. The
 * app is pointed at it as at any server address (a white-label login domain, a Rocket.Chat URL).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GateRequest {
  method: string;
  path: string;
  body: string;
}

export interface HttpGate {
  /** `http://127.0.0.1:P`: the same paths as the server behind it. */
  readonly origin: string;
  /** From now on every request is answered with this instead of reaching the server. */
  fail(status: number, text: string): void;
  /** From now on requests reach the server again. */
  pass(): void;
  /** Requests answered in the server's place so far. */
  refused(): number;
  /** From now on requests that `match` wait at the gate until `release()`. */
  holdWhen(match: (request: GateRequest) => boolean): void;
  /** Requests waiting at the gate now. */
  held(): GateRequest[];
  /** Lets the held requests through; resolves once the server has answered each of them. */
  release(): Promise<void>;
  close(): Promise<void>;
}

interface Held {
  request: GateRequest;
  go: () => Promise<void>;
}

export async function startHttpGate(target: string): Promise<HttpGate> {
  const origin = new URL(target).origin;
  let answer: { status: number; text: string } | null = null;
  let refused = 0;
  let hold: ((request: GateRequest) => boolean) | null = null;
  let waiting: Held[] = [];

  const forward = async (
    req: IncomingMessage,
    res: ServerResponse,
    request: GateRequest,
  ): Promise<void> => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
        headers.set(name, value);
      }
    }
    const response = await fetch(`${origin}${req.url ?? '/'}`, {
      method: request.method,
      headers,
      ...(request.body !== '' ? { body: request.body } : {}),
    });
    const body = Buffer.from(await response.arrayBuffer());
    // The client may be long gone (a held request of an app that was killed).
    if (res.destroyed) return;
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
    });
    res.writeHead(response.status, out);
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: GateRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', origin).pathname,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    if (answer) {
      refused += 1;
      res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(answer.text);
      return;
    }
    if (hold?.(request)) {
      waiting.push({ request, go: () => forward(req, res, request) });
      return;
    }
    await forward(req, res, request);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    fail: (status, text) => {
      answer = { status, text };
    },
    pass: () => {
      answer = null;
    },
    refused: () => refused,
    holdWhen: (match) => {
      hold = match;
    },
    held: () => waiting.map((item) => item.request),
    async release() {
      const due = waiting;
      waiting = [];
      hold = null;
      await Promise.all(due.map((item) => item.go()));
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
