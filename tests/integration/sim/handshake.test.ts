/** The monitor servers speak Engine.IO v3 only and check the token, like production (spec §1.2). */
import { expect, test } from 'vitest';
import { io as ioV4 } from 'socket.io-client-v4';
import WebSocket from 'ws';
import type { VoicenterSim } from '../../../electron/sim/voicenter';
import { Recorder, delay, loginAs, openSocket, useSims } from './helpers';

const { start, track } = useSims();

/** The first Engine.IO packet on a raw websocket: what the seed calls the "Initial message". */
function rawOpenPacket(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('message', (data: Buffer) => {
      resolve(data.toString());
      ws.close();
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`HTTP ${res.statusCode}`));
      ws.close();
    });
  });
}

function wsUrl(httpUrl: string, query: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/socket.io/?${query}`;
}

test('the EIO3 handshake has the production ping settings and no maxPayload', async () => {
  const s = await start();
  const { Token } = await loginAs(s, 'account');
  const packet = await rawOpenPacket(
    wsUrl(s.socketUrls[0] ?? '', `token=${Token}&EIO=3&transport=websocket`),
  );
  expect(packet.startsWith('0')).toBe(true);
  const open = JSON.parse(packet.slice(1)) as Record<string, unknown>;
  expect(Object.keys(open).sort()).toEqual(['pingInterval', 'pingTimeout', 'sid', 'upgrades']);
  expect(open).toMatchObject({ upgrades: [], pingInterval: 60_000, pingTimeout: 180_000 });
  expect(typeof open['sid']).toBe('string');
});

test('ping settings are configurable and reach a socket.io-client 2.5 engine', async () => {
  const s = await start({ pingInterval: 500, pingTimeout: 1_000 });
  const { Token } = await loginAs(s, 'user');
  const socket = track(openSocket(s.socketUrls[0] ?? '', Token));
  const rec = new Recorder(socket);
  await rec.waitFor('connect');
  const engine = (socket as unknown as { io: { engine: Record<string, unknown> } }).io.engine;
  expect(engine['pingInterval']).toBe(500);
  expect(engine['pingTimeout']).toBe(1_000);
  expect(engine['transport']).toMatchObject({ name: 'websocket' });
});

test('an Engine.IO v4 client is turned away', async () => {
  const s = await start();
  const { Token } = await loginAs(s, 'account');
  await expect(
    rawOpenPacket(wsUrl(s.socketUrls[0] ?? '', `token=${Token}&EIO=4&transport=websocket`)),
  ).rejects.toThrow(/HTTP 4\d\d/);
  const polling = await fetch(
    `${s.socketUrls[0] ?? ''}/socket.io/?EIO=4&transport=polling&token=${Token}`,
  );
  expect(polling.status).toBe(403);

  const v4 = ioV4(s.socketUrls[0] ?? '', {
    query: { token: Token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 3_000,
  });
  try {
    const outcome = await new Promise<string>((resolve) => {
      v4.on('connect', () => resolve('connected'));
      v4.on('connect_error', () => resolve('connect_error'));
    });
    expect(outcome).toBe('connect_error');
    expect(v4.connected).toBe(false);
  } finally {
    v4.close();
  }
  expect(s.connections()[0]?.totalConnections).toBe(0);
});

test.each([
  ['an unknown token', (_: VoicenterSim, __: string) => 'not-a-token'],
  ['an empty token', () => ''],
])('%s gets an `error` event "Unauthorized" (not connect_error)', async (_name, tokenOf) => {
  const s = await start();
  const { Token } = await loginAs(s, 'account');
  const socket = track(openSocket(s.socketUrls[0] ?? '', tokenOf(s, Token)));
  const rec = new Recorder(socket);
  const [payload] = await rec.waitFor('error');
  expect(payload).toBe('Unauthorized');
  await delay(100);
  expect(rec.of('connect_error')).toHaveLength(0);
  expect(rec.of('loginSuccess')).toHaveLength(0);
  expect(s.connections()[0]?.sockets).toHaveLength(0);
});

test('an expired token is Unauthorized; a fresh login works again', async () => {
  const s = await start({ tokenTtlMs: 200 });
  const { Token } = await loginAs(s, 'account');
  await delay(300);
  const rec = new Recorder(track(openSocket(s.socketUrls[0] ?? '', Token)));
  expect(await rec.waitFor('error')).toEqual(['Unauthorized']);

  const fresh = await loginAs(s, 'account');
  const ok = new Recorder(track(openSocket(s.socketUrls[0] ?? '', fresh.Token)));
  await ok.waitFor('loginSuccess');
});

test('expireTokens() invalidates every token issued so far; refresh still works', async () => {
  const s = await start();
  const login = await loginAs(s, 'user');
  s.expireTokens();
  const rec = new Recorder(track(openSocket(s.socketUrls[0] ?? '', login.Token)));
  expect(await rec.waitFor('error')).toEqual(['Unauthorized']);

  const res = await fetch(s.refreshUrl, {
    headers: { Authorization: `Bearer ${login.RefreshToken}` },
  });
  expect(res.status).toBe(200);
  const { Data } = (await res.json()) as { Data: { Socket: { Token: string } } };
  const ok = new Recorder(track(openSocket(s.socketUrls[0] ?? '', Data.Socket.Token)));
  await ok.waitFor('AllExtensionsStatus');
});

test('loginSuccess, loginStatus, AllExtensionsStatus arrive in that order after connect', async () => {
  const now = Date.UTC(2020, 7, 20, 13, 40, 12);
  const s = await start({ now: () => now });
  const { Token } = await loginAs(s, 'account');
  const rec = new Recorder(track(openSocket(s.socketUrls[0] ?? '', Token)));
  await rec.waitFor('AllExtensionsStatus');
  expect(rec.names()).toEqual(['connect', 'loginSuccess', 'loginStatus', 'AllExtensionsStatus']);
  // Israel summer: offset 180 minutes, epoch seconds shifted by +3 h.
  const epoch = Math.floor(now / 1000) + 180 * 60;
  expect(rec.of('loginSuccess')[0]).toEqual({
    errorCode: 0,
    errorDesc: 'OK',
    servertime: epoch,
    servertimeoffset: 180,
  });
  expect(rec.of('loginStatus')[0]).toMatchObject({
    errorCode: 0,
    servertime: epoch,
    servertimeoffset: 180,
  });
});
