/** kill / restart of monitor servers on the same port, for the client's failover tests. */
import { afterEach, expect, test } from 'vitest';
import { startVoicenterSim } from '../../../electron/sim/voicenter';
import type { VoicenterSim } from '../../../electron/sim/voicenter';
import type { V2Socket } from './helpers';
import { Recorder, connectAs, eventually, loginAs, openSocket } from './helpers';

let sim: VoicenterSim | undefined;
const sockets: V2Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await sim?.stop();
  sim = undefined;
});

test('three servers: kill the main one, the backups keep serving, restart on the same port', async () => {
  sim = await startVoicenterSim({ servers: 3 });
  expect(sim.socketUrls).toHaveLength(3);
  expect(new Set(sim.socketUrls).size).toBe(3);
  const main = await connectAs(sim, 'account', sim.socketUrls[0]);
  sockets.push(main.socket);

  await sim.kill(0);
  const [reason] = await main.rec.waitFor('disconnect');
  expect(reason).toBe('transport close');
  expect(sim.connections().map((c) => c.up)).toEqual([false, true, true]);
  expect(sim.connections()[0]?.sockets).toHaveLength(0);

  // The token from the same login works on a backup.
  const backup = new Recorder(openSocket(sim.socketUrls[1] ?? '', main.login.Token));
  sockets.push(backup.socket);
  await backup.waitFor('AllExtensionsStatus');

  // A socket to the dead server cannot connect.
  const dead = new Recorder(openSocket(sim.socketUrls[0] ?? '', main.login.Token));
  sockets.push(dead.socket);
  await dead.waitFor('connect_error');

  const urlBefore = sim.socketUrls[0];
  await sim.restart(0);
  expect(sim.connections()[0]).toMatchObject({ up: true, url: urlBefore });
  const again = new Recorder(openSocket(sim.socketUrls[0] ?? '', main.login.Token));
  sockets.push(again.socket);
  await again.waitFor('loginSuccess');
  expect(sim.connections().map((c) => c.totalConnections)).toEqual([2, 1, 0]);
});

test('a graceful kill sends a socket.io disconnect first', async () => {
  sim = await startVoicenterSim({ servers: 2 });
  const c = await connectAs(sim, 'user');
  sockets.push(c.socket);
  await sim.kill(0, 'graceful');
  const [reason] = await c.rec.waitFor('disconnect');
  expect(reason).toBe('io server disconnect');
});

test('events keep flowing to the sockets on the surviving servers', async () => {
  sim = await startVoicenterSim({ servers: 2 });
  const { Token } = await loginAs(sim, 'account');
  const a = new Recorder(openSocket(sim.socketUrls[0] ?? '', Token));
  const b = new Recorder(openSocket(sim.socketUrls[1] ?? '', Token));
  sockets.push(a.socket, b.socket);
  await a.waitFor('AllExtensionsStatus');
  await b.waitFor('AllExtensionsStatus');
  await sim.kill(0);
  sim.telephony.setStatus(1234567, 5);
  await b.waitFor('ExtensionEvent');
  expect(a.of('ExtensionEvent')).toHaveLength(0);
});

test('silence and badKeepalive can target one server', async () => {
  sim = await startVoicenterSim({ servers: 2 });
  sim.silence(true, 1);
  sim.badKeepalive(true, 0);
  expect(sim.connections().map((c) => [c.silenced, c.badKeepalive])).toEqual([
    [false, true],
    [true, false],
  ]);
  expect(() => sim?.silence(true, 5)).toThrow(RangeError);
  const { Token } = await loginAs(sim, 'account');
  const quiet = new Recorder(openSocket(sim.socketUrls[1] ?? '', Token));
  sockets.push(quiet.socket);
  await quiet.waitFor('connect');
  await eventually(() => sim?.connections()[1]?.sockets.length === 1);
  const c = await connectAs(sim, 'account', sim.socketUrls[0]);
  sockets.push(c.socket);
  c.socket.emit('keepalive', Token);
  expect(await c.rec.waitFor('keepaliveResponse')).toEqual([
    { errorCode: 1, errorDesc: 'Bad token', isOk: false },
  ]);
  expect(quiet.of('loginSuccess')).toHaveLength(0);
});
