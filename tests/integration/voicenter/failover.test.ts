/**
 * Failover, back-off, return to main, dead-link detection and reconnectNow, against the simulator
 * with three monitor servers over real sockets. Timers are shortened; assertions are on behaviour
 * (which server, which retry delay the client chose), never on elapsed time.
 */
import {
  createServer as createNetServer,
  type AddressInfo,
  type Socket as NetSocket,
} from 'node:net';
import io from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startVoicenterSim, type VoicenterSim } from '../../../electron/sim/voicenter';
import { harness, openSockets, type Harness } from './helpers';

describe('VoicenterRealtimeClient failover', () => {
  let sim: VoicenterSim;
  let h: Harness | null = null;
  let main = '';
  let backup = '';
  let third = '';

  beforeEach(async () => {
    sim = await startVoicenterSim({ servers: 3 });
    [main = '', backup = '', third = ''] = sim.socketUrls;
  });
  afterEach(async () => {
    h?.client.stop();
    h = null;
    await sim.stop();
  });

  /** At most one socket, on the given server, across the whole sim. */
  function expectOnlySocketOn(index: number): void {
    const counts = sim.connections().map((c) => c.sockets.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(counts[index]).toBe(1);
  }

  it('fails over to the backup when the main server dies, then returns to main after the timer', async () => {
    h = harness(sim, { timings: { returnToMainAfterMs: 800 } });
    h.client.start();
    await h.connectedTo(main);
    await sim.kill(0);
    await h.connectedTo(backup);
    expectOnlySocketOn(1);
    expect(
      h.states.some((s) => s.state.status === 'offline' && /dropped/.test(s.state.reason)),
    ).toBe(true);
    await sim.restart(0);
    await h.connectedTo(main);
    // The backup socket was closed before the main one opened: no orphan.
    await h.until(() => openSockets(sim) === 1, 'one socket');
    expectOnlySocketOn(0);
    // The client's goodbye on a deliberate switch.
    expect(h.log.some((l) => l.msg === 'trying the main server again')).toBe(true);
  });

  it('backs off exponentially while every server is down, and resets after a good connect', async () => {
    h = harness(sim);
    h.client.start();
    await h.connectedTo(main);
    await Promise.all([sim.kill(0), sim.kill(1), sim.kill(2)]);
    // base 50, cap 400: 50, 100, 200, 400, 400, ...
    await h.until(() => h!.retryDelays().length >= 6, 'six failed attempts');
    expect(h.retryDelays().slice(0, 6)).toEqual([50, 100, 200, 400, 400, 400]);
    await sim.restart(1);
    await h.untilState((v) => v.state.status === 'connected', 'connected again', 10_000);
    expectOnlySocketOn(1);
    const failedSoFar = h.retryDelays().length;
    // Drop it again: the first delay is the base again (the TS SDK never resets).
    await sim.kill(1);
    await h.until(() => h!.retryDelays().length > failedSoFar + 1, 'retries after the reset');
    expect(h.retryDelays().slice(failedSoFar, failedSoFar + 2)).toEqual([50, 100]);
    expect(openSockets(sim)).toBe(0);
  });

  it('tries servers by priority, wrapping around', async () => {
    h = harness(sim);
    await sim.kill(0);
    await sim.kill(1);
    h.client.start();
    await h.connectedTo(third);
    const tried = h.states.flatMap((s) =>
      s.state.status === 'connecting' && s.state.server ? [s.state.server] : [],
    );
    expect(tried).toEqual([main, backup, third]);
  });

  it('uses the MonitorList priorities', async () => {
    sim.configure({ serverList: 'MonitorList' });
    h = harness(sim);
    h.client.start();
    await h.connectedTo(main);
  });

  it('detects a silent (dead) link after a keepalive and fails over', async () => {
    h = harness(sim, {
      timings: { keepaliveIdleMs: 150, deadAfterKeepaliveMs: 400, returnToMainAfterMs: 60_000 },
    });
    h.client.start();
    await h.connectedTo(main);
    sim.silence(true, 0);
    await h.connectedTo(backup);
    expect(
      h.states.some((s) => s.state.status === 'offline' && /No sign of life/.test(s.state.reason)),
    ).toBe(true);
    expect(sim.connections()[0]?.keepalivesReceived).toBeGreaterThanOrEqual(1);
    await h.until(() => openSockets(sim) === 1, 'the silent socket closed');
    expectOnlySocketOn(1);
  });

  it('reconnects when the keepalive response reports a bad link', async () => {
    h = harness(sim, { timings: { keepaliveIdleMs: 150, deadAfterKeepaliveMs: 5_000 } });
    h.client.start();
    await h.connectedTo(main);
    sim.badKeepalive(true, 0);
    await h.connectedTo(backup);
    expect(
      h.states.some((s) => s.state.status === 'offline' && /bad link/.test(s.state.reason)),
    ).toBe(true);
    const bad = h.events.find((e) => e.kind === 'keepaliveResponse' && !e.ok);
    expect(bad).toBeDefined();
    await h.until(() => openSockets(sim) === 1, 'one socket');
    expectOnlySocketOn(1);
  });

  it('times out a server that accepts TCP but never completes the handshake, and lets go of it', async () => {
    const open = new Set<NetSocket>();
    // Reads (and drops) what arrives, so it notices when the client hangs up.
    const blackhole = createNetServer((socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.resume();
    });
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const port = (blackhole.address() as AddressInfo).port;
    try {
      h = harness(sim, {
        timings: { connectTimeoutMs: 300 },
        // The main server's address leads into the black hole.
        io: (uri, opts) => io(uri === main ? `http://127.0.0.1:${port}` : uri, opts),
      });
      h.client.start();
      await h.connectedTo(backup);
      expect(
        h.states.some(
          (s) => s.state.status === 'offline' && /127\.0\.0\.1:\d+/.test(s.state.reason),
        ),
      ).toBe(true);
      await h.until(() => open.size === 0, 'the half-open connection closed');
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => blackhole.close(() => resolve()));
    }
  });

  it('reconnectNow drops even an open socket and connects to main again, without orphans', async () => {
    h = harness(sim, { timings: { returnToMainAfterMs: 60_000 } });
    h.client.start();
    await h.connectedTo(main);
    const firstId = sim.connections()[0]?.sockets[0]?.id;
    h.client.reconnectNow('network changed');
    await h.until(() => {
      const ids = sim.connections()[0]?.sockets.map((s) => s.id) ?? [];
      return ids.length === 1 && ids[0] !== firstId;
    }, 'a new socket on main');
    await h.connectedTo(main);
    expectOnlySocketOn(0);
    expect(sim.connections()[0]?.totalConnections).toBe(2);

    // On a backup, reconnectNow goes straight back to main.
    await sim.kill(0, 'graceful');
    await h.connectedTo(backup);
    await sim.restart(0);
    h.client.reconnectNow('power resume');
    await h.connectedTo(main);
    await h.until(() => openSockets(sim) === 1, 'one socket');
    expectOnlySocketOn(0);
  });

  it('many drops in a row never leave an orphan socket', async () => {
    h = harness(sim, { timings: { returnToMainAfterMs: 60_000 } });
    h.client.start();
    await h.connectedTo(main);
    for (let i = 0; i < 5; i += 1) {
      h.client.reconnectNow(`churn ${i}`);
      h.client.reconnectNow(`churn ${i} again`);
      await h.connectedTo(main);
      await h.until(() => openSockets(sim) === 1, 'one socket');
    }
    expectOnlySocketOn(0);
  });
});
