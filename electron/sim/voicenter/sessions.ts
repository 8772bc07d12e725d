/**
 * Connected sockets and what each one may see. A user login sees only its own extension and its
 * queues and never gets QueueEvent; account and token logins see everything (narrowed by
 * `updateMonitoredExtensions`). Also answers the client's events.
 */
import type { Socket } from 'socket.io';
import { z } from 'zod';
import * as payloads from './payloads';
import type { SimState } from './state';
import type { LoginIdentity, LoginType, TokenStore } from './tokens';

/** Who an emitted event concerns. */
export type Audience =
  { kind: 'extension'; number: number } | { kind: 'queue'; queueId: number } | { kind: 'all' };

export interface ServerFlags {
  silenced: boolean;
  badKeepalive: boolean;
}

export interface SessionInfo {
  id: string;
  serverIndex: number;
  loginType: LoginType;
  token: string;
  connectedAtMs: number;
  keepalives: number;
  lastResync: { atMs: number; cache: boolean | null } | null;
  /** Set by `updateMonitoredExtensions`; null = everything the login may see. */
  monitoredExtensions: number[] | null;
  /** Every client event received, by name (including ones the server ignores, like `keepAlive`). */
  received: Record<string, number>;
}

export interface HubDeps {
  state: SimState;
  tokens: TokenStore;
  now: () => number;
  flags: (serverIndex: number) => ServerFlags;
  sendDialers: () => boolean;
}

const resyncBody = z.object({ cache: z.boolean().optional() }).passthrough();
const monitoredBody = z.object({ extensionsString: z.string() }).passthrough();

class Session {
  readonly info: SessionInfo;

  constructor(
    readonly socket: Socket,
    readonly identity: LoginIdentity,
    token: string,
    serverIndex: number,
    private readonly deps: HubDeps,
    private readonly onKeepalive: () => void,
  ) {
    this.info = {
      id: socket.id,
      serverIndex,
      loginType: identity.loginType,
      token,
      connectedAtMs: deps.now(),
      keepalives: 0,
      lastResync: null,
      monitoredExtensions: null,
      received: {},
    };
  }

  sees(audience: Audience): boolean {
    switch (audience.kind) {
      case 'all':
        return true;
      case 'queue':
        return this.identity.loginType !== 'user';
      case 'extension':
        return this.seesExtension(audience.number);
    }
  }

  send(event: string, payload: unknown): void {
    if (this.deps.flags(this.info.serverIndex).silenced) return;
    this.socket.emit(event, payload);
  }

  sendSnapshots(): void {
    const now = this.deps.now();
    const { state } = this.deps;
    const ownQueues =
      this.identity.loginType === 'user' && this.identity.extension !== undefined
        ? new Set(state.queuesOf(this.identity.extension))
        : null;
    const queues = state.allQueues().filter((q) => !ownQueues || ownQueues.has(q.QueueID));
    const extensions = state.allExtensions().filter((e) => this.seesExtension(e.number));
    this.send('loginStatus', payloads.loginStatus(now, queues));
    this.send('AllExtensionsStatus', payloads.allExtensionsStatus(now, extensions));
    if (this.deps.sendDialers() && this.identity.loginType !== 'user') {
      this.send('AllDialersStatus', { errorCode: 0, ...payloads.serverTime(now), dialers: [] });
    }
  }

  listen(): void {
    const { socket } = this;
    socket.onAny((event: unknown) => {
      const name = String(event);
      this.info.received[name] = (this.info.received[name] ?? 0) + 1;
    });
    // Lower-case only: `keepAlive` (shipped by one SDK) is never answered.
    socket.on('keepalive', (token?: unknown) => {
      this.info.keepalives += 1;
      this.onKeepalive();
      const flags = this.deps.flags(this.info.serverIndex);
      // A sim choice: a keepalive carrying a token that no longer validates is a bad link.
      const tokenOk = typeof token !== 'string' || this.deps.tokens.validate(token) !== null;
      this.send('keepaliveResponse', payloads.keepaliveResponse(!flags.badKeepalive && tokenOk));
    });
    socket.on('resync', (body?: unknown) => {
      const parsed = resyncBody.safeParse(body);
      this.info.lastResync = {
        atMs: this.deps.now(),
        cache: parsed.success ? (parsed.data.cache ?? null) : null,
      };
      this.sendSnapshots();
    });
    socket.on('updateMonitoredExtensions', (body?: unknown) => {
      const parsed = monitoredBody.safeParse(body);
      if (!parsed.success) return;
      const numbers = parsed.data.extensionsString
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((n) => Number.isInteger(n) && n > 0);
      this.info.monitoredExtensions = numbers.length > 0 ? numbers : null;
    });
    socket.on('closeme', () => {
      socket.disconnect(true);
    });
  }

  private seesExtension(number: number): boolean {
    if (this.identity.loginType === 'user' && this.identity.extension !== number) return false;
    const filter = this.info.monitoredExtensions;
    return filter === null || filter.includes(number);
  }
}

export interface ServerStats {
  totalConnections: number;
  keepalivesReceived: number;
}

export class Hub {
  private readonly sessions = new Map<Socket, Session>();
  private readonly stats = new Map<number, ServerStats>();
  private readonly connectListeners = new Set<(info: SessionInfo) => void>();

  constructor(private readonly deps: HubDeps) {}

  /** Greets an accepted socket: loginSuccess, then the snapshots for its scope. */
  attach(socket: Socket, identity: LoginIdentity, token: string, serverIndex: number): void {
    const stats = this.statsOf(serverIndex);
    stats.totalConnections += 1;
    const session = new Session(socket, identity, token, serverIndex, this.deps, () => {
      stats.keepalivesReceived += 1;
    });
    this.sessions.set(socket, session);
    socket.once('disconnect', () => this.sessions.delete(socket));
    session.listen();
    session.send('loginSuccess', payloads.loginSuccess(this.deps.now()));
    session.sendSnapshots();
    for (const listener of this.connectListeners) listener(session.info);
  }

  publish(audience: Audience, event: string, payload: unknown): void {
    for (const session of this.sessions.values()) {
      if (session.sees(audience)) session.send(event, payload);
    }
  }

  /** Straight to every socket, bypassing scope and silence (malformed-payload tests). */
  raw(event: string, payload: unknown): void {
    for (const session of this.sessions.values()) session.socket.emit(event, payload);
  }

  list(): SessionInfo[] {
    return [...this.sessions.values()].map((s) => ({
      ...s.info,
      received: { ...s.info.received },
      monitoredExtensions: s.info.monitoredExtensions ? [...s.info.monitoredExtensions] : null,
    }));
  }

  statsOf(serverIndex: number): ServerStats {
    let stats = this.stats.get(serverIndex);
    if (!stats) {
      stats = { totalConnections: 0, keepalivesReceived: 0 };
      this.stats.set(serverIndex, stats);
    }
    return stats;
  }

  onConnect(listener: (info: SessionInfo) => void): () => void {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }
}
