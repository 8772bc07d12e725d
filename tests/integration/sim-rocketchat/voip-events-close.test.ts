import { describe, expect, it } from 'vitest';

import type { RocketChatSim, RocketChatSimOptions } from '../../../electron/sim/rocketchat/index';
import type { Auth } from './helpers';
import { login, openRoom, post, visitor, useSims } from './helpers';

// POST voip/events (Meteor check() errors, access, silently dropped events) and voip/room.close
// (ajv errors, handler errors, wrap-up message per edition, `open` removed).

const startSim = useSims();

interface Setup {
  s: RocketChatSim;
  auth: Auth;
  rid: string;
}

/** A sim with a generous limiter, the agent logged in and one linked open room for visitor `tok`. */
async function setup(
  options: RocketChatSimOptions = {},
  phone: string | null = '+15550100',
): Promise<Setup> {
  const sim = await startSim({
    rateLimits: { default: { limit: 1000 }, 'voip/room': { limit: 1000 } },
    ...options,
  });
  const auth = await login(sim, sim.users.agent);
  await visitor(sim, 'tok', phone ? { name: 'Caller', phone } : { name: 'Caller' });
  const { room } = await openRoom(sim, auth, 'tok', sim.users.agent.userId);
  return { s: sim, auth, rid: room._id };
}

const matchError = (error: string): string => JSON.stringify({ success: false, error });

describe('POST /api/v1/voip/events', () => {
  it.each([
    ['empty body', {}, "Match error: Missing key 'event'"],
    ['no rid', { event: 'voip-call-started' }, "Match error: Missing key 'rid'"],
    [
      'bad event',
      { rid: 'r', event: 'voip-call-exploded' },
      'Match error: Failed Match.Where validation in field event',
    ],
    [
      'unknown key',
      { rid: 'r', event: 'voip-call-started', agent: 'x' },
      'Match error: Unknown key in field agent',
    ],
    [
      'rid not a string',
      { rid: 5, event: 'voip-call-started' },
      'Match error: Expected string, got number in field rid',
    ],
    [
      'null comment',
      { rid: 'r', event: 'voip-call-started', comment: null },
      'Match error: Expected string, got null in field comment',
    ],
  ])('%s -> 400 without errorType', async (_name, body, error) => {
    const { s, auth } = await setup();
    const res = await post(s, '/api/v1/voip/events', body, auth);
    expect(res.status).toBe(400);
    expect(res.text).toBe(matchError(error));
  });

  it('unknown room: 404 Resource not found', async () => {
    const { s, auth } = await setup();
    const res = await post(
      s,
      '/api/v1/voip/events',
      { rid: 'nope', event: 'voip-call-started' },
      auth,
    );
    expect(res.status).toBe(404);
    expect(res.text).toBe('{"success":false,"error":"Resource not found"}');
  });

  it('a room served by another agent: 403 unauthorized (or 401 with the same body when configured)', async () => {
    for (const status of [403, 401] as const) {
      const { s, rid } = await setup({ eventsNoAccessStatus: status });
      const other = await login(s, s.users.otherAgent);
      const res = await post(s, '/api/v1/voip/events', { rid, event: 'voip-call-started' }, other);
      expect(res.status).toBe(status);
      expect(res.text).toBe('{"success":false,"error":"unauthorized"}');
      expect(s.messages(rid)).toEqual([]);
      await s.stop();
    }
  });

  it('writes one message per event on an open, linked room, in order', async () => {
    const { s, auth, rid } = await setup();
    for (const [event, comment] of [
      ['voip-call-started', undefined],
      ['voip-call-on-hold', undefined],
      ['voip-call-unhold', undefined],
      ['voip-call-ended', undefined],
      ['voip-call-duration', '42'],
    ] as const) {
      const res = await post(
        s,
        '/api/v1/voip/events',
        { rid, event, ...(comment ? { comment } : {}) },
        auth,
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe('{"success":true}');
    }
    const messages = s.messages(rid);
    expect(messages.map((m) => [m.t, m.msg])).toEqual([
      ['voip-call-started', ''],
      ['voip-call-on-hold', ''],
      ['voip-call-unhold', ''],
      ['voip-call-ended', ''],
      ['voip-call-duration', '42'],
    ]);
    const room = s.rooms().find((r) => r._id === rid);
    for (const m of messages) {
      expect(m).toMatchObject({
        rid,
        u: { _id: s.users.agent.userId, username: 'agent.demo' },
        voipData: { callDuration: 0 },
      });
      expect(m.voipData?.callStarted).toBe(room?.callStarted);
      expect(m._id).toHaveLength(17);
    }
    expect(room?.msgs).toBe(5);
  });

  it('an admin (view-livechat-rooms) may post to any room', async () => {
    const { s, rid } = await setup();
    const admin = await login(s, s.users.admin);
    expect(
      (await post(s, '/api/v1/voip/events', { rid, event: 'voip-call-on-hold' }, admin)).status,
    ).toBe(200);
    expect(s.messages(rid).map((m) => m.u.username)).toEqual(['admin.demo']);
  });

  it('drops events on an unlinked room but still answers 200 {success:true}', async () => {
    const { s, auth, rid } = await setup({}, null);
    const res = await post(s, '/api/v1/voip/events', { rid, event: 'voip-call-started' }, auth);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"success":true}');
    expect(s.messages(rid)).toEqual([]);
  });

  it('drops events on a closed room but still answers 200 {success:true}', async () => {
    const { s, auth, rid } = await setup();
    await post(s, '/api/v1/voip/room.close', { rid, token: 'tok' }, auth);
    const before = s.messages(rid).length;
    const res = await post(s, '/api/v1/voip/events', { rid, event: 'voip-call-ended' }, auth);
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"success":true}');
    expect(s.messages(rid)).toHaveLength(before);
  });
});

describe('POST /api/v1/voip/room.close', () => {
  const invalid = (error: string): string =>
    JSON.stringify({ success: false, error, errorType: 'invalid-params' });

  it.each([
    ['{}', {}, "must have required property 'rid' [invalid-params]"],
    ['{rid}', { rid: 'r' }, "must have required property 'token' [invalid-params]"],
    [
      'top-level comment',
      { rid: 'r', token: 't', comment: 'old shape' },
      'must NOT have additional properties [invalid-params]',
    ],
    ['options null', { rid: 'r', token: 't', options: null }, 'must be object [invalid-params]'],
    [
      'tags not an array',
      { rid: 'r', token: 't', options: { tags: 'x' } },
      'must be array [invalid-params]',
    ],
    ['rid an object', { rid: {}, token: 't' }, 'must be string [invalid-params]'],
  ])('%s -> %s', async (_name, body, error) => {
    const { s, auth } = await setup();
    const res = await post(s, '/api/v1/voip/room.close', body, auth);
    expect(res.status).toBe(400);
    expect(res.text).toBe(invalid(error));
  });

  it('unknown visitor: invalid-token; unknown or foreign room: invalid-room; closed twice: room-closed', async () => {
    const { s, auth, rid } = await setup();
    await visitor(s, 'tok-other', { phone: '+1999' });
    const cases: [Record<string, unknown>, string][] = [
      [{ rid, token: 'ghost' }, 'invalid-token'],
      [{ rid: 'nope', token: 'tok' }, 'invalid-room'],
      [{ rid, token: 'tok-other' }, 'invalid-room'],
    ];
    for (const [body, error] of cases) {
      const res = await post(s, '/api/v1/voip/room.close', body, auth);
      expect(res.status).toBe(400);
      expect(res.text).toBe(JSON.stringify({ success: false, error }));
    }
    const closed = await post(s, '/api/v1/voip/room.close', { rid, token: 'tok' }, auth);
    expect(closed.status).toBe(200);
    expect(closed.text).toBe(JSON.stringify({ rid, success: true }));
    const again = await post(s, '/api/v1/voip/room.close', { rid, token: 'tok' }, auth);
    expect(again.status).toBe(400);
    expect(again.text).toBe('{"success":false,"error":"room-closed"}');
  });

  it('Enterprise: comment becomes a voip-call-wrapup message, tags go on the room, open is removed', async () => {
    const { s, auth, rid } = await setup();
    const res = await post(
      s,
      '/api/v1/voip/room.close',
      { rid, token: 'tok', options: { comment: 'Refund promised', tags: ['billing', 'vip'] } },
      auth,
    );
    expect(res.status).toBe(200);
    const [wrapup] = s.messages(rid);
    expect(wrapup).toMatchObject({
      t: 'voip-call-wrapup',
      msg: 'Refund promised',
      u: { username: 'agent.demo' },
    });
    const room = s.rooms().find((r) => r._id === rid);
    expect(room).toBeDefined();
    expect(room && 'open' in room).toBe(false);
    expect(room?.tags).toEqual(['billing', 'vip']);
    expect(room?.v.status).toBe('offline');
    expect(room?.closedAt).toBeTypeOf('string');
    expect(room?.callDuration).toBeGreaterThanOrEqual(0);
  });

  it('Enterprise without a comment writes voip-call-ended', async () => {
    const { s, auth, rid } = await setup();
    await post(s, '/api/v1/voip/room.close', { rid, token: 'tok', options: { tags: [] } }, auth);
    expect(s.messages(rid).map((m) => [m.t, m.msg])).toEqual([['voip-call-ended', '']]);
  });

  it('Community ignores the comment and tags', async () => {
    const { s, auth, rid } = await setup({ edition: 'community' });
    await post(
      s,
      '/api/v1/voip/room.close',
      { rid, token: 'tok', options: { comment: 'ignored', tags: ['x'] } },
      auth,
    );
    expect(s.messages(rid).map((m) => [m.t, m.msg])).toEqual([['voip-call-wrapup', '']]);
    expect(s.rooms()[0]?.tags).toBeUndefined();
  });

  it('coerces scalar types like ajv coerceTypes (numeric comment becomes text)', async () => {
    const { s, auth, rid } = await setup();
    const res = await post(
      s,
      '/api/v1/voip/room.close',
      { rid, token: 'tok', options: { comment: 7, tags: [1] } },
      auth,
    );
    expect(res.status).toBe(200);
    expect(s.messages(rid)[0]?.msg).toBe('7');
    expect(s.rooms()[0]?.tags).toEqual(['1']);
  });
});
