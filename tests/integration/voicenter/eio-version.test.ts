/**
 * Production monitor servers speak Engine.IO v3: the client must be socket.io-client 2.x. The sim
 * enforces the same, so a v4 client is refused while the product's client connects.
 */
import io from 'socket.io-client';
import { io as ioV4 } from 'socket.io-client-v4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startVoicenterSim, type VoicenterSim } from '../../../electron/sim/voicenter';
import { harness, type Harness } from './helpers';

describe('Engine.IO v3 only', () => {
  let sim: VoicenterSim;
  let h: Harness | null = null;

  beforeEach(async () => {
    sim = await startVoicenterSim();
  });
  afterEach(async () => {
    h?.client.stop();
    h = null;
    await sim.stop();
  });

  it('socket.io-client@4 cannot connect, socket.io-client@2.5.0 can', async () => {
    // A valid token, so only the protocol version can be the reason.
    h = harness(sim, { io });
    h.client.start();
    await h.connectedTo(sim.socketUrls[0] ?? '');
    const token = sim.lastGrant()?.token ?? '';

    const v4 = ioV4(sim.socketUrls[0] ?? '', {
      query: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 3000,
    });
    const outcome = await new Promise<string>((resolve) => {
      v4.on('connect', () => resolve('connected'));
      v4.on('connect_error', (err: Error) => resolve(`error: ${err.message}`));
    });
    v4.close();
    expect(outcome).toMatch(/^error/);
    expect(sim.connections()[0]?.sockets).toHaveLength(1);
    expect(sim.connections()[0]?.totalConnections).toBe(1);
  });
});
