import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WS_MESSAGE_BYTES } from '../../../shared/ipc/ws-protocol';
import { connectIpc, startIdleHostProcess, type HostProcess } from '../../support/host-process';

// The headless host as `npm run web` runs it, in its own process: a frame the page (or anything
// holding the token) sends must never end it. Each bad frame closes that socket only; a client
// that was already connected, and a new one, are still served.
describe('the headless host IPC socket under bad frames', () => {
  let host: HostProcess;
  let stopHost: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ host, stop: stopHost } = await startIdleHostProcess('ringside-frames-'));
  });

  afterAll(async () => {
    await stopHost?.();
  });

  async function expectStillServing(): Promise<void> {
    const client = await connectIpc(host);
    const answer = await client.invoke('getSnapshot');
    expect(answer.ok).toBe(true);
    client.close();
    expect(host.exit()).toBeNull();
  }

  it('answers a 300 KB value in a call with a clear error and keeps the socket', async () => {
    const client = await connectIpc(host);
    const answer = await client.invoke('configureSignalWire', [
      { mode: 'relay', relayUrl: 'https://relay.example.org/sw', relayToken: 'x'.repeat(300_000) },
    ]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(answer.ok ? '' : answer.error.message).toContain('The relay token is too long');
    expect((await client.invoke('getSnapshot')).ok).toBe(true);
    client.close();
  });

  it('closes only the socket that sent a message over the size limit', async () => {
    const bystander = await connectIpc(host);
    const sender = await connectIpc(host);
    sender.socket.send('"' + 'x'.repeat(MAX_WS_MESSAGE_BYTES + 10) + '"');
    expect(await sender.closed).toBe(1009);
    expect((await bystander.invoke('getSnapshot')).ok).toBe(true);
    bystander.close();
    await expectStillServing();
  });

  it('closes only the socket that sent a text frame that is not UTF-8', async () => {
    const bystander = await connectIpc(host);
    const sender = await connectIpc(host);
    sender.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await sender.closed).toBe(1007);
    expect((await bystander.invoke('getSnapshot')).ok).toBe(true);
    bystander.close();
    await expectStillServing();
  });

  it('closes only the socket that sent a frame the protocol does not allow', async () => {
    const sender = await connectIpc(host);
    // A client frame without a mask, straight onto the TCP stream: a protocol error.
    sender.raw().write(Buffer.from([0x81, 0x02, 0x7b, 0x7d]));
    expect(await sender.closed).toBe(1002);
    await expectStillServing();
  });
});
