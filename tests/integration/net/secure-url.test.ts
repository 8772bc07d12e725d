/**
 * A refused address gets no request at all, from any client that carries a secret. The counting
 * server listens on 127.0.0.2: a real loopback address on Linux that the secure-URL rule does not
 * name, so `http://127.0.0.2:<port>` stands for "plain http to another machine" while nothing
 * leaves this one. A direct fetch first proves the server is reachable, so the zero that follows
 * is the rule at work and not a dead address.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import io from 'socket.io-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/logging';
import { systemClock } from '../../../electron/core/ports';
import { RocketChatClient } from '../../../electron/core/integrations/rocketchat/client';
import { RocketChatError } from '../../../electron/core/integrations/rocketchat/errors';
import {
  SignalWireClient,
  SignalWireConfigError,
} from '../../../electron/core/integrations/signalwire/client';
import { loginVoicenter, refreshVoicenterToken } from '../../../electron/core/voicenter/login-api';
import { VoicenterRealtimeClient } from '../../../electron/core/voicenter/realtime-client';
import { createEventParser } from '../../../shared/voicenter/parse';
import { SECURE_URL_RULE } from '../../../shared/net/secure-url';

const HOST = '127.0.0.2';
let server: Server | null = null;
let requests = 0;
let origin = '';
let unavailable: string | null = null;

beforeAll(async () => {
  const candidate = createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  try {
    await new Promise<void>((resolve, reject) => {
      candidate.once('error', reject);
      candidate.listen(0, HOST, resolve);
    });
    server = candidate;
    origin = `http://${HOST}:${(candidate.address() as AddressInfo).port}`;
  } catch (error) {
    unavailable = `cannot listen on ${HOST} here (${(error as Error).message})`;
    console.log(`secure-url integration tests skipped: ${unavailable}`);
  }
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

beforeEach(async (context) => {
  if (unavailable) {
    context.skip();
    return;
  }
  // The control: plain http to this address does reach the server.
  requests = 0;
  await (await fetch(`${origin}/control`)).text();
  expect(requests).toBe(1);
  requests = 0;
});

const sentence = (subject: string) => `${subject} ${SECURE_URL_RULE}.`;

describe('Voicenter', () => {
  const base = () => `${origin}/monitorAPI/Login`;

  it.each([
    { loginType: 'user', identity: 'agent@example.co.il', secret: 'pin-Tz7#q1' },
    { loginType: 'account', identity: 'acme', secret: 'pw-Lm4!x9' },
    { loginType: 'token', identity: '', secret: 'acct-token-Qw8$z2' },
  ] as const)('a $loginType login sends nothing to a plain-http host', async (credentials) => {
    const result = await loginVoicenter({ ...credentials, loginBaseUrl: base() });
    expect(result).toEqual({
      ok: false,
      kind: 'config',
      retryable: false,
      message: sentence('The Voicenter login address'),
    });
    expect(requests).toBe(0);
  });

  it('a token refresh sends nothing either', async () => {
    const result = await refreshVoicenterToken(base(), 'refresh-token-Zx81');
    expect(result).toMatchObject({ ok: false, kind: 'config', retryable: false });
    expect(requests).toBe(0);
  });

  it('the realtime client stops for good with the reason, and never asks', async () => {
    const client = new VoicenterRealtimeClient({
      credentials: { loginType: 'account', identity: 'acme', secret: 'pw', loginBaseUrl: base() },
      io,
      parser: createEventParser(),
      logger: silentLogger,
      clock: systemClock,
      timings: { backoffBaseMs: 20, backoffCapMs: 40 },
      random: () => 0,
    });
    const offline = new Promise<string>((resolve) => {
      client.on('state', (view) => {
        if (view.state.status === 'offline' && view.state.fatal) resolve(view.state.reason);
      });
    });
    client.start();
    expect(await offline).toBe(sentence('The Voicenter login address'));
    client.stop();
    expect(requests).toBe(0);
  });
});

describe('Rocket.Chat', () => {
  const client = () =>
    new RocketChatClient({ serverUrl: origin, clock: systemClock, logger: silentLogger });

  async function refusal(run: () => Promise<unknown>): Promise<RocketChatError> {
    const error = await run().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RocketChatError);
    return error as RocketChatError;
  }

  it('a password login, a token check and a room request all stay home', async () => {
    const rc = client();
    for (const run of [
      () => rc.info(),
      () => rc.login({ user: 'agent', password: 'pw-Rc55!' }),
      () => rc.useToken({ userId: 'u1', authToken: 'pat-Rc55-token', kind: 'pat' }),
      () => rc.voipRoom({ token: 'visitor', agentId: 'u1', direction: 'inbound' }),
    ]) {
      const error = await refusal(run);
      expect(error.code).toBe('insecure-server-url');
      expect(error.transient).toBe(false);
      expect(error.message).toBe(sentence('The Rocket.Chat server address'));
    }
    expect(requests).toBe(0);
  });
});

describe('SignalWire', () => {
  it('no client is built for a plain-http space or relay, even with loopback http allowed', () => {
    for (const target of [
      { kind: 'space', space: origin, projectId: 'p1', token: 'PT-secret' },
      { kind: 'relay', url: `${origin}/signalwire`, bearer: 'relay-secret' },
    ] as const) {
      expect(() => new SignalWireClient({ target, allowLoopbackHttp: true })).toThrow(
        SignalWireConfigError,
      );
    }
    expect(requests).toBe(0);
  });
});
