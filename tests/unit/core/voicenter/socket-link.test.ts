import { describe, expect, it, vi } from 'vitest';
import { isUnauthorized, SocketLink } from '../../../../electron/core/voicenter/socket-link';
import type {
  RealtimeSocket,
  RealtimeSocketOptions,
} from '../../../../electron/core/voicenter/types';

/** A stand-in for the socket.io socket: records what the link does to it, in order. */
class FakeSocket implements RealtimeSocket {
  connected = false;
  readonly calls: string[] = [];
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();

  on(event: string, fn: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string, ...args: unknown[]): this {
    this.calls.push(`emit ${event} ${JSON.stringify(args)}`);
    return this;
  }
  removeAllListeners(): this {
    this.calls.push('removeAllListeners');
    this.handlers.clear();
    return this;
  }
  close(): this {
    this.calls.push('close');
    return this;
  }
  /** The server side: fire an event at the link's listeners. */
  fire(event: string, payload?: unknown): void {
    for (const fn of this.handlers.get(event) ?? []) fn(payload);
  }
}

function setup(timeoutMs = 10_000) {
  const socket = new FakeSocket();
  const opened: { uri: string; opts: RealtimeSocketOptions }[] = [];
  const seen: string[] = [];
  const link = new SocketLink(
    {
      io: (uri, opts) => {
        opened.push({ uri, opts });
        return socket;
      },
      server: 'https://monitor1.voicenter.co',
      token: 'tok',
      connectTimeoutMs: timeoutMs,
    },
    {
      onConnect: () => seen.push('connect'),
      onFailure: (kind) => seen.push(`failure ${kind}`),
      onServerEvent: (name) => seen.push(`event ${name}`),
    },
  );
  return { socket, opened, seen, link };
}

describe('SocketLink', () => {
  it('opens with the options the SDKs use', () => {
    const { opened, link } = setup();
    expect(opened).toEqual([
      {
        uri: 'https://monitor1.voicenter.co',
        opts: {
          query: { token: 'tok' },
          transports: ['websocket'],
          upgrade: false,
          reconnection: false,
          forceNew: true,
          timeout: 10_000,
        },
      },
    ]);
    link.close(false);
  });

  it('on a deliberate close: listeners off, then closeme, then close', () => {
    const { socket, link } = setup();
    socket.connected = true;
    socket.fire('connect');
    link.close(true);
    expect(socket.calls).toEqual(['removeAllListeners', 'emit closeme [{}]', 'close']);
  });

  it('no closeme when not connected or not deliberate; close is idempotent', () => {
    const a = setup();
    a.link.close(true);
    expect(a.socket.calls).toEqual(['removeAllListeners', 'close']);
    a.link.close(true);
    expect(a.socket.calls).toHaveLength(2);
    const b = setup();
    b.socket.connected = true;
    b.link.close(false);
    expect(b.socket.calls).toEqual(['removeAllListeners', 'close']);
  });

  it('reports one failure, closes itself, and is silent afterwards', () => {
    const { socket, seen, link } = setup();
    socket.fire('connect_error', new Error('refused'));
    socket.fire('connect_timeout');
    expect(seen).toEqual(['failure connect-error']);
    expect(socket.calls).toEqual(['removeAllListeners', 'close']);
    expect(link.connected).toBe(false);
  });

  it('tells a rejected token apart from other errors', () => {
    const a = setup();
    a.socket.fire('error', 'Unauthorized');
    expect(a.seen).toEqual(['failure unauthorized']);
    const b = setup();
    b.socket.fire('error', 'parser error');
    expect(b.seen).toEqual(['failure error']);
    expect(isUnauthorized({ message: 'unauthorized' })).toBe(true);
    expect(isUnauthorized('timeout')).toBe(false);
    expect(isUnauthorized(42)).toBe(false);
  });

  it('times out a handshake that never completes, and sends only when connected', () => {
    vi.useFakeTimers();
    try {
      const { socket, seen, link } = setup(500);
      expect(link.send('resync', { cache: false })).toBe(false);
      vi.advanceTimersByTime(500);
      expect(seen).toEqual(['failure timeout']);
      expect(vi.getTimerCount()).toBe(0);
      expect(socket.calls).toEqual(['removeAllListeners', 'close']);

      const ok = setup(500);
      ok.socket.connected = true;
      ok.socket.fire('connect');
      vi.advanceTimersByTime(1000);
      expect(ok.seen).toEqual(['connect']);
      expect(ok.link.send('resync', { cache: false })).toBe(true);
      ok.socket.fire('ExtensionEvent', {});
      ok.socket.fire('someUnknownEvent', {});
      expect(ok.seen).toEqual(['connect', 'event ExtensionEvent']);
      ok.link.close(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
