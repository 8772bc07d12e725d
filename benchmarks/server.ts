/**
 * The Voicenter side of the benchmark: the simulator's login API, one socket.io 4 monitor server
 * speaking Engine.IO v3, and an account of N load extensions driven by the sim's `LoadTraffic`.
 *
 * It is composed from the simulator's own modules rather than `startVoicenterSim` because the
 * benchmark needs the sockets themselves: events are encoded once into socket.io packets and
 * written straight to each connection (`conn.write`, what socket.io's own emit ends in), so a
 * flood costs the server one string per event and the client, not the server, sets the pace.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'socket.io';
import {
  DEMO_AGENT,
  DEMO_COLLEAGUES,
  demoQueues,
  resolveCredentials,
  type SimCredentials,
} from '../electron/sim/voicenter/directory';
import { LoadTraffic } from '../electron/sim/voicenter/load';
import { createLoginHandler, LOGIN_PATH } from '../electron/sim/voicenter/login-api';
import { MonitorServer } from '../electron/sim/voicenter/monitor-server';
import { Hub } from '../electron/sim/voicenter/sessions';
import { SimState } from '../electron/sim/voicenter/state';
import { SimTelephony } from '../electron/sim/voicenter/telephony';
import { TokenStore } from '../electron/sim/voicenter/tokens';

const HOUR = 3_600_000;

/** One connected client (the app or the bare baseline). */
export interface BenchClient {
  /**
   * Writes `packets` in order, `batch` at a time, never more than two batches ahead of what the
   * socket has handed to the kernel. Resolves with the number written once all are handed over,
   * or as many as were when the connection closes.
   */
  flood(packets: readonly string[], batch?: number): Promise<number>;
  /** Packets handed to the kernel by every `flood` so far (an upper bound of what the client read). */
  readonly floodWritten: number;
  /** Packets waiting in the server's engine.io buffer (events the client has not taken yet). */
  backlog(): number;
  readonly closed: boolean;
}

export interface BenchServer {
  /** For the app's config file: `http://127.0.0.1:P/monitorAPI/Login`. */
  readonly loginBaseUrl: string;
  readonly credentials: SimCredentials;
  /** The agent's own extension (in the account's monitored set). */
  readonly ownExtension: number;
  readonly traffic: LoadTraffic;
  /** Resolves with the next client, once its greeting and snapshots were sent. */
  nextClient(timeoutMs: number): Promise<BenchClient>;
  /** Runs `fn` and returns every event it emitted, encoded, instead of sending them. */
  record(fn: () => void): string[];
  /** Rings the agent's own extension (sent at once to every client). */
  ring(ivrid: string, callerPhone: string): void;
  hangUp(ivrid: string): void;
  stop(): Promise<void>;
}

/** socket.io's EVENT packet in the default namespace (Engine.IO adds its own `4`). */
export function encodeEvent(event: string, payload: unknown): string {
  return `2${JSON.stringify([event, payload])}`;
}

export async function startBenchServer(options: {
  extensions: number;
  seed: string;
}): Promise<BenchServer> {
  const now = () => Date.now();
  const credentials = resolveCredentials();
  const ownExtension = credentials.user.extension;
  const state = new SimState();
  state.addExtension({ ...DEMO_AGENT, number: ownExtension }, now());
  for (const seed of DEMO_COLLEAGUES) state.addExtension(seed, now());
  for (const queue of demoQueues(ownExtension)) state.addQueue(queue);

  const tokens = new TokenStore({ tokenTtlMs: 12 * HOUR, refreshTokenTtlMs: 30 * 24 * HOUR }, now);
  const hub = new Hub({
    state,
    tokens,
    now,
    flags: () => ({ silenced: false, badKeepalive: false }),
    sendDialers: () => false,
  });

  const clients = new Set<Client>();
  let recording: string[] | null = null;
  const tel = new SimTelephony({
    state,
    now,
    seedShaped: () => false,
    publish: (_audience, event, payload) => {
      // Every client is an account login, which sees every extension.
      const packet = encodeEvent(event, payload);
      if (recording) recording.push(packet);
      else for (const client of clients) client.send(packet);
    },
  });
  // The board's initial calls are made before anyone connects: they reach clients in the snapshot.
  const traffic = new LoadTraffic(
    { extensions: options.extensions, seed: options.seed },
    { state, tel, now },
  );

  const waiting = new Set<(client: Client) => void>();
  const monitor = new MonitorServer({
    index: 0,
    host: '127.0.0.1',
    port: 0,
    pingInterval: 60_000,
    pingTimeout: 180_000,
    authorize: (token) => tokens.validate(token),
    onSocket: (socket, identity, token) => {
      hub.attach(socket, identity, token, 0);
      const client = new Client(socket);
      clients.add(client);
      socket.once('disconnect', () => clients.delete(client));
      for (const resolve of waiting) resolve(client);
      waiting.clear();
    },
  });
  await monitor.start();

  let origin = '';
  const login: HttpServer = createServer(
    createLoginHandler({
      credentials: () => credentials,
      tokens,
      socketUrls: () => [monitor.url],
      shape: () => ({
        urlKey: 'Url',
        serverList: 'URLList',
        badCredentials: 401,
        expiryZone: 'israel',
      }),
      origin: () => origin,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    login.once('error', reject);
    login.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(login.address() as AddressInfo).port}`;

  return {
    loginBaseUrl: `${origin}${LOGIN_PATH}`,
    credentials,
    ownExtension,
    traffic,
    nextClient: (timeoutMs) =>
      new Promise<BenchClient>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(done);
          reject(new Error(`no client connected within ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (client: Client) => {
          clearTimeout(timer);
          resolve(client);
        };
        waiting.add(done);
      }),
    record(fn) {
      const packets: string[] = [];
      recording = packets;
      try {
        fn();
      } finally {
        recording = null;
      }
      return packets;
    },
    ring(ivrid, callerPhone) {
      tel.newCall(ownExtension, {
        ivrid,
        callerName: 'Bench Caller',
        callerPhone,
        did: '0722776772',
        direction: 'Incoming',
      });
    },
    hangUp(ivrid) {
      if (state.findCall(ownExtension, ivrid)) tel.hangup(ownExtension, ivrid, 'Normal hangup');
    },
    async stop() {
      await monitor.kill('crash');
      login.closeAllConnections();
      await new Promise<void>((resolve) => login.close(() => resolve()));
    },
  };
}

class Client implements BenchClient {
  floodWritten = 0;

  constructor(private readonly socket: Socket) {
    // engine.io hands a flush to ws frame by frame, one system call each; holding the TCP socket
    // corked for the flush writes them in one go, which keeps the server cheaper than its client.
    const tcp = socket.request.socket;
    socket.conn.on('flush', () => {
      tcp.cork();
      process.nextTick(() => tcp.uncork());
    });
  }

  get closed(): boolean {
    return this.socket.conn.readyState !== 'open';
  }

  send(packet: string): void {
    this.socket.conn.write(packet);
  }

  backlog(): number {
    // engine.io keeps packets here while the transport is still writing the previous ones.
    const buffer = (this.socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer;
    return buffer?.length ?? 0;
  }

  flood(packets: readonly string[], batch = 500): Promise<number> {
    const conn = this.socket.conn;
    const base = this.floodWritten;
    return new Promise<number>((resolve) => {
      let next = 0;
      let inFlight = 0;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        conn.off('close', finish);
        resolve(this.floodWritten - base);
      };
      const fill = () => {
        while (!finished && inFlight < 2 && next < packets.length) {
          if (this.closed) return finish();
          const end = Math.min(next + batch, packets.length);
          for (let i = next; i < end - 1; i++) conn.write(packets[i] ?? '');
          inFlight++;
          // engine.io calls this once the transport has handed the whole flush to the kernel.
          conn.write(packets[end - 1] ?? '', {}, () => {
            inFlight--;
            this.floodWritten = Math.max(this.floodWritten, base + end);
            if (end === packets.length) finish();
            else fill();
          });
          next = end;
        }
      };
      conn.once('close', finish);
      fill();
    });
  }
}
