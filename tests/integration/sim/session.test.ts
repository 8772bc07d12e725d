/** Login scopes and the client-to-server events (spec §2.1, §2.2, §4 "Scope"). */
import { describe, expect, test } from 'vitest';
import type { VoicenterSim } from '../../../electron/sim/voicenter';
import { delay, useSims } from './helpers';

const { start, connect } = useSims();

/** A caller joins queue `queueId` and colleague 9876542 rings: traffic only some logins may see. */
function queueAndColleagueCall(s: VoicenterSim, queueId: number): void {
  s.telephony.queueJoin(queueId, { ivrid: 'q1', callerId: '0501234567', callerName: 'John Doe' });
  s.telephony.newCall(9876542, {
    ivrid: 'other',
    callerName: 'X',
    callerPhone: '0500000000',
    direction: 'Incoming',
  });
}

interface Snap {
  extensions: { number: number; calls: unknown[] }[];
}
interface Queues {
  queues: { QueueID: number; QueueName: string; Calls: unknown[] }[];
}

describe('scope', () => {
  test('a user login sees only its own extension and queues, and gets no QueueEvent', async () => {
    const s = await start();
    const { rec } = await connect(s, 'user');
    const snap = rec.of('AllExtensionsStatus')[0] as Snap;
    expect(snap.extensions.map((e) => e.number)).toEqual([1234567]);
    const queues = rec.of('loginStatus')[0] as Queues;
    expect(queues.queues.map((q) => q.QueueName)).toEqual(['Queue1']);

    queueAndColleagueCall(s, 12345678);
    s.telephony.setStatus(1234567, 3);
    await rec.waitFor('ExtensionEvent');
    await delay(50);
    expect(rec.of('QueueEvent')).toHaveLength(0);
    expect(rec.of('ExtensionEvent')).toHaveLength(1);
    expect(rec.of('ExtensionEvent')[0]).toMatchObject({
      reason: 'userStatusUpdate',
      data: { number: 1234567 },
    });
  });

  test.each(['account', 'token'] as const)(
    'an %s login sees every extension, queue and QueueEvent',
    async (type) => {
      const s = await start();
      const { rec } = await connect(s, type);
      const snap = rec.of('AllExtensionsStatus')[0] as Snap;
      expect(snap.extensions.map((e) => e.number)).toEqual([1234567, 9876542, 9876541]);
      const queues = rec.of('loginStatus')[0] as Queues;
      expect(queues.queues.map((q) => q.QueueName)).toEqual(['Queue1', 'Queue2']);

      queueAndColleagueCall(s, 12345679);
      await rec.waitFor('ExtensionEvent');
      await rec.waitFor('QueueEvent');
      expect(rec.of('QueueEvent')[0]).toMatchObject({
        reason: 'JOIN',
        data: { QueueID: 12345679 },
      });
    },
  );

  test('updateMonitoredExtensions narrows what an account socket sees', async () => {
    const s = await start();
    const { socket, rec } = await connect(s, 'account');
    socket.emit('updateMonitoredExtensions', { extensionsString: '9876541' });
    await delay(50);
    expect(s.connections()[0]?.sockets[0]?.monitoredExtensions).toEqual([9876541]);
    s.telephony.setStatus(1234567, 3);
    s.telephony.setStatus(9876541, 5);
    await rec.waitFor('ExtensionEvent');
    await delay(50);
    expect(
      rec.of('ExtensionEvent').map((e) => (e as { data: { number: number } }).data.number),
    ).toEqual([9876541]);
    socket.emit('resync', { cache: false });
    await rec.waitFor('AllExtensionsStatus', 2);
    expect((rec.of('AllExtensionsStatus')[1] as Snap).extensions.map((e) => e.number)).toEqual([
      9876541,
    ]);
  });
});

describe('keepalive', () => {
  test('`keepalive` (with the token or nothing) is answered; `keepAlive` never is', async () => {
    const s = await start();
    const { socket, rec, login } = await connect(s, 'account');
    socket.emit('keepAlive', login.Token);
    await delay(100);
    expect(rec.of('keepaliveResponse')).toHaveLength(0);

    socket.emit('keepalive', login.Token);
    socket.emit('keepalive');
    const answers = await rec.waitFor('keepaliveResponse', 2);
    expect(answers).toEqual([
      { errorCode: 0, errorDesc: 'OK', isOk: true },
      { errorCode: 0, errorDesc: 'OK', isOk: true },
    ]);
    const server = s.connections()[0];
    expect(server?.keepalivesReceived).toBe(2);
    expect(server?.sockets[0]?.keepalives).toBe(2);
    expect(server?.sockets[0]?.received).toMatchObject({ keepAlive: 1, keepalive: 2 });
  });

  test('badKeepalive answers errorCode != 0; so does a keepalive with a revoked token', async () => {
    const s = await start();
    const { socket, rec, login } = await connect(s, 'account');
    s.badKeepalive(true);
    socket.emit('keepalive', login.Token);
    const [bad] = await rec.waitFor('keepaliveResponse');
    expect(bad).toMatchObject({ errorCode: 1, isOk: false });
    s.badKeepalive(false);
    s.expireTokens();
    socket.emit('keepalive', login.Token);
    const answers = await rec.waitFor('keepaliveResponse', 2);
    expect(answers[1]).toMatchObject({ errorCode: 1, isOk: false });
  });

  test('silence stops keepalive answers and events; lifting it restores them', async () => {
    const s = await start();
    const { socket, rec } = await connect(s, 'account');
    s.silence(true);
    expect(s.connections()[0]?.silenced).toBe(true);
    socket.emit('keepalive');
    s.telephony.setStatus(1234567, 3);
    await delay(200);
    expect(rec.of('keepaliveResponse')).toHaveLength(0);
    expect(rec.of('ExtensionEvent')).toHaveLength(0);
    expect(s.connections()[0]?.keepalivesReceived).toBe(1);
    s.silence(false);
    socket.emit('keepalive');
    await rec.waitFor('keepaliveResponse');
  });
});

describe('client events', () => {
  test('resync re-sends loginStatus and AllExtensionsStatus, reflecting current state', async () => {
    const s = await start();
    const { socket, rec } = await connect(s, 'account');
    s.telephony.newCall(1234567, {
      ivrid: 'abc',
      callerName: 'Test',
      callerPhone: '0501234567',
      direction: 'Incoming',
    });
    socket.emit('resync', { cache: false });
    await rec.waitFor('AllExtensionsStatus', 2);
    await rec.waitFor('loginStatus', 2);
    const after = rec.of('AllExtensionsStatus')[1] as Snap;
    expect(after.extensions.find((e) => e.number === 1234567)?.calls).toMatchObject([
      { ivrid: 'abc', callstatus: 'Ringing' },
    ]);
    expect(s.connections()[0]?.sockets[0]?.lastResync).toMatchObject({ cache: false });
    const tail = rec.names().slice(-2);
    expect(tail).toEqual(['loginStatus', 'AllExtensionsStatus']);
  });

  test('closeme disconnects that socket only', async () => {
    const s = await start();
    const a = await connect(s, 'account');
    const b = await connect(s, 'user');
    a.socket.emit('closeme', {});
    await a.rec.waitFor('disconnect');
    await delay(50);
    expect(b.socket.connected).toBe(true);
    expect(s.connections()[0]?.sockets.map((x) => x.loginType)).toEqual(['user']);
  });

  test('changeMonitoredSet emits the *Updated string and changes what a resync returns', async () => {
    const s = await start();
    const { socket, rec } = await connect(s, 'account');
    s.changeMonitoredSet('extensions');
    const [updated] = await rec.waitFor('ExtensionsUpdated');
    expect(typeof updated).toBe('string');
    socket.emit('resync', { cache: false });
    await rec.waitFor('AllExtensionsStatus', 2);
    expect((rec.of('AllExtensionsStatus')[1] as Snap).extensions.map((e) => e.number)).toContain(
      9876540,
    );

    s.changeMonitoredSet('queues');
    s.changeMonitoredSet('dialers');
    await rec.waitFor('QueuesUpdated');
    await rec.waitFor('DialersUpdated');
    socket.emit('resync', { cache: false });
    await rec.waitFor('loginStatus', 3);
    expect((rec.of('loginStatus')[2] as Queues).queues.map((q) => q.QueueName)).toContain('Queue3');

    s.changeMonitoredSet('extensions');
    expect(s.snapshot().extensions.map((e) => e.number)).not.toContain(9876540);
  });

  test('emit() sends raw payloads to every socket, whatever their scope', async () => {
    const s = await start();
    const a = await connect(s, 'account');
    const u = await connect(s, 'user');
    s.emit('ExtensionEvent', { garbage: true });
    s.emit('SomethingNew', 42);
    await a.rec.waitFor('SomethingNew');
    await u.rec.waitFor('SomethingNew');
    expect(u.rec.of('ExtensionEvent')).toEqual([{ garbage: true }]);
  });

  test('sendDialers adds an AllDialersStatus snapshot for account logins only', async () => {
    const s = await start({ sendDialers: true });
    const a = await connect(s, 'account');
    const u = await connect(s, 'user');
    await a.rec.waitFor('AllDialersStatus');
    expect(u.rec.of('AllDialersStatus')).toHaveLength(0);
  });

  test('waitForConnection resolves with the accepted session', async () => {
    const s = await start({ servers: 2 });
    const waiting = s.waitForConnection({ serverIndex: 1 });
    await connect(s, 'token', s.socketUrls[1]);
    const info = await waiting;
    expect(info).toMatchObject({ serverIndex: 1, loginType: 'token' });
  });
});
