/** kill / restart of monitor servers on the same port, for the client's failover tests. */
import { expect, test } from 'vitest';
import { Recorder, eventually, loginAs, openSocket, useSims } from './helpers';

const { start, track, connect } = useSims();

test('three servers: kill the main one, the backups keep serving, restart on the same port', async () => {
  const sim = await start({ servers: 3 });
  expect(sim.socketUrls).toHaveLength(3);
  expect(new Set(sim.socketUrls).size).toBe(3);
  const main = await connect(sim, 'account', sim.socketUrls[0]);

  await sim.kill(0);
  const [reason] = await main.rec.waitFor('disconnect');
  expect(reason).toBe('transport close');
  expect(sim.connections().map((c) => c.up)).toEqual([false, true, true]);
  expect(sim.connections()[0]?.sockets).toHaveLength(0);

  // The token from the same login works on a backup.
  const backup = new Recorder(track(openSocket(sim.socketUrls[1] ?? '', main.login.Token)));
  await backup.waitFor('AllExtensionsStatus');

  // A socket to the dead server cannot connect.
  const dead = new Recorder(track(openSocket(sim.socketUrls[0] ?? '', main.login.Token)));
  await dead.waitFor('connect_error');

  const urlBefore = sim.socketUrls[0];
  await sim.restart(0);
  expect(sim.connections()[0]).toMatchObject({ up: true, url: urlBefore });
  const again = new Recorder(track(openSocket(sim.socketUrls[0] ?? '', main.login.Token)));
  await again.waitFor('loginSuccess');
  expect(sim.connections().map((c) => c.totalConnections)).toEqual([2, 1, 0]);
});

test('a graceful kill sends a socket.io disconnect first', async () => {
  const sim = await start({ servers: 2 });
  const c = await connect(sim, 'user');
  await sim.kill(0, 'graceful');
  const [reason] = await c.rec.waitFor('disconnect');
  expect(reason).toBe('io server disconnect');
});

test('events keep flowing to the sockets on the surviving servers', async () => {
  const sim = await start({ servers: 2 });
  const { Token } = await loginAs(sim, 'account');
  const a = new Recorder(track(openSocket(sim.socketUrls[0] ?? '', Token)));
  const b = new Recorder(track(openSocket(sim.socketUrls[1] ?? '', Token)));
  await a.waitFor('AllExtensionsStatus');
  await b.waitFor('AllExtensionsStatus');
  await sim.kill(0);
  sim.telephony.setStatus(1234567, 5);
  await b.waitFor('ExtensionEvent');
  expect(a.of('ExtensionEvent')).toHaveLength(0);
});

test('silence and badKeepalive can target one server', async () => {
  const sim = await start({ servers: 2 });
  sim.silence(true, 1);
  sim.badKeepalive(true, 0);
  expect(sim.connections().map((c) => [c.silenced, c.badKeepalive])).toEqual([
    [false, true],
    [true, false],
  ]);
  expect(() => sim.silence(true, 5)).toThrow(RangeError);
  const { Token } = await loginAs(sim, 'account');
  const quiet = new Recorder(track(openSocket(sim.socketUrls[1] ?? '', Token)));
  await quiet.waitFor('connect');
  await eventually(() => sim.connections()[1]?.sockets.length === 1);
  const c = await connect(sim, 'account', sim.socketUrls[0]);
  c.socket.emit('keepalive', Token);
  expect(await c.rec.waitFor('keepaliveResponse')).toEqual([
    { errorCode: 1, errorDesc: 'Bad token', isOk: false },
  ]);
  expect(quiet.of('loginSuccess')).toHaveLength(0);
});
