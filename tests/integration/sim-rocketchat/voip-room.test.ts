import { describe, expect, it } from 'vitest';

import type { RocketChatSim } from '../../../electron/sim/rocketchat/index';
import type { Auth } from './helpers';
import { get, login, openRoom, post, q, visitor, useSims } from './helpers';

// GET /api/v1/voip/room: ajv errors byte for byte, create/fetch rules, open-room-wins, the 7.x
// direction quirk, and 8.x where the route is gone.

const startSim = useSims();

async function setup(version = '6.13.0'): Promise<{ s: RocketChatSim; auth: Auth }> {
  const sim = await startSim({ version, rateLimits: { 'voip/room': { limit: 1000 } } });
  return { s: sim, auth: await login(sim, sim.users.agent) };
}

const invalid = (error: string): string =>
  JSON.stringify({ success: false, error, errorType: 'invalid-params' });

describe('validation', () => {
  it.each([
    [
      'none',
      {},
      "must have required property 'token'\n must have required property 'rid'\n must match exactly one schema in oneOf [invalid-params]",
    ],
    [
      'only token',
      { token: 't' },
      "must have required property 'agentId'\n must have required property 'rid'\n must match exactly one schema in oneOf [invalid-params]",
    ],
    [
      'bad direction',
      { token: 't', agentId: 'a', direction: 'sideways' },
      "must be equal to one of the allowed values\n must have required property 'rid'\n must match exactly one schema in oneOf [invalid-params]",
    ],
    [
      'token+rid+agentId',
      { token: 't', rid: 'r', agentId: 'a' },
      'must NOT have additional properties\n must NOT have additional properties\n must match exactly one schema in oneOf [invalid-params]',
    ],
    [
      'unknown key',
      { token: 't', agentId: 'a', foo: 'x' },
      "must NOT have additional properties\n must have required property 'rid'\n must match exactly one schema in oneOf [invalid-params]",
    ],
    [
      'repeated token',
      { token: ['a', 'b'], rid: 'r' } as unknown as Record<string, string>,
      "must have required property 'agentId'\n must be string\n must match exactly one schema in oneOf [invalid-params]",
    ],
  ])('%s', async (_name, params, error) => {
    const { s, auth } = await setup();
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params))
      for (const item of Array.isArray(v) ? v : [v]) search.append(k, String(item));
    const res = await get(s, `/api/v1/voip/room?${search.toString()}`, auth);
    expect(res.status).toBe(400);
    expect(res.text).toBe(invalid(error));
  });
});

describe('handler', () => {
  it('unknown visitor token: invalid-token', async () => {
    const { s, auth } = await setup();
    const res = await get(
      s,
      `/api/v1/voip/room?${q({ token: 'ghost', agentId: s.users.agent.userId, direction: 'inbound' })}`,
      auth,
    );
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"success":false,"error":"invalid-token"}');
  });

  it('creates a linked room with the documented shape', async () => {
    const { s, auth } = await setup();
    const guest = await visitor(s, 'tok-mary', { name: 'Mary', phone: '+15550001' });
    const { room, newRoom } = await openRoom(s, auth, 'tok-mary', s.users.agent.userId, 'inbound');
    expect(newRoom).toBe(true);
    expect(room._id).toMatch(/^[23456789A-HJ-NP-Za-km-z]{17}$/);
    expect(room).toMatchObject({
      t: 'v',
      fname: 'Mary',
      open: true,
      queue: 'default',
      direction: 'inbound',
      msgs: 0,
      usersCount: 1,
      v: { _id: guest._id, token: 'tok-mary', status: 'online', phone: '+15550001' },
      servedBy: { _id: s.users.agent.userId, username: 'agent.demo' },
    });
    expect(typeof room.callUniqueId).toBe('string');
    expect(room.name).toBe(`Mary-${String(room.callUniqueId)}`);
    expect(Date.parse(String(room.ts))).not.toBeNaN();
    expect(room.callStarted).toBe(room.ts);
    expect(s.rooms().map((r) => r._id)).toEqual([room._id]);
  });

  it('a visitor without phone gets an unlinked room (no callUniqueId); fname falls back to guest-N', async () => {
    const { s, auth } = await setup();
    await visitor(s, 'tok-anon');
    const { room } = await openRoom(s, auth, 'tok-anon', s.users.agent.userId);
    expect(room.callUniqueId).toBeUndefined();
    expect(room.fname).toMatch(/^guest-\d+$/);
    expect(room.name).toBe(room.fname);
  });

  it('an open room for the visitor always wins, whatever agent (even a non-agent id)', async () => {
    const { s, auth } = await setup();
    await visitor(s, 'tok-1', { phone: '+1' });
    const first = await openRoom(s, auth, 'tok-1', s.users.agent.userId);
    for (const agentId of [s.users.otherAgent.userId, s.users.admin.userId, 'nobody']) {
      const again = await openRoom(s, auth, 'tok-1', agentId, 'outbound');
      expect(again.newRoom).toBe(false);
      expect(again.room._id).toBe(first.room._id);
      expect(again.room.direction).toBe('inbound');
    }
  });

  it('agentId must be a livechat-agent: admin, plain user and unknown ids are agent-not-found', async () => {
    const { s, auth } = await setup();
    await visitor(s, 'tok-2', { phone: '+2' });
    for (const agentId of [s.users.admin.userId, s.users.user.userId, 'nobody']) {
      const res = await get(
        s,
        `/api/v1/voip/room?${q({ token: 'tok-2', agentId, direction: 'inbound' })}`,
        auth,
      );
      expect(res.status).toBe(400);
      expect(res.text).toBe('{"success":false,"error":"agent-not-found"}');
    }
    // Another agent is fine: the room is served by them.
    const { room } = await openRoom(s, auth, 'tok-2', s.users.otherAgent.userId);
    expect(room.servedBy).toMatchObject({ _id: s.users.otherAgent.userId });
  });

  it('after closing, a new room is created for the same visitor', async () => {
    const { s, auth } = await setup();
    await visitor(s, 'tok-3', { phone: '+3' });
    const first = await openRoom(s, auth, 'tok-3', s.users.agent.userId);
    expect(
      (await post(s, '/api/v1/voip/room.close', { rid: first.room._id, token: 'tok-3' }, auth))
        .status,
    ).toBe(200);
    const second = await openRoom(s, auth, 'tok-3', s.users.agent.userId);
    expect(second.newRoom).toBe(true);
    expect(second.room._id).not.toBe(first.room._id);
  });

  it('with rid: returns that room for that visitor, open or closed; otherwise invalid-room', async () => {
    const { s, auth } = await setup();
    await visitor(s, 'tok-4', { phone: '+4' });
    await visitor(s, 'tok-5', { phone: '+5' });
    const { room } = await openRoom(s, auth, 'tok-4', s.users.agent.userId);
    const fetched = await get(s, `/api/v1/voip/room?${q({ rid: room._id, token: 'tok-4' })}`, auth);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toMatchObject({
      room: { _id: room._id, open: true },
      newRoom: false,
      success: true,
    });

    await post(s, '/api/v1/voip/room.close', { rid: room._id, token: 'tok-4' }, auth);
    const closed = await get(s, `/api/v1/voip/room?${q({ rid: room._id, token: 'tok-4' })}`, auth);
    expect(closed.status).toBe(200);
    expect((closed.json as { room: Record<string, unknown> }).room.open).toBeUndefined();

    for (const params of [
      { rid: room._id, token: 'tok-5' },
      { rid: 'nope', token: 'tok-4' },
    ]) {
      const res = await get(s, `/api/v1/voip/room?${q(params)}`, auth);
      expect(res.status).toBe(400);
      expect(res.text).toBe('{"success":false,"error":"invalid-room"}');
    }
  });
});

describe('versions', () => {
  it('7.x ignores agentId without direction (agent-not-found); with direction it works', async () => {
    const { s, auth } = await setup('7.5.1');
    await visitor(s, 'tok-7', { phone: '+7' });
    const res = await get(
      s,
      `/api/v1/voip/room?${q({ token: 'tok-7', agentId: s.users.agent.userId })}`,
      auth,
    );
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"success":false,"error":"agent-not-found"}');
    const ok = await openRoom(s, auth, 'tok-7', s.users.agent.userId, 'outbound');
    expect(ok.newRoom).toBe(true);
    // ...but an open room still wins without direction.
    const reuse = await get(
      s,
      `/api/v1/voip/room?${q({ token: 'tok-7', agentId: s.users.agent.userId })}`,
      auth,
    );
    expect((reuse.json as { newRoom: boolean }).newRoom).toBe(false);
  });

  it('6.x accepts agentId without direction', async () => {
    const { s, auth } = await setup('6.13.0');
    await visitor(s, 'tok-6', { phone: '+6' });
    const res = await get(
      s,
      `/api/v1/voip/room?${q({ token: 'tok-6', agentId: s.users.agent.userId })}`,
      auth,
    );
    expect(res.status).toBe(200);
    expect((res.json as { room: Record<string, unknown> }).room.direction).toBeUndefined();
  });

  it('8.x: every voip route is 404 Resource not found, authenticated or not; the rest still works', async () => {
    const { s, auth } = await setup('8.0.0');
    const notFound = '{"success":false,"error":"Resource not found"}';
    for (const res of [
      await get(
        s,
        `/api/v1/voip/room?${q({ token: 't', agentId: 'a', direction: 'inbound' })}`,
        auth,
      ),
      await get(s, '/api/v1/voip/room'),
      await post(s, '/api/v1/voip/events', { rid: 'r', event: 'voip-call-started' }, auth),
      await post(s, '/api/v1/voip/room.close', { rid: 'r', token: 't' }, auth),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).toBe(notFound);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    }
    expect((await get(s, '/api/info')).json).toEqual({ version: '8.0.0', success: true });
    expect((await post(s, '/api/v1/livechat/visitor', { visitor: { token: 'v8' } })).status).toBe(
      200,
    );
  });
});
