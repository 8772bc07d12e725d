import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  createWsTransport,
  TOO_LONG,
  type SocketLike,
  type Transport,
} from '../../../renderer/src/lib/ws-transport';
import { MAX_WS_MESSAGE_BYTES, WS_PATH } from '../../../shared/ipc/ws-protocol';
import { startHostProcess, type HostProcess } from '../../support/host-process';
import { waitFor } from '../../support/wait';

// The page's transport (renderer/src/lib/ws-transport.ts, with the `ws` client in place of the
// browser's WebSocket) against the headless host in its own process.
describe('the page transport against the headless host', () => {
  let dir: string;
  let host: HostProcess;
  let transport: Transport;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringside-transport-'));
    const configPath = join(dir, 'ringside.json');
    await writeFile(
      configPath,
      JSON.stringify({ app: { mode: 'signed-out' }, demo: { enabled: false } }),
    );
    host = await startHostProcess({ dataDir: join(dir, 'data'), configPath });
    transport = createWsTransport({
      url: `ws://127.0.0.1:${host.port}${WS_PATH}?token=${host.token}`,
      createSocket: (url) => {
        const socket = new WebSocket(url, { origin: `http://127.0.0.1:${host.port}` });
        sockets.push(socket);
        return socket as unknown as SocketLike;
      },
      backoff: { initialMs: 20, maxMs: 100 },
    });
    await waitFor(() => transport.link().status === 'up', 20_000, 'the transport to connect');
  });

  afterAll(async () => {
    transport?.close();
    await host?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a value over the size limit in words the window can show, and sends nothing', async () => {
    const result = await transport.api.configureSignalWire({
      mode: 'relay',
      relayUrl: 'https://relay.example.org/sw',
      relayToken: 'é'.repeat(MAX_WS_MESSAGE_BYTES / 2),
    });
    expect(result).toEqual({ ok: false, error: { code: 'too-long', message: TOO_LONG } });
    expect(transport.link().status).toBe('up');
    expect((await transport.api.getSnapshot()).ok).toBe(true);
    expect(host.exit()).toBeNull();
  });

  it('reconnects after the host closed its socket for a bad frame, and the next call is answered', async () => {
    const first = sockets.at(-1);
    first?.send(Buffer.from([0xc3, 0x28]), { binary: false });
    await waitFor(() => sockets.at(-1) !== first, 20_000, 'a new socket');
    await waitFor(() => transport.link().status === 'up', 20_000, 'the transport to reconnect');
    expect((await transport.api.getSnapshot()).ok).toBe(true);
    expect(host.exit()).toBeNull();
  });
});
