import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import {
  createWsTransport,
  type LinkState,
  type SocketLike,
  type Transport,
} from '@renderer/lib/ws-transport';
import type { AppSnapshot } from '@shared/ipc/snapshot';

// A real WebSocket server on 127.0.0.1 plays the headless host; the transport under test uses the
// `ws` client in place of the browser's WebSocket.
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function decode(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

interface Host {
  url: string;
  port: number;
  received: unknown[];
  sockets: ServerSocket[];
  close(): Promise<void>;
}

async function startHost(
  onMessage: (
    socket: ServerSocket,
    message: { id: number; method: string; args: unknown[] },
  ) => void,
  port = 0,
): Promise<Host> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const host: Host = {
    port: (wss.address() as AddressInfo).port,
    url: '',
    received: [],
    sockets: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
  host.url = `ws://127.0.0.1:${host.port}/ipc?token=t`;
  wss.on('connection', (socket) => {
    host.sockets.push(socket);
    socket.on('message', (data) => {
      const message = JSON.parse(decode(data)) as { id: number; method: string; args: unknown[] };
      host.received.push(message);
      onMessage(socket, message);
    });
  });
  cleanups.push(() => host.close());
  return host;
}

function transportTo(url: string, options: { requestTimeoutMs?: number } = {}): Transport {
  const transport = createWsTransport({
    url,
    createSocket: (target) => new WebSocket(target) as unknown as SocketLike,
    requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
    backoff: { initialMs: 20, maxMs: 80 },
  });
  cleanups.push(() => transport.close());
  return transport;
}

function waitForLink(transport: Transport, status: LinkState['status']): Promise<LinkState> {
  if (transport.link().status === status) return Promise.resolve(transport.link());
  return new Promise((resolve) => {
    const off = transport.onLink((state) => {
      if (state.status !== status) return;
      off();
      resolve(state);
    });
  });
}

const reply = (socket: ServerSocket, id: number, result: unknown) =>
  socket.send(JSON.stringify({ type: 'result', id, result }));

describe('WebSocket transport for the headless host', () => {
  it('sends an invoke message and resolves with the IpcResult the host answers', async () => {
    const host = await startHost((socket, message) =>
      reply(socket, message.id, { ok: true, value: 'bundle for ' + message.method }),
    );
    const transport = transportTo(host.url);
    await waitForLink(transport, 'up');

    const result = await transport.api.exportDiagnostics();

    expect(result).toEqual({ ok: true, value: 'bundle for exportDiagnostics' });
    expect(host.received).toHaveLength(1);
    expect(host.received[0]).toMatchObject({
      type: 'invoke',
      method: 'exportDiagnostics',
      args: [],
    });
    expect(typeof (host.received[0] as { id: unknown }).id).toBe('number');
  });

  it('accepts a void result, which arrives without a value', async () => {
    const host = await startHost((socket, message) => {
      socket.send(JSON.stringify({ type: 'result', id: message.id, result: { ok: true } }));
    });
    const transport = transportTo(host.url);
    await waitForLink(transport, 'up');

    expect(await transport.api.useDemo()).toEqual({ ok: true });
  });

  it('passes arguments through and keeps concurrent calls apart by id', async () => {
    const host = await startHost((socket, message) => {
      // Answer in reverse order of arrival: ids, not order, must match results to calls.
      setTimeout(
        () => reply(socket, message.id, { ok: true, value: message.args }),
        50 - message.id * 10,
      );
    });
    const transport = transportTo(host.url);
    await waitForLink(transport, 'up');

    const [first, second] = await Promise.all([
      transport.api.dismissNotice('a'),
      transport.api.dismissNotice('b'),
    ]);

    expect(first).toEqual({ ok: true, value: ['a'] });
    expect(second).toEqual({ ok: true, value: ['b'] });
  });

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const host = await startHost(() => undefined);
    const transport = transportTo(host.url);
    const seen: string[] = [];
    const off = transport.api.on('focusCall', ({ ivrid }) => seen.push(ivrid));
    await waitForLink(transport, 'up');
    const socket = host.sockets[0];
    if (!socket) throw new Error('no socket');

    const push = async (ivrid: string) => {
      socket.send(JSON.stringify({ type: 'event', event: 'focusCall', payload: { ivrid } }));
      // Round-trip a call so the event has surely been handled before the next step.
      socket.once('message', (data) =>
        reply(socket, (JSON.parse(decode(data)) as { id: number }).id, { ok: true, value: null }),
      );
      await transport.api.testRing();
    };
    await push('one');
    off();
    await push('two');

    expect(seen).toEqual(['one']);
  });

  it('ignores events it does not know and answers a malformed result with a plain error', async () => {
    const host = await startHost((socket, message) => {
      socket.send(JSON.stringify({ type: 'event', event: 'unheard-of', payload: 1 }));
      reply(socket, message.id, { weird: true });
    });
    const transport = transportTo(host.url);
    await waitForLink(transport, 'up');

    const result = await transport.api.testRing();

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('fails a call at once while main is unreachable instead of hanging', async () => {
    const transport = transportTo('ws://127.0.0.1:9/ipc?token=t');

    const result = await transport.api.getSnapshot();

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('disconnected');
      expect(result.error.message).toContain("Lost contact with Ringside's main process");
    }
  });

  it('fails a call that gets no answer after the timeout', async () => {
    const host = await startHost(() => undefined);
    const transport = transportTo(host.url, { requestTimeoutMs: 100 });
    await waitForLink(transport, 'up');

    const result = await transport.api.reconnect();

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('timeout');
  });

  it('fails pending calls when the socket drops, reports the link down, and reconnects', async () => {
    let host = await startHost(() => undefined);
    const transport = transportTo(host.url);
    await waitForLink(transport, 'up');
    const pending = transport.api.getSnapshot();
    const states: LinkState['status'][] = [];
    transport.onLink((state) => states.push(state.status));

    const port = host.port;
    await host.close();
    const dropped = await pending;
    const down = await waitForLink(transport, 'down');

    expect(dropped.ok).toBe(false);
    if (!dropped.ok) expect(dropped.error.code).toBe('disconnected');
    expect(down.status === 'down' && down.retryAt).toEqual(expect.any(Number));

    // The host comes back on the same port: the transport finds it without being asked.
    const snapshot = { now: 1 } as AppSnapshot;
    host = await startHost(
      (socket, message) => reply(socket, message.id, { ok: true, value: snapshot }),
      port,
    );
    await waitForLink(transport, 'up');
    expect(await transport.api.getSnapshot()).toEqual({ ok: true, value: snapshot });
    expect(states).toContain('connecting');
  });

  it('stops reconnecting once closed', async () => {
    const host = await startHost(() => undefined);
    const transport = transportTo(host.url);
    await waitForLink(transport, 'up');
    transport.close();

    const result = await transport.api.getSnapshot();
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(result.ok).toBe(false);
    expect(host.sockets.filter((socket) => socket.readyState === socket.OPEN)).toHaveLength(0);
  });
});
