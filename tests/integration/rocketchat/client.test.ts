import { afterEach, describe, expect, it } from 'vitest';
import {
  startRocketChatSim,
  type RocketChatSim,
  type RocketChatSimOptions,
} from '../../../electron/sim/rocketchat';
import {
  RocketChatClient,
  type RocketChatSession,
} from '../../../electron/core/integrations/rocketchat/client';
import { RocketChatError } from '../../../electron/core/integrations/rocketchat/errors';
import { systemClock } from '../../../electron/core/ports';
import { silentLogger } from '../../../electron/core/logging';
import { waitFor } from '../../support/wait';
import { rejection } from './helpers';

const sims: RocketChatSim[] = [];

async function sim(options: RocketChatSimOptions = {}): Promise<RocketChatSim> {
  const started = await startRocketChatSim(options);
  sims.push(started);
  return started;
}

afterEach(async () => {
  for (const s of sims.splice(0)) await s.stop().catch(() => undefined);
});

function clientFor(
  s: RocketChatSim,
  extra: Partial<ConstructorParameters<typeof RocketChatClient>[0]> = {},
): RocketChatClient {
  return new RocketChatClient({
    serverUrl: s.url,
    clock: systemClock,
    logger: silentLogger,
    ...extra,
  });
}

async function agentClient(
  s: RocketChatSim,
  extra: Partial<ConstructorParameters<typeof RocketChatClient>[0]> = {},
): Promise<RocketChatClient> {
  const client = clientFor(s, extra);
  await client.login({ user: s.users.agent.username, password: s.users.agent.password });
  return client;
}

async function rcError(promise: Promise<unknown>): Promise<RocketChatError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(RocketChatError);
  return error as RocketChatError;
}

let phoneSeq = 0;
const nextPhone = (): string => `05012340${String((phoneSeq += 1)).padStart(2, '0')}`;

async function roomFor(s: RocketChatSim, client: RocketChatClient, agentId = s.users.agent.userId) {
  const token = `visitor-token-${Math.random().toString(36).slice(2)}`;
  await client.upsertVisitor({ token, name: 'Dana Caller', phone: nextPhone() });
  const { room } = await client.voipRoom({ token, agentId, direction: 'inbound' });
  return { token, rid: room._id };
}

describe('RocketChatClient against the Rocket.Chat simulator', () => {
  it('reads the version without signing in', async () => {
    const s = await sim({ version: '6.13.0' });
    expect(await clientFor(s).info()).toMatchObject({ version: '6.13.0' });
  });

  it('signs in with a password and knows the agent', async () => {
    const s = await sim();
    const client = clientFor(s);
    const { session, me } = await client.login({
      user: s.users.agent.username,
      password: s.users.agent.password,
    });
    expect(session).toMatchObject({ userId: s.users.agent.userId, kind: 'password' });
    expect(me.roles).toContain('livechat-agent');
    expect(client.session?.authToken).toBe(session.authToken);
  });

  it('says plainly when the username or password is wrong (6.x, late 7.x and 8.x bodies)', async () => {
    for (const version of ['6.13.0', '7.5.0', '8.0.0']) {
      const s = await sim({ version });
      const error = await rcError(
        clientFor(s).login({ user: s.users.agent.username, password: 'wrong' }),
      );
      expect(error.status).toBe(401);
      expect(error.message).toContain('did not accept that username and password');
    }
  });

  it('asks for the two-factor code, refuses a wrong one and accepts the current one', async () => {
    const s = await sim({ agentTotpSecret: 'JBSWY3DPEHPK3PXP' });
    const client = clientFor(s);
    const credentials = { user: s.users.agent.username, password: s.users.agent.password };
    const missing = await rcError(client.login(credentials));
    expect(missing.code).toBe('totp-required');
    expect(missing.message).toContain('two-factor code');
    const current = s.totpCode();
    const wrong = String((Number(current) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await rcError(client.login({ ...credentials, code: wrong }));
    expect(refused.code).toBe('totp-invalid');
    const { me } = await client.login({ ...credentials, code: s.totpCode() });
    expect(me.username).toBe(s.users.agent.username);
  });

  it('uses a personal access token like an authToken', async () => {
    const s = await sim();
    const token = s.createPersonalAccessToken(s.users.agent.username);
    const client = clientFor(s);
    const me = await client.useToken({
      userId: s.users.agent.userId,
      authToken: token,
      kind: 'pat',
    });
    expect(me.username).toBe(s.users.agent.username);
    const refused = await rcError(
      clientFor(s).useToken({
        userId: s.users.agent.userId,
        authToken: 'not-a-token',
        kind: 'pat',
      }),
    );
    expect(refused.status).toBe(401);
  });

  it('logs out: the token stops working', async () => {
    const s = await sim();
    const client = await agentClient(s);
    const session = client.session as RocketChatSession;
    await client.logout();
    expect(client.session).toBeNull();
    const stale = clientFor(s);
    stale.setSession(session);
    const error = await rcError(stale.findContactByPhone('0501234567'));
    expect(error.code).toBe('not-logged-in');
  });

  it('upserts visitors, finds them by phone, and refuses an empty token', async () => {
    const s = await sim();
    const client = await agentClient(s);
    const visitor = await client.upsertVisitor({
      token: 'tok-visitor-1',
      name: 'Noa Levi',
      phone: '0501111111',
    });
    expect(visitor).toMatchObject({ token: 'tok-visitor-1', name: 'Noa Levi' });
    expect((await client.findContactByPhone('0501111111'))?.token).toBe('tok-visitor-1');
    expect(await client.findContactByPhone('0509999999')).toBeNull();
    const empty = await rcError(client.upsertVisitor({ token: ' ', name: 'x', phone: '1' }));
    expect(empty.code).toBe('error-invalid-token');
    expect(empty.status).toBe(400);
  });

  it('creates a room, reuses the open one, and fetches it by id', async () => {
    const s = await sim();
    const client = await agentClient(s);
    await client.upsertVisitor({ token: 'tok-room', name: 'Avi', phone: '0502222222' });
    const query = {
      token: 'tok-room',
      agentId: s.users.agent.userId,
      direction: 'inbound' as const,
    };
    const first = await client.voipRoom(query);
    expect(first.newRoom).toBe(true);
    expect(first.room).toMatchObject({ t: 'v', open: true, fname: 'Avi' });
    expect(first.room.servedBy?.username).toBe(s.users.agent.username);
    const second = await client.voipRoom(query);
    expect(second).toMatchObject({ newRoom: false, room: { _id: first.room._id } });
    expect((await client.voipRoomById({ rid: first.room._id, token: 'tok-room' }))._id).toBe(
      first.room._id,
    );
    // `direction` always travels with agentId.
    const sent = s.requests().filter((r) => r.path === '/api/v1/voip/room');
    expect(sent).toHaveLength(3);
    const wrongRoom = await rcError(
      client.voipRoomById({ rid: 'NoSuchRoom1234567', token: 'tok-room' }),
    );
    expect(wrongRoom.code).toBe('invalid-room');
  });

  it('sends direction on 7.x so that agentId is honoured', async () => {
    const s = await sim({ version: '7.5.0' });
    const client = await agentClient(s);
    await client.upsertVisitor({ token: 'tok-7x', name: 'Rina', phone: '0503333333' });
    const { newRoom } = await client.voipRoom({
      token: 'tok-7x',
      agentId: s.users.agent.userId,
      direction: 'outbound',
    });
    expect(newRoom).toBe(true);
  });

  it('explains invalid-token and agent-not-found', async () => {
    const s = await sim();
    const client = await agentClient(s);
    const unknown = await rcError(
      client.voipRoom({ token: 'nobody', agentId: s.users.agent.userId, direction: 'inbound' }),
    );
    expect(unknown.code).toBe('invalid-token');
    expect(unknown.message).toContain('invalid-token');
    await client.upsertVisitor({ token: 'tok-admin', name: 'Gil', phone: '0504444444' });
    const notAgent = await rcError(
      client.voipRoom({ token: 'tok-admin', agentId: s.users.admin.userId, direction: 'inbound' }),
    );
    expect(notAgent.code).toBe('agent-not-found');
    expect(notAgent.message).toBe(
      'Your Rocket.Chat user is not an omnichannel agent. An administrator must add you under Omnichannel > Agents.',
    );
  });

  it('names the missing permission on a 403', async () => {
    const s = await sim();
    const client = await agentClient(s);
    const { rid } = await roomFor(s, client);
    s.setPermissionRoles('inbound-voip-calls', []);
    const room = await rcError(
      client.voipRoom({ token: 'whatever', agentId: s.users.agent.userId, direction: 'inbound' }),
    );
    expect(room.status).toBe(403);
    expect(room.code).toBe('error-unauthorized');
    expect(room.message).toContain('"inbound-voip-calls"');
    s.setPermissionRoles('view-l-room', []);
    const event = await rcError(client.voipEvent({ rid, event: 'voip-call-on-hold' }));
    expect(event.status).toBe(403);
    expect(event.message).toContain('"view-l-room"');
  });

  it('writes every event to the room, in order, with its comment', async () => {
    const s = await sim();
    const client = await agentClient(s);
    const { rid } = await roomFor(s, client);
    await client.voipEvent({ rid, event: 'voip-call-started' });
    await client.voipEvent({ rid, event: 'voip-call-on-hold' });
    await client.voipEvent({ rid, event: 'voip-call-unhold' });
    await client.voipEvent({ rid, event: 'voip-call-ended' });
    await client.voipEvent({ rid, event: 'voip-call-duration', comment: '42' });
    await client.voipEvent({ rid, event: 'voip-call-declined' });
    expect(s.messages(rid).map((m) => [m.t, m.msg])).toEqual([
      ['voip-call-started', ''],
      ['voip-call-on-hold', ''],
      ['voip-call-unhold', ''],
      ['voip-call-ended', ''],
      ['voip-call-duration', '42'],
      ['voip-call-declined', ''],
    ]);
    expect(s.messages(rid).every((m) => m.u.username === s.users.agent.username)).toBe(true);
  });

  it('reports an unknown room (404) and a room without access (403 or 401 `unauthorized`) without re-logging in', async () => {
    for (const status of [403, 401] as const) {
      const s = await sim({ eventsNoAccessStatus: status });
      const other = clientFor(s);
      await other.login({
        user: s.users.otherAgent.username,
        password: s.users.otherAgent.password,
      });
      const { rid } = await roomFor(s, other, s.users.otherAgent.userId);
      const client = await agentClient(s);
      const missing = await rcError(
        client.voipEvent({ rid: 'NoSuchRoom1234567', event: 'voip-call-on-hold' }),
      );
      expect(missing.status).toBe(404);
      expect(missing.message).toBe("Rocket.Chat cannot find this call's room.");
      const logins = s.requests().filter((r) => r.path === '/api/v1/login').length;
      const denied = await rcError(client.voipEvent({ rid, event: 'voip-call-on-hold' }));
      expect(denied.status).toBe(status);
      expect(denied.code).toBe('unauthorized');
      expect(denied.message).toBe('Your Rocket.Chat user has no access to this room.');
      expect(s.requests().filter((r) => r.path === '/api/v1/login')).toHaveLength(logins);
      expect(client.session).not.toBeNull();
    }
  });

  it('closes with comment and tags inside options, and knows a closed room', async () => {
    const s = await sim();
    const client = await agentClient(s);
    const { rid, token } = await roomFor(s, client);
    await client.closeRoom({
      rid,
      token,
      comment: 'Asked about billing',
      tags: ['billing', 'vip'],
    });
    const room = s.rooms().find((r) => r._id === rid);
    expect(room?.open).toBeUndefined();
    expect(room?.tags).toEqual(['billing', 'vip']);
    expect(s.messages(rid).at(-1)).toMatchObject({
      t: 'voip-call-wrapup',
      msg: 'Asked about billing',
    });
    const again = await rcError(client.closeRoom({ rid, token }));
    expect(again.code).toBe('room-closed');
    const wrongToken = await rcError(client.closeRoom({ rid, token: 'nobody' }));
    expect(wrongToken.code).toBe('invalid-token');
  });

  it('re-logs in once on a 401 and carries on with the new token', async () => {
    const s = await sim();
    const sessions: (RocketChatSession | null)[] = [];
    const client = await agentClient(s, { onSession: (session) => sessions.push(session) });
    const old = client.session as RocketChatSession;
    // Another device logs this token out.
    const elsewhere = clientFor(s);
    elsewhere.setSession(old);
    await elsewhere.logout();
    const { rid } = await roomFor(s, client);
    expect(rid).toHaveLength(17);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.authToken).not.toBe(old.authToken);
    // An injected 401 (a proxy, a glitch) is also survived.
    s.failNext(1, 401);
    expect(await client.findContactByPhone('0500000000')).toBeNull();
  });

  it('ends the session when re-login is impossible, without looping', async () => {
    const s = await sim();
    const first = await agentClient(s);
    const session = first.session as RocketChatSession;
    await first.logout();
    const ended: (RocketChatSession | null)[] = [];
    const client = clientFor(s, { onSession: (value) => ended.push(value) });
    client.setSession(session); // A token from the last run: no password in memory.
    const error = await rcError(client.findContactByPhone('0500000000'));
    expect(error.code).toBe('not-logged-in');
    expect(error.message).toBe('Your Rocket.Chat session has ended. Sign in to Rocket.Chat again.');
    expect(ended).toEqual([null]);
    expect(client.session).toBeNull();
    expect(s.requests().filter((r) => r.path === '/api/v1/login').length).toBeLessThanOrEqual(2);
  });

  it('waits for X-RateLimit-Reset after a 429 and does not spend requests meanwhile', async () => {
    const s = await sim({ rateLimits: { 'voip/room': { limit: 2, windowMs: 1_500 } } });
    const client = await agentClient(s);
    const tokens = ['rl-1', 'rl-2', 'rl-3', 'rl-4'];
    for (const [i, token] of tokens.entries())
      await client.upsertVisitor({ token, name: `C${i}`, phone: `050555000${i}` });
    const ask = (token: string) =>
      client.voipRoom({ token, agentId: s.users.agent.userId, direction: 'inbound' });
    await ask('rl-1');
    await ask('rl-2');
    // The second answer said "0 left": the third is not even sent.
    const before = s.requests().length;
    const limited = await rcError(ask('rl-3'));
    expect(limited.status).toBe(429);
    expect(limited.transient).toBe(true);
    expect(limited.message).toContain('slow down');
    expect(s.requests()).toHaveLength(before);
    const retryAt = limited.info.retryAt ?? 0;
    expect(retryAt).toBeGreaterThan(Date.now());
    await waitFor(() => Date.now() >= retryAt, 5_000, 'reset');
    expect((await ask('rl-3')).newRoom).toBe(true);
  });

  it('reads a 429 from the server itself (body and headers)', async () => {
    const s = await sim({ rateLimits: { default: { limit: 1, windowMs: 1_000 } } });
    const client = await agentClient(s); // login used the one request of its own route
    await client.findContactByPhone('0500000001');
    // A fresh client has no memory of the limit, so it asks and gets the 429.
    const fresh = clientFor(s);
    fresh.setSession(client.session);
    const limited = await rcError(fresh.findContactByPhone('0500000002'));
    expect(limited.status).toBe(429);
    expect(limited.code).toBe('error-too-many-requests');
    expect(limited.info.retryAt).not.toBeNull();
    expect(fresh.routeBlockedUntil('omnichannel/contact.search')).toBe(limited.info.retryAt);
  });

  it('on 8.x: the version says so and every VoIP route is gone', async () => {
    const s = await sim({ version: '8.0.0' });
    const client = clientFor(s);
    expect((await client.info()).version).toBe('8.0.0');
    await client.login({ user: s.users.agent.username, password: s.users.agent.password });
    const gone = await rcError(
      client.voipRoom({ token: 'x', agentId: s.users.agent.userId, direction: 'inbound' }),
    );
    expect(gone.status).toBe(404);
    expect(gone.message).toContain('VoIP rooms need Rocket.Chat 4.x to 7.x');
  });

  it('tells network failures, timeouts and 5xx apart, all worth retrying', async () => {
    const s = await sim();
    const client = await agentClient(s, { timeoutMs: 300 });
    s.failNext(1, 503);
    const unavailable = await rcError(client.findContactByPhone('0500000003'));
    expect(unavailable).toMatchObject({ status: 503, transient: true });
    expect(unavailable.message).toContain('HTTP 503');
    s.latency(1_000);
    const slow = await rcError(client.findContactByPhone('0500000004'));
    expect(slow.info.kind).toBe('timeout');
    expect(slow.transient).toBe(true);
    s.latency(0);
    await s.stop();
    const down = await rcError(client.findContactByPhone('0500000005'));
    expect(down.info.kind).toBe('network');
    expect(down.transient).toBe(true);
    expect(down.message).toContain('cannot reach Rocket.Chat');
  });
});
