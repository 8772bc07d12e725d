/**
 * A gate in front of the Voicenter login API (sign-in and token refresh), as a reseller's proxy or
 * a failing login service would stand there: it passes every request to the simulator, or answers
 * in its place with the status and text a test chose. The app is pointed at it as at any
 * white-label login address.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoginGate {
  /** The login base URL to configure: `http://127.0.0.1:P/monitorAPI/Login`. */
  readonly loginBaseUrl: string;
  /** From now on every request is answered with this instead of reaching the login API. */
  fail(status: number, text: string): void;
  /** From now on requests reach the login API again. */
  pass(): void;
  /** Requests answered in the login API's place so far. */
  refused(): number;
  close(): Promise<void>;
}

export async function startLoginGate(target: { loginBaseUrl: string }): Promise<LoginGate> {
  const origin = new URL(target.loginBaseUrl).origin;
  let answer: { status: number; text: string } | null = null;
  let refused = 0;

  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (answer) {
      refused += 1;
      res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(answer.text);
      return;
    }
    const headers = new Headers();
    for (const name of ['authorization', 'content-type', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    const response = await fetch(`${origin}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(response.status, {
      'Content-Type': response.headers.get('content-type') ?? 'text/plain',
    });
    res.end(Buffer.from(await response.arrayBuffer()));
  };

  const server = createServer((req, res) => {
    forward(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    loginBaseUrl: `http://127.0.0.1:${port}${new URL(target.loginBaseUrl).pathname}`,
    fail: (status, text) => {
      answer = { status, text };
    },
    pass: () => {
      answer = null;
    },
    refused: () => refused,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
