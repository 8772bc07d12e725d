/** The fetch client against the SignalWire side of the demo service, over real HTTP. */
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SignalWireClient,
  SignalWireConfigError,
  type SignalWireClientOptions,
} from '../../../electron/core/integrations/signalwire/client';
import {
  SignalWireError,
  SignalWireTransportError,
} from '../../../electron/core/integrations/signalwire/errors';
import { startSignalWireSim, type SignalWireSim } from '../../../electron/sim/signalwire';
import { CALL, freePort } from './helpers';

let sim: SignalWireSim;

const direct = (
  extra: Partial<SignalWireClientOptions> = {},
  token = sim.token,
): SignalWireClient =>
  new SignalWireClient({
    target: { kind: 'space', space: sim.baseUrl, projectId: sim.projectId, token },
    allowLoopbackHttp: true,
    ...extra,
  });

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

beforeEach(async () => {
  sim = await startSignalWireSim({ tokensWithoutVoice: ['PTnovoice'] });
  sim.addCall(CALL);
});
afterEach(async () => {
  await sim.close();
});

describe('SignalWireClient commands', () => {
  it('sends a user event in the envelope, with its own event_id and the caller type kept', async () => {
    const client = direct({ newId: () => 'evt-1' });
    const { eventId, response } = await client.userEvent(CALL, {
      type: 'order.confirmed',
      order_id: 'ORD-1',
    });
    expect(eventId).toBe('evt-1');
    expect(response).toMatchObject({ status: 200, leg: { id: CALL, status: 'answered' } });
    expect(sim.journal()[0]).toMatchObject({
      command: 'calling.user_event',
      id: CALL,
      params: { event: { type: 'order.confirmed', order_id: 'ORD-1', event_id: 'evt-1' } },
    });
  });

  it('uses the given event_id, over one the event already had', async () => {
    await direct().userEvent(CALL, { type: 'x', event_id: 'stale' }, { eventId: 'fixed' });
    expect(sim.userEvents(CALL)).toEqual([{ type: 'x', event_id: 'fixed' }]);
  });

  it('ends a call, and a second end reports "already ended" (404)', async () => {
    const client = direct();
    expect(await client.end(CALL, 'hangup')).toMatchObject({
      alreadyEnded: false,
      response: { status: 200 },
    });
    expect(sim.journal()[0]?.params).toEqual({ reason: 'hangup' });
    expect(await client.end(CALL)).toEqual({ alreadyEnded: true, response: null });
    // `params` is always sent, even empty.
    expect(sim.journal()[1]?.params).toEqual({});
  });

  it('reads an empty 204 and a non-JSON 2xx without crashing', async () => {
    sim.failNext(1, 204);
    sim.failNext(1, 200, { body: '<html>ok</html>', contentType: 'text/html' });
    const client = direct();
    expect((await client.userEvent(CALL, { n: 1 })).response).toMatchObject({
      status: 204,
      body: null,
      leg: null,
    });
    expect((await client.userEvent(CALL, { n: 2 })).response).toMatchObject({
      status: 200,
      body: '<html>ok</html>',
      leg: null,
    });
  });

  it('talks to a relay with the bearer token and no SignalWire credentials', async () => {
    const relay = new SignalWireClient({
      target: { kind: 'relay', url: sim.relayUrl, bearer: sim.relayToken },
      allowLoopbackHttp: true,
    });
    expect((await relay.userEvent(CALL, { via: 'relay' })).response.status).toBe(200);
    expect(sim.journal()[0]).toMatchObject({ via: 'relay', authOk: true });
  });
});

describe('SignalWireClient errors', () => {
  it.each([
    [400, { error: 'Bad Request' }],
    [401, { error: 'Unauthorized' }],
    [403, { error: 'Forbidden' }],
    [409, { error: 'Conflict' }],
    [500, { error: 'Internal Server Error' }],
    [503, { error: 'Service Unavailable' }],
  ])(
    'turns %i into a SignalWireError with the parsed body, method and URL',
    async (status, body) => {
      sim.failNext(1, status);
      const error = await failure(() => direct().userEvent(CALL, { a: 1 }));
      expect(error).toBeInstanceOf(SignalWireError);
      expect(error).toMatchObject({
        status,
        body,
        method: 'POST',
        url: `${sim.baseUrl}/api/calling/calls`,
        via: 'direct',
      });
    },
  );

  it('404 for an unknown call', async () => {
    const error = await failure(() =>
      direct().userEvent('11111111-2222-4333-8444-555555555555', { a: 1 }),
    );
    expect(error).toMatchObject({ status: 404, body: { error: 'Not Found' } });
  });

  it('422 carries the errors array', async () => {
    const error = await failure(() =>
      direct().command('calling.user_event', CALL, { event: 'not an object' }),
    );
    expect(error).toBeInstanceOf(SignalWireError);
    expect((error as SignalWireError).errors).toEqual([
      expect.objectContaining({
        type: 'validation_error',
        code: 'invalid_parameter_value',
        attribute: 'event',
      }),
    ]);
  });

  it('401 for a wrong token and 403 for a token without the Voice scope', async () => {
    expect(await failure(() => direct({}, 'wrong').userEvent(CALL, { a: 1 }))).toMatchObject({
      status: 401,
    });
    expect(await failure(() => direct({}, 'PTnovoice').userEvent(CALL, { a: 1 }))).toMatchObject({
      status: 403,
    });
  });

  it('429 carries Retry-After', async () => {
    sim.failNext(1, 429, { retryAfter: 7 });
    expect(await failure(() => direct().userEvent(CALL, { a: 1 }))).toMatchObject({
      status: 429,
      retryAfterMs: 7_000,
    });
  });

  it('keeps a non-JSON error body as text', async () => {
    sim.failNext(1, 502, { body: 'upstream down' });
    expect(await failure(() => direct().userEvent(CALL, { a: 1 }))).toMatchObject({
      status: 502,
      body: 'upstream down',
    });
  });

  it('times out an attempt that gets no answer, saying it may have arrived', async () => {
    sim.failNext(1, 'hang');
    const error = await failure(() => direct({ timeoutMs: 150 }).userEvent(CALL, { a: 1 }));
    expect(error).toBeInstanceOf(SignalWireTransportError);
    expect(error).toMatchObject({ reason: 'timeout', mayHaveArrived: true });
  });

  it('is cancellable', async () => {
    sim.failNext(1, 'hang');
    const controller = new AbortController();
    const pending = failure(() =>
      direct().userEvent(CALL, { a: 1 }, { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ reason: 'aborted' });
    const early = new AbortController();
    early.abort();
    expect(
      await failure(() => direct().userEvent(CALL, { a: 1 }, { signal: early.signal })),
    ).toMatchObject({
      reason: 'aborted',
    });
  });

  it('tells a refused connection (never sent) from a dropped one (may have arrived)', async () => {
    sim.failNext(1, 'reset');
    expect(await failure(() => direct().userEvent(CALL, { a: 1 }))).toMatchObject({
      reason: 'network',
      mayHaveArrived: true,
    });

    const port = await freePort();
    const refused = new SignalWireClient({
      target: { kind: 'space', space: `http://127.0.0.1:${port}`, projectId: 'p', token: 't' },
      allowLoopbackHttp: true,
    });
    expect(await failure(() => refused.userEvent(CALL, { a: 1 }))).toMatchObject({
      reason: 'network',
      mayHaveArrived: false,
      code: 'ECONNREFUSED',
    });
  });

  it('never lets the credentials into an error, even when a server echoes them', async () => {
    const basic = Buffer.from(`${sim.projectId}:${sim.token}`).toString('base64');
    sim.failNext(1, 400, { body: `bad request from Basic ${basic} (${sim.token})` });
    sim.failNext(1, 'hang');
    const client = direct({ timeoutMs: 100 });
    const errors = [
      await failure(() => client.userEvent(CALL, { a: 1 })),
      await failure(() => client.userEvent(CALL, { a: 1 })),
      await failure(() => direct({}, 'wrong-secret-token').userEvent(CALL, { a: 1 })),
    ];
    for (const error of errors) {
      const text = [inspect(error, { depth: 5 }), JSON.stringify(error), String(error)].join('\n');
      for (const secret of [sim.token, basic, 'wrong-secret-token'])
        expect(text).not.toContain(secret);
    }
    expect((errors[0] as SignalWireError).body).toBe(
      'bad request from Basic [redacted] ([redacted])',
    );
    expect(inspect(client, { depth: 5 })).not.toContain(sim.token);
    expect(JSON.stringify(client)).not.toContain(basic);
  });
});

describe('SignalWireClient configuration and connection test', () => {
  it('refuses plain http outside loopback and loopback without the flag', () => {
    expect(
      () =>
        new SignalWireClient({
          target: { kind: 'space', space: 'http://acme.example', projectId: 'p', token: 't' },
        }),
    ).toThrow(SignalWireConfigError);
    expect(
      () =>
        new SignalWireClient({
          target: { kind: 'space', space: sim.baseUrl, projectId: 'p', token: 't' },
        }),
    ).toThrow(/https/);
    expect(
      () =>
        new SignalWireClient({
          target: { kind: 'relay', url: 'http://relay.example/x', bearer: null },
        }),
    ).toThrow(/https/);
  });

  it('passes with working credentials, by a probe to a call that cannot exist', async () => {
    expect(await direct().testConnection()).toEqual({
      ok: true,
      message: expect.stringMatching(/accepted/) as string,
      status: 404,
    });
    expect(sim.journal()[0]).toMatchObject({
      command: 'calling.user_event',
      id: '00000000-0000-0000-0000-000000000000',
    });
  });

  it.each([
    ['wrong', /\(401\)/, 401],
    ['PTnovoice', /Voice scope/, 403],
  ])('fails with token %s', async (token, words, status) => {
    const result = await direct({}, token).testConnection();
    expect(result).toMatchObject({ ok: false, status });
    expect(result.message).toMatch(words);
  });

  it('checks a relay and its token', async () => {
    const relay = (bearer: string | null) =>
      new SignalWireClient({
        target: { kind: 'relay', url: sim.relayUrl, bearer },
        allowLoopbackHttp: true,
      });
    expect((await relay(sim.relayToken).testConnection()).ok).toBe(true);
    expect(await relay('nope').testConnection()).toMatchObject({ ok: false, status: 401 });
  });

  it('fails when nothing answers', async () => {
    const port = await freePort();
    const client = new SignalWireClient({
      target: { kind: 'space', space: `http://127.0.0.1:${port}`, projectId: 'p', token: 't' },
      allowLoopbackHttp: true,
    });
    expect(await client.testConnection()).toMatchObject({
      ok: false,
      status: null,
      message: expect.stringMatching(/Could not reach/) as string,
    });
  });
});
