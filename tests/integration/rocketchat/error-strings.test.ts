import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRocketChatSim, type RocketChatSim } from '../../../electron/sim/rocketchat';
import {
  describeError,
  errorCodeOf,
  serverTextOf,
} from '../../../electron/core/integrations/rocketchat/errors';

/**
 * Every error string of the spec, produced by the simulator over real HTTP and read by the
 * client's parser: the code must come out right and the words must carry the server's reason.
 */
let sim: RocketChatSim;
let auth: Record<string, string>;

beforeAll(async () => {
  sim = await startRocketChatSim({ enforceRateLimits: false });
  const login = await fetch(`${sim.url}/api/v1/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: sim.users.agent.username, password: sim.users.agent.password }),
  });
  const { data } = (await login.json()) as { data: { userId: string; authToken: string } };
  auth = { 'X-User-Id': data.userId, 'X-Auth-Token': data.authToken };
});

afterAll(async () => {
  await sim.stop();
});

async function call(
  method: 'GET' | 'POST',
  route: string,
  input: Record<string, unknown> | null,
  withAuth = true,
) {
  const url = new URL(`${sim.url}/api/v1/${route}`);
  if (method === 'GET' && input)
    for (const [k, v] of Object.entries(input)) url.searchParams.set(k, String(v));
  const response = await fetch(url, {
    method,
    headers: {
      ...(withAuth ? auth : {}),
      ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
    },
    body: method === 'POST' ? JSON.stringify(input ?? {}) : undefined,
  });
  const body: unknown = await response.json();
  const code = errorCodeOf(response.status, body);
  const words = describeError(
    {
      kind: 'http',
      status: response.status,
      code,
      serverText: serverTextOf(body),
      route,
      retryAt: null,
    },
    sim.url,
    Date.now(),
  );
  return { status: response.status, text: serverTextOf(body), code, words };
}

describe('Rocket.Chat error strings, as the client reads them', () => {
  it.each([
    [
      'GET',
      'voip/room',
      {},
      "must have required property 'token'\n must have required property 'rid'\n must match exactly one schema in oneOf [invalid-params]",
    ],
    [
      'GET',
      'voip/room',
      { token: 't' },
      "must have required property 'agentId'\n must have required property 'rid'\n must match exactly one schema in oneOf [invalid-params]",
    ],
    [
      'GET',
      'voip/room',
      { token: 't', agentId: 'a', direction: 'sideways' },
      "must be equal to one of the allowed values\n must have required property 'rid'\n must match exactly one schema in oneOf [invalid-params]",
    ],
    [
      'GET',
      'voip/room',
      { token: 't', rid: 'r', agentId: 'a' },
      'must NOT have additional properties\n must NOT have additional properties\n must match exactly one schema in oneOf [invalid-params]',
    ],
    ['POST', 'voip/room.close', {}, "must have required property 'rid' [invalid-params]"],
    [
      'POST',
      'voip/room.close',
      { rid: 'r' },
      "must have required property 'token' [invalid-params]",
    ],
    [
      'POST',
      'voip/room.close',
      { rid: 'r', token: 't', comment: 'top level' },
      'must NOT have additional properties [invalid-params]',
    ],
    [
      'POST',
      'voip/room.close',
      { rid: 'r', token: 't', options: null },
      'must be object [invalid-params]',
    ],
  ] as const)('%s %s %j: invalid-params', async (method, route, input, expected) => {
    const result = await call(method, route, input);
    expect(result).toMatchObject({ status: 400, text: expected, code: 'invalid-params' });
    expect(result.words).toContain(expected);
  });

  it.each([
    [{ rid: 'r' }, "Match error: Missing key 'event'"],
    [{ event: 'voip-call-on-hold' }, "Match error: Missing key 'rid'"],
    [
      { rid: 'r', event: 'voip-call-exploded' },
      'Match error: Failed Match.Where validation in field event',
    ],
    [{ rid: 'r', event: 'voip-call-on-hold', extra: 1 }, 'Match error: Unknown key in field extra'],
  ])('POST voip/events %j: %s', async (input, expected) => {
    const result = await call('POST', 'voip/events', input);
    expect(result).toMatchObject({ status: 400, text: expected, code: 'match-error' });
  });

  it('visitor: missing key and empty token', async () => {
    expect(await call('POST', 'livechat/visitor', {}, false)).toMatchObject({
      status: 400,
      text: "Match error: Missing key 'visitor'",
      code: 'match-error',
    });
    expect(await call('POST', 'livechat/visitor', { visitor: { token: '' } }, false)).toMatchObject(
      {
        status: 400,
        text: 'Token cannot be empty [error-invalid-token]',
        code: 'error-invalid-token',
      },
    );
  });

  it('handler errors: invalid-token, invalid-room, room-closed, Resource not found', async () => {
    expect(
      await call('GET', 'voip/room', { token: 'nobody', agentId: 'x', direction: 'inbound' }),
    ).toMatchObject({ code: 'invalid-token' });
    expect(await call('POST', 'voip/room.close', { rid: 'r', token: 'nobody' })).toMatchObject({
      code: 'invalid-token',
    });
    await call(
      'POST',
      'livechat/visitor',
      { visitor: { token: 'tok-strings', phone: '0507777777' } },
      false,
    );
    expect(
      await call('GET', 'voip/room', { rid: 'NoSuchRoom', token: 'tok-strings' }),
    ).toMatchObject({ code: 'invalid-room' });
    const created = await fetch(
      `${sim.url}/api/v1/voip/room?token=tok-strings&agentId=${sim.users.agent.userId}&direction=inbound`,
      { headers: auth },
    );
    const { room } = (await created.json()) as { room: { _id: string } };
    expect(
      (await call('POST', 'voip/room.close', { rid: room._id, token: 'tok-strings' })).status,
    ).toBe(200);
    const closed = await call('POST', 'voip/room.close', { rid: room._id, token: 'tok-strings' });
    expect(closed).toMatchObject({
      status: 400,
      code: 'room-closed',
      words: 'The room is already closed.',
    });
    const missing = await call('POST', 'voip/events', {
      rid: 'NoSuchRoom',
      event: 'voip-call-on-hold',
    });
    expect(missing).toMatchObject({ status: 404, text: 'Resource not found', code: 'not-found' });
  });

  it('not logged in', async () => {
    const result = await call(
      'POST',
      'voip/events',
      { rid: 'r', event: 'voip-call-on-hold' },
      false,
    );
    expect(result).toMatchObject({
      status: 401,
      text: 'You must be logged in to do this.',
      code: 'not-logged-in',
    });
    expect(result.words).toContain('Sign in to Rocket.Chat again');
  });
});
