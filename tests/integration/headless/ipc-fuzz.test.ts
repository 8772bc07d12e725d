import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WS_MESSAGE_BYTES } from '../../../shared/ipc/ws-protocol';
import {
  connectIpc,
  startIdleHostProcess,
  type HostProcess,
  type IpcClient,
} from '../../support/host-process';

// Property: whatever one client sends, the host answers it or closes that client's socket, stays
// alive, and keeps serving another client. Methods that would reach past this machine (sign-ins,
// the SignalWire test, opening a browser) or raise a desktop notification are left out of the
// generated calls; every other method gets random arguments.
const SAFE_METHODS = [
  'getSnapshot',
  'useDemo',
  'signOut',
  'reconnect',
  'updateSettings',
  'dismissNotice',
  'exportDiagnostics',
  'rocketChatSignOut',
  'openRoom',
  'roomAction',
  'wrapUp',
  'retryAction',
  'discardAction',
  'updateRocketChatSettings',
  'configureSignalWire',
  'linkSignalWireCall',
  'sendSignalWireEvent',
  'sendSignalWirePreset',
  'endSignalWireCall',
  'updateSignalWireSettings',
];

type Frame =
  | { kind: 'text'; text: string }
  | { kind: 'bytes-as-text'; bytes: Uint8Array }
  | { kind: 'binary'; bytes: Uint8Array }
  | { kind: 'tcp'; bytes: Uint8Array };

const nested = (depth: number, open: string, close: string, inner = '1'): string =>
  open.repeat(depth) + inner + close.repeat(depth);

const invoke = (method: string, args: unknown, id: unknown = 1): string =>
  JSON.stringify({ type: 'invoke', id, method, args });

const frames: fc.Arbitrary<Frame> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }).map((text): Frame => ({ kind: 'text', text })),
  fc.json({ maxDepth: 4 }).map((text): Frame => ({ kind: 'text', text })),
  fc
    .record({
      method: fc.oneof(
        fc.constantFrom(...SAFE_METHODS),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'signInVoicenter '),
        fc.string({ maxLength: 120 }),
      ),
      args: fc.oneof(
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 12 }),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      id: fc.oneof(fc.nat(), fc.jsonValue({ maxDepth: 1 })),
    })
    .map(({ method, args, id }): Frame => ({ kind: 'text', text: invoke(method, args, id) })),
  fc
    .constantFrom(
      nested(100_000, '[', ']'),
      // Built as text: too deep for this process's own JSON.stringify, as for the host's.
      `{"type":"invoke","id":1,"method":"updateSignalWireSettings","args":[{"presets":[{"label":"deep","event":${nested(50_000, '{"a":', '}')}}]}]}`,
      invoke('dismissNotice', ['x'.repeat(MAX_WS_MESSAGE_BYTES - 100)]),
      'x'.repeat(MAX_WS_MESSAGE_BYTES + 1),
    )
    .map((text): Frame => ({ kind: 'text', text })),
  fc.uint8Array({ maxLength: 300 }).map((bytes): Frame => ({ kind: 'bytes-as-text', bytes })),
  fc.uint8Array({ maxLength: 300 }).map((bytes): Frame => ({ kind: 'binary', bytes })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes): Frame => ({ kind: 'tcp', bytes })),
);

/** Sends one frame and resolves once the host answered (any result) or closed the socket. */
async function sendOne(client: IpcClient, frame: Frame): Promise<'answered' | 'closed' | 'sent'> {
  const answered = new Promise<'answered'>((done) =>
    client.socket.on('message', (data: Buffer) => {
      if (data.toString('utf8').startsWith('{"type":"result"')) done('answered');
    }),
  );
  const closed = client.closed.then(() => 'closed' as const);
  switch (frame.kind) {
    case 'text':
      client.socket.send(frame.text);
      break;
    case 'bytes-as-text':
      client.socket.send(Buffer.from(frame.bytes), { binary: false });
      break;
    case 'binary':
      client.socket.send(Buffer.from(frame.bytes), { binary: true });
      break;
    case 'tcp': {
      // Raw bytes on the stream, outside any frame: an incomplete header is simply waited on,
      // so this client hangs up itself and the property rests on the host serving the next one.
      const raw = client.raw();
      raw.write(Buffer.from(frame.bytes));
      raw.end();
      await closed;
      return 'sent';
    }
  }
  return Promise.race([answered, closed]);
}

describe('the headless host IPC socket, fuzzed', () => {
  let host: HostProcess;
  let stopHost: (() => Promise<void>) | undefined;
  let bystander: IpcClient;

  beforeAll(async () => {
    ({ host, stop: stopHost } = await startIdleHostProcess('ringside-fuzz-'));
    bystander = await connectIpc(host);
  });

  afterAll(async () => {
    bystander?.close();
    await stopHost?.();
  });

  it('answers or refuses any frame, stays alive and keeps serving another client', async () => {
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        const client = await connectIpc(host);
        await sendOne(client, frame);
        client.close();
        const answer = await bystander.invoke('getSnapshot');
        expect(answer.ok).toBe(true);
        expect(host.exit()).toBeNull();
      }),
      { numRuns: 200 },
    );
    // A client arriving after all of it is served too.
    const late = await connectIpc(host);
    expect((await late.invoke('getSnapshot')).ok).toBe(true);
    late.close();
  });
});
