/**
 * One monitor server (a production `monitorN.voicenter.co`): socket.io 4 speaking Engine.IO v3
 * only, token checked by middleware. Can be killed and restarted on the same port.
 */
import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import type { LoginIdentity } from './tokens';

export interface MonitorServerOptions {
  index: number;
  host: string;
  port: number;
  pingInterval: number;
  pingTimeout: number;
  /** The identity behind a socket token, or null to refuse the socket. */
  authorize: (token: string) => LoginIdentity | null;
  onSocket: (socket: Socket, identity: LoginIdentity, token: string) => void;
}

/** `crash`: connections drop without a socket.io goodbye (a dead process); `graceful`: disconnect packets first. */
export type KillMode = 'crash' | 'graceful';

export class MonitorServer {
  private http: HttpServer | null = null;
  private io: Server | null = null;
  private readonly connections = new Set<NetSocket>();
  private boundPort: number;

  constructor(private readonly opts: MonitorServerOptions) {
    this.boundPort = opts.port;
  }

  get index(): number {
    return this.opts.index;
  }

  get up(): boolean {
    return this.io !== null;
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://${this.opts.host}:${this.boundPort}`;
  }

  sockets(): Socket[] {
    return this.io ? [...this.io.sockets.sockets.values()] : [];
  }

  async start(): Promise<void> {
    if (this.io) return;
    const http = createServer();
    http.on('connection', (s) => {
      this.connections.add(s);
      s.once('close', () => this.connections.delete(s));
    });
    const io = new Server(http, {
      allowEIO3: true,
      serveClient: false,
      pingInterval: this.opts.pingInterval,
      pingTimeout: this.opts.pingTimeout,
      // engine.io 6 puts `maxPayload` in every handshake, even EIO3 ones; production (engine.io 3)
      // never sends it. JSON.stringify drops undefined, so leaving it undefined restores the EIO3
      // handshake. ws then applies its own 100 MiB frame limit.
      maxHttpBufferSize: undefined,
      // The production servers are socket.io 2.x: an Engine.IO v4 client never gets in.
      allowRequest: (req, callback) => {
        const eio = new URL(req.url ?? '/', 'http://sim').searchParams.get('EIO');
        callback(eio === '3' ? null : 'Unsupported protocol version', eio === '3');
      },
    });
    io.use((socket, next) => {
      const token = tokenOf(socket);
      const identity = token ? this.opts.authorize(token) : null;
      if (!identity || !token) return next(new Error('Unauthorized'));
      socket.data = { identity, token };
      next();
    });
    io.on('connection', (socket) => {
      const data = socket.data as { identity: LoginIdentity; token: string };
      this.opts.onSocket(socket, data.identity, data.token);
    });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.boundPort, this.opts.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    const address = http.address();
    if (address && typeof address === 'object') this.boundPort = address.port;
    this.http = http;
    this.io = io;
  }

  async kill(mode: KillMode = 'crash'): Promise<void> {
    const io = this.io;
    const http = this.http;
    if (!io || !http) return;
    this.io = null;
    this.http = null;
    if (mode === 'graceful') io.disconnectSockets(true);
    for (const s of this.connections) s.destroy();
    this.connections.clear();
    await new Promise<void>((resolve) => {
      void io.close(() => resolve());
    });
    if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
  }

  /** Comes back on the same port. */
  async restart(): Promise<void> {
    await this.kill('crash');
    await this.start();
  }
}

function tokenOf(socket: Socket): string | null {
  const raw = socket.handshake.query['token'];
  const token = Array.isArray(raw) ? raw[0] : raw;
  return typeof token === 'string' && token.length > 0 ? token : null;
}
