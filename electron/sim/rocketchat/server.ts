import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { RateRuleName, Route, SimContext } from './context';
import { BAD_REQUEST, BadBody, injectedFailure, parseQuery, readBody, writeReply } from './http-io';
import type { LimiterSettings } from './pipeline';
import { authenticate, runRoute } from './pipeline';
import type { Reply } from './responses';
import { notFound } from './responses';
import { authRoutes, serverInfo } from './routes/auth';
import { chatRoutes } from './routes/chat';
import { livePage } from './routes/live-page';
import { livechatRoutes } from './routes/livechat';
import { voipRoutes } from './routes/voip';

// The HTTP shell: routing, the request journal, and the fault controls (failNext, down, latency,
// stop/restart on the same port). All Rocket.Chat behaviour lives in the pipeline and routes.

export interface JournalEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Epoch ms when the response was sent. */
  readonly at: number;
}

const ROUTES: readonly Route[] = [...authRoutes, ...livechatRoutes, ...voipRoutes, ...chatRoutes];

export class SimHttpServer {
  readonly journal: JournalEntry[] = [];
  private readonly server = createServer((req, res) => void this.onRequest(req, res));
  private readonly sockets = new Set<Socket>();
  private failures: { remaining: number; status: number } = { remaining: 0, status: 503 };
  private down = false;
  private delayMs = 0;
  private port = 0;

  constructor(
    private readonly sim: SimContext,
    private readonly limits: LimiterSettings,
    private readonly host: string,
  ) {
    this.server.on('connection', (socket: Socket) => {
      if (this.down) {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get url(): string {
    return `http://${this.host}:${this.port}`;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.server.once('error', onError);
      this.server.listen(port, this.host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Restart on the port the server had, so clients keep their configured URL. */
  async reopen(): Promise<void> {
    await this.close();
    await this.listen(this.port);
  }

  failNext(count: number, status: number): void {
    this.failures = { remaining: Math.max(0, Math.floor(count)), status };
  }

  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const socket of this.sockets) socket.destroy();
  }

  setLatency(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    let reply: Reply;
    try {
      const body = await readBody(req);
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (this.down) {
        req.socket.destroy();
        return;
      }
      reply = this.takeFailure() ?? this.dispatch(req, res, method, url, body);
    } catch (err) {
      if (!(err instanceof BadBody)) throw err;
      reply = BAD_REQUEST;
    }
    if (res.destroyed) return;
    writeReply(res, reply);
    this.journal.push({ method, path: url.pathname, status: reply.status, at: this.sim.now() });
  }

  private takeFailure(): Reply | undefined {
    if (this.failures.remaining <= 0) return undefined;
    this.failures.remaining -= 1;
    return injectedFailure(this.failures.status);
  }

  private dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    url: URL,
    body: unknown,
  ): Reply {
    const path = url.pathname;
    if (path === '/api/info' && method === 'GET')
      return serverInfo(this.sim, authenticate(this.sim, req.headers)?.user);
    // `/voip/:rid` is Rocket.Chat's own route for a VoIP room (what the client links to);
    // `/live/:rid` is the livechat one. Both show the read-only stand-in page.
    const live = /^\/(?:live|voip)\/([^/]+)$/.exec(path);
    if (live && method === 'GET') return livePage(this.sim, decodeURIComponent(live[1] ?? ''));
    if (!path.startsWith('/api/v1/')) return notFound();
    const sub = path.slice('/api/v1/'.length);
    const route = ROUTES.find((r) => r.path === sub && r.method === method);
    // 8.0 removed omnichannel VoIP: its routes no longer exist at all.
    if (!route || (route.voip && this.sim.parsedVersion.major >= 8)) return notFound();
    const ip = String(req.headers['x-real-ip'] || req.socket.remoteAddress || '');
    const ctx = {
      method,
      url,
      headers: req.headers,
      ip,
      query: parseQuery(url.searchParams),
      body,
    };
    return runRoute(this.sim, this.limits, route, ctx, res);
  }
}

export type { RateRuleName };
