/** Raw-client helpers for the simulator tests: HTTP login with fetch, socket.io-client 2.5.0. */
import io from 'socket.io-client';
import { afterEach } from 'vitest';
import {
  startVoicenterSim,
  type VoicenterSim,
  type VoicenterSimOptions,
} from '../../../electron/sim/voicenter';
import type { WireSocketLogin } from '../../../electron/sim/voicenter/wire-types';

export type V2Socket = SocketIOClient.Socket;

/** The login API's `Data.Socket` object, as the sim itself types it. */
export type LoginData = WireSocketLogin;

/**
 * The sims and raw sockets one test file starts; after each test every socket is closed and every
 * sim stopped. `defaults` are spread under each `start`'s own options.
 */
export function useSims(defaults: VoicenterSimOptions = {}) {
  const sims: VoicenterSim[] = [];
  const sockets: V2Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });

  async function start(options: VoicenterSimOptions = {}): Promise<VoicenterSim> {
    const sim = await startVoicenterSim({ ...defaults, ...options });
    sims.push(sim);
    return sim;
  }

  function track(socket: V2Socket): V2Socket {
    sockets.push(socket);
    return socket;
  }

  async function connect(sim: VoicenterSim, type: 'user' | 'account' | 'token', url?: string) {
    const c = await connectAs(sim, type, url);
    track(c.socket);
    return c;
  }

  return { start, track, connect };
}

export async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function loginAs(
  sim: VoicenterSim,
  type: 'user' | 'account' | 'token',
): Promise<LoginData> {
  const c = sim.credentials;
  const res =
    type === 'user'
      ? await post(`${sim.loginBaseUrl}/User`, { email: c.user.email, pin: c.user.pin })
      : type === 'account'
        ? await post(`${sim.loginBaseUrl}/Account`, c.account)
        : await post(`${sim.loginBaseUrl}/Token`, { token: c.token });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const json = (await res.json()) as { Data: { Socket: LoginData } };
  return json.Data.Socket;
}

/** A socket.io-client 2.5.0 socket with the options the official SDKs use. */
export function openSocket(url: string, token: string): V2Socket {
  return io(url, {
    query: { token },
    transports: ['websocket'],
    upgrade: false,
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
  });
}

/** Records every event (name + single payload) a socket receives, in order. */
export class Recorder {
  readonly events: { name: string; payload: unknown }[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(readonly socket: V2Socket) {
    const onevent = (socket as unknown as { onevent: (p: { data: unknown[] }) => void }).onevent;
    // socket.io-client 2.x has no onAny: wrap the packet handler to see every event.
    (socket as unknown as { onevent: (p: { data: unknown[] }) => void }).onevent = (packet) => {
      const [name, payload] = packet.data;
      this.push(String(name), payload);
      onevent.call(socket, packet);
    };
    for (const name of ['connect', 'disconnect', 'error', 'connect_error']) {
      socket.on(name, (payload: unknown) => this.push(name, payload));
    }
  }

  names(): string[] {
    return this.events.map((e) => e.name);
  }

  of(name: string): unknown[] {
    return this.events.filter((e) => e.name === name).map((e) => e.payload);
  }

  /** Resolves when `count` events named `name` have arrived. */
  waitFor(name: string, count = 1, timeoutMs = 5_000): Promise<unknown[]> {
    return this.until(() => this.of(name).length >= count, timeoutMs, name).then(() =>
      this.of(name),
    );
  }

  until(test: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; got ${this.names().join(',')}`)),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private push(name: string, payload: unknown): void {
    this.events.push({ name, payload });
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }
}

/** Logs in, connects and waits for the initial snapshots. */
export async function connectAs(
  sim: VoicenterSim,
  type: 'user' | 'account' | 'token',
  url = sim.socketUrls[0] ?? '',
): Promise<{ login: LoginData; socket: V2Socket; rec: Recorder }> {
  const login = await loginAs(sim, type);
  const socket = openSocket(url, login.Token);
  const rec = new Recorder(socket);
  await rec.waitFor('AllExtensionsStatus');
  return { login, socket, rec };
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `test()` holds (for server-side state with no event to wait on). */
export async function eventually(test: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await delay(10);
  }
}
