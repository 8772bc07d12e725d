/**
 * One socket.io 2.x connection to one server. Every handler is dead once `close()` ran, and
 * `close()` removes the listeners before closing, so a replaced socket can never call back into
 * the client or linger as an orphan (the TS SDK leaks them).
 */
import type { RealtimeSocket, SocketFactory } from './types';
import { SERVER_EVENT_NAMES } from '../../../shared/voicenter/parse';

export type LinkFailureKind = 'connect-error' | 'timeout' | 'disconnect' | 'error' | 'unauthorized';

export interface LinkHandlers {
  onConnect(): void;
  onFailure(kind: LinkFailureKind, detail: unknown): void;
  onServerEvent(name: string, payload: unknown): void;
}

export interface LinkOptions {
  io: SocketFactory;
  server: string;
  token: string;
  connectTimeoutMs: number;
}

/** A token rejected by the server's middleware reaches a 2.x client as `error` "Unauthorized". */
export function isUnauthorized(payload: unknown): boolean {
  const text =
    typeof payload === 'string'
      ? payload
      : typeof payload === 'object' && payload !== null && 'message' in payload
        ? String(payload.message)
        : '';
  return /unauthori[sz]ed|invalid token|token expired|jwt expired/i.test(text);
}

export class SocketLink {
  readonly server: string;
  private readonly socket: RealtimeSocket;
  private connectTimer: ReturnType<typeof setTimeout> | null;
  private closed = false;

  constructor(
    options: LinkOptions,
    private readonly handlers: LinkHandlers,
  ) {
    this.server = options.server;
    this.socket = options.io(options.server, {
      query: { token: options.token },
      transports: ['websocket'],
      upgrade: false,
      // The client does its own reconnect and failover.
      reconnection: false,
      forceNew: true,
      timeout: options.connectTimeoutMs,
    });
    // socket.io's own timeout covers the engine handshake only; this one also covers a server
    // that opens the transport but never accepts the namespace.
    this.connectTimer = setTimeout(() => {
      this.connectTimer = null;
      this.fail('timeout', 'connect timeout');
    }, options.connectTimeoutMs);
    this.listen('connect', () => {
      this.clearConnectTimer();
      this.handlers.onConnect();
    });
    this.listen('connect_error', (detail) => this.fail('connect-error', detail));
    this.listen('connect_timeout', () => this.fail('timeout', 'connect timeout'));
    this.listen('disconnect', (detail) => this.fail('disconnect', detail));
    this.listen('error', (detail) =>
      this.fail(isUnauthorized(detail) ? 'unauthorized' : 'error', detail),
    );
    // socket.io 2.x has no catch-all listener: listen to every event the parser knows.
    for (const name of SERVER_EVENT_NAMES) {
      this.listen(name, (payload) => this.handlers.onServerEvent(name, payload));
    }
  }

  get connected(): boolean {
    return !this.closed && this.socket.connected;
  }

  /** Sends when connected; false otherwise. */
  send(event: string, payload: unknown): boolean {
    if (!this.connected) return false;
    this.socket.emit(event, payload);
    return true;
  }

  /**
   * Removes every listener, then closes. `deliberate` sends `closeme` first (the protocol's
   * "I am re-initialising"), which socket.io flushes before the transport closes.
   */
  close(deliberate: boolean): void {
    if (this.closed) return;
    const wasConnected = this.socket.connected;
    this.closed = true;
    this.clearConnectTimer();
    this.socket.removeAllListeners();
    if (deliberate && wasConnected) this.socket.emit('closeme', {});
    this.socket.close();
  }

  private listen(event: string, fn: (payload: unknown) => void): void {
    this.socket.on(event, (payload: unknown) => {
      if (!this.closed) fn(payload);
    });
  }

  private fail(kind: LinkFailureKind, detail: unknown): void {
    if (this.closed) return;
    this.close(false);
    this.handlers.onFailure(kind, detail);
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== null) clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }
}
