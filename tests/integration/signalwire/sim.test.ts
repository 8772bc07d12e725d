/** The SignalWire side of the demo service follows the spec's wire (auth, validation, calls, journal, relay). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignalWireSim, type SignalWireSim } from '../../../electron/sim/signalwire';
import { CALL, basic, post } from './helpers';

let sim: SignalWireSim;
let auth: string;
const calls = (): string => `${sim.baseUrl}/api/calling/calls`;
const userEvent = (event: unknown, id = CALL) => ({
  command: 'calling.user_event',
  id,
  params: { event },
});

beforeEach(async () => {
  sim = await startSignalWireSim({ tokensWithoutVoice: ['PTnovoice'], endingMs: 0 });
  auth = basic(sim.projectId, sim.token);
  sim.addCall(CALL);
});
afterEach(async () => {
  await sim.close();
});

describe('SignalWire demo server: authentication', () => {
  it('answers 401 without, or with wrong, Basic credentials', async () => {
    expect(await post(calls(), userEvent({ a: 1 }), null)).toMatchObject({
      status: 401,
      body: { error: 'Unauthorized' },
    });
    expect((await post(calls(), userEvent({ a: 1 }), basic(sim.projectId, 'wrong'))).status).toBe(
      401,
    );
    expect(
      (await post(calls(), userEvent({ a: 1 }), basic('other-project', sim.token))).status,
    ).toBe(401);
    expect((await post(calls(), userEvent({ a: 1 }), `Bearer ${sim.token}`)).status).toBe(401);
  });

  it('answers 403 (or 401, as configured) for a token without the Voice scope', async () => {
    expect(
      await post(calls(), userEvent({ a: 1 }), basic(sim.projectId, 'PTnovoice')),
    ).toMatchObject({
      status: 403,
      body: { error: 'Forbidden' },
    });
    const strict = await startSignalWireSim({
      tokensWithoutVoice: ['PTnovoice'],
      missingScopeStatus: 401,
    });
    try {
      strict.addCall(CALL);
      const answer = await post(
        `${strict.baseUrl}/api/calling/calls`,
        userEvent({ a: 1 }),
        basic(strict.projectId, 'PTnovoice'),
      );
      expect(answer.status).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('journals every request with whether auth passed, and no user event reaches the call', async () => {
    await post(calls(), userEvent({ a: 1 }), null);
    expect(sim.journal()).toEqual([
      expect.objectContaining({
        via: 'direct',
        command: 'calling.user_event',
        id: CALL,
        status: 401,
        authOk: false,
        applied: false,
      }),
    ]);
    expect(sim.userEvents(CALL)).toEqual([]);
  });
});

describe('SignalWire demo server: validation', () => {
  it('answers 400 for a body that is not JSON and for an unknown command', async () => {
    expect(await post(calls(), '{not json', auth)).toMatchObject({
      status: 400,
      body: { error: 'Bad Request' },
    });
    expect(
      await post(calls(), { command: 'calling.hold', id: CALL, params: {} }, auth),
    ).toMatchObject({
      status: 400,
      body: { error: 'Bad Request' },
    });
  });

  it.each([
    [
      'params missing',
      { command: 'calling.user_event', id: CALL },
      'missing_required_parameter',
      'params',
    ],
    [
      'event missing',
      { command: 'calling.user_event', id: CALL, params: {} },
      'missing_required_parameter',
      'event',
    ],
    ['event as a string', userEvent('order.confirmed'), 'invalid_parameter_value', 'event'],
    ['event as a list', userEvent([1]), 'invalid_parameter_value', 'event'],
    ['id missing', { command: 'calling.end', params: {} }, 'missing_required_parameter', 'id'],
    [
      'end with an unknown reason',
      { command: 'calling.end', id: CALL, params: { reason: 'bored' } },
      'invalid_parameter_value',
      'reason',
    ],
    [
      'end without params',
      { command: 'calling.end', id: CALL },
      'missing_required_parameter',
      'params',
    ],
    [
      'transfer without dest',
      { command: 'calling.transfer', id: CALL, params: {} },
      'missing_required_parameter',
      'dest',
    ],
    [
      'ai_hold with a numeric timeout',
      { command: 'calling.ai_hold', id: CALL, params: { timeout: 30 } },
      'invalid_parameter_value',
      'timeout',
    ],
  ])('answers 422 with the errors array: %s', async (_name, body, code, attribute) => {
    const answer = await post(calls(), body, auth);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      errors: [
        expect.objectContaining({
          type: 'validation_error',
          code,
          attribute,
          message: expect.any(String) as string,
          url: expect.any(String) as string,
        }),
      ],
    });
    expect(sim.userEvents(CALL)).toEqual([]);
  });

  it('takes params {} for end and no id for dial', async () => {
    expect((await post(calls(), { command: 'dial', params: {} }, auth)).status).toBe(200);
    expect(
      (await post(calls(), { command: 'calling.end', id: CALL, params: {} }, auth)).status,
    ).toBe(200);
  });
});

describe('SignalWire demo server: calls', () => {
  it('delivers a user event and answers a Call Leg', async () => {
    const answer = await post(
      calls(),
      userEvent({ action: 'order.confirmed', order_id: 'ORD-12345' }),
      auth,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: CALL,
      status: 'answered',
      source: 'realtime_api',
      type: 'relay_pstn_call',
    });
    expect(sim.userEvents(CALL)).toEqual([{ action: 'order.confirmed', order_id: 'ORD-12345' }]);
    expect(sim.journal()[0]).toMatchObject({
      status: 200,
      authOk: true,
      applied: true,
      params: { event: { order_id: 'ORD-12345' } },
    });
  });

  it('answers 404 for an unknown call and for an ended one', async () => {
    expect(
      await post(calls(), userEvent({ a: 1 }, '11111111-2222-4333-8444-555555555555'), auth),
    ).toMatchObject({
      status: 404,
      body: { error: 'Not Found' },
    });
    expect(
      (
        await post(
          calls(),
          { command: 'calling.end', id: CALL, params: { reason: 'hangup' } },
          auth,
        )
      ).status,
    ).toBe(200);
    expect(sim.call(CALL)?.status).toBe('ended');
    expect((await post(calls(), userEvent({ a: 1 }), auth)).status).toBe(404);
    expect(
      (await post(calls(), { command: 'calling.end', id: CALL, params: {} }, auth)).status,
    ).toBe(404);
  });

  it('answers 409 to a command while the call is ending', async () => {
    const slow = await startSignalWireSim({ endingMs: 60_000 });
    try {
      slow.addCall(CALL);
      const url = `${slow.baseUrl}/api/calling/calls`;
      const slowAuth = basic(slow.projectId, slow.token);
      expect(
        await post(url, { command: 'calling.end', id: CALL, params: {} }, slowAuth),
      ).toMatchObject({
        status: 200,
        body: { status: 'ending' },
      });
      expect(
        await post(url, { command: 'calling.end', id: CALL, params: {} }, slowAuth),
      ).toMatchObject({
        status: 409,
        body: { error: 'Conflict' },
      });
      expect((await post(url, userEvent({ a: 1 }), slowAuth)).status).toBe(409);
    } finally {
      await slow.close();
    }
  });

  it('refuses to control a cXML call with invalid_call_id_passed', async () => {
    sim.addCall('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', { cxml: true });
    const answer = await post(
      calls(),
      userEvent({ a: 1 }, 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'),
      auth,
    );
    expect(answer).toMatchObject({
      status: 422,
      body: { errors: [{ code: 'invalid_call_id_passed' }] },
    });
  });

  it('a call hung up by the far side is gone', async () => {
    sim.hangUp(CALL);
    expect((await post(calls(), userEvent({ a: 1 }), auth)).status).toBe(404);
  });

  it('in demo mode takes any UUID as a live call, still 404 for non-UUIDs', async () => {
    const demo = await startSignalWireSim({ acceptUnknownCalls: true });
    try {
      const url = `${demo.baseUrl}/api/calling/calls`;
      const demoAuth = basic(demo.projectId, demo.token);
      expect(
        (await post(url, userEvent({ a: 1 }, '12345678-1234-4234-8234-123456789abc'), demoAuth))
          .status,
      ).toBe(200);
      expect((await post(url, userEvent({ a: 1 }, 'nope'), demoAuth)).status).toBe(404);
    } finally {
      await demo.close();
    }
  });
});

describe('SignalWire demo server: relay and faults', () => {
  it('relay takes the same body with the organisation bearer token and no SignalWire credentials', async () => {
    expect((await post(sim.relayUrl, userEvent({ a: 1 }), null)).status).toBe(401);
    expect((await post(sim.relayUrl, userEvent({ a: 1 }), auth)).status).toBe(401);
    const answer = await post(
      sim.relayUrl,
      userEvent({ via: 'relay' }),
      `Bearer ${sim.relayToken ?? ''}`,
    );
    expect(answer.status).toBe(200);
    expect(sim.userEvents(CALL)).toEqual([{ via: 'relay' }]);
    expect(sim.journal().map((entry) => [entry.via, entry.status])).toEqual([
      ['relay', 401],
      ['relay', 401],
      ['relay', 200],
    ]);
  });

  it('injects statuses with Retry-After and custom bodies, then goes back to normal', async () => {
    sim.failNext(1, 429, { retryAfter: 3 });
    sim.failNext(1, 503);
    sim.failNext(1, 200, { body: 'OK' });
    sim.failNext(1, 204);
    const rateLimited = await post(calls(), userEvent({ n: 1 }), auth);
    expect(rateLimited.status).toBe(429);
    expect(rateLimited.headers.get('retry-after')).toBe('3');
    expect((await post(calls(), userEvent({ n: 2 }), auth)).body).toEqual({
      error: 'Service Unavailable',
    });
    const text = await post(calls(), userEvent({ n: 3 }), auth);
    expect([text.status, text.text, text.headers.get('content-type')]).toEqual([
      200,
      'OK',
      'text/plain; charset=utf-8',
    ]);
    const empty = await post(calls(), userEvent({ n: 4 }), auth);
    expect([empty.status, empty.text]).toEqual([204, '']);
    expect((await post(calls(), userEvent({ n: 5 }), auth)).status).toBe(200);
    // Error faults did not deliver; 2xx faults did.
    expect(sim.userEvents(CALL)).toEqual([{ n: 3 }, { n: 4 }, { n: 5 }]);
    expect(sim.journal().map((entry) => entry.fault)).toEqual(['429', '503', '200', '204', null]);
  });

  it('unknown paths are 404 and other methods 405', async () => {
    expect((await post(`${sim.baseUrl}/api/other`, {}, auth)).status).toBe(404);
    expect((await fetch(calls())).status).toBe(405);
  });
});
