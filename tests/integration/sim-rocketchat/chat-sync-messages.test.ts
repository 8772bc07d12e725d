import { describe, expect, it } from 'vitest';

import { get, login, openRoom, post, q, useSims, visitor } from './helpers';

// GET chat.syncMessages: what Ringside reads to learn whether a room event sent just before it
// stopped reached the room (ajv errors, Meteor errors, room access, newest first).

const startSim = useSims();

async function roomWithEvents() {
  const s = await startSim({
    rateLimits: { default: { limit: 1000 }, 'voip/room': { limit: 1000 } },
  });
  const auth = await login(s, s.users.agent);
  await visitor(s, 'tok', { name: 'Caller', phone: '+15550100' });
  const { room } = await openRoom(s, auth, 'tok', s.users.agent.userId);
  for (const event of ['voip-call-on-hold', 'voip-call-unhold'])
    await post(s, '/api/v1/voip/events', { rid: room._id, event }, auth);
  return { s, auth, rid: room._id };
}

describe('GET /api/v1/chat.syncMessages', () => {
  it('answers the messages changed since lastUpdate, newest first', async () => {
    const { s, auth, rid } = await roomWithEvents();
    const res = await get(
      s,
      `/api/v1/chat.syncMessages?${q({ roomId: rid, lastUpdate: new Date(0).toISOString() })}`,
      auth,
    );
    expect(res.status).toBe(200);
    const body = res.json as {
      result: { updated: { t: string; u: { _id: string } }[]; deleted: unknown[] };
      success: boolean;
    };
    expect(body.success).toBe(true);
    expect(body.result.updated.map((m) => m.t)).toEqual(['voip-call-unhold', 'voip-call-on-hold']);
    expect(body.result.updated[0]?.u._id).toBe(s.users.agent.userId);
    expect(body.result.deleted).toEqual([]);

    const later = await get(
      s,
      `/api/v1/chat.syncMessages?${q({ roomId: rid, lastUpdate: new Date(Date.now() + 60_000).toISOString() })}`,
      auth,
    );
    expect((later.json as { result: { updated: unknown[] } }).result.updated).toEqual([]);
  });

  it('refuses what the server refuses, in its words', async () => {
    const { s, auth, rid } = await roomWithEvents();
    const cases: [Record<string, string>, number, unknown][] = [
      [
        {},
        400,
        {
          success: false,
          error: "must have required property 'roomId' [invalid-params]",
          errorType: 'invalid-params',
        },
      ],
      [
        { roomId: rid },
        400,
        {
          success: false,
          error: 'The "type" or "lastUpdate" parameters must be provided [error-param-required]',
          errorType: 'error-param-required',
        },
      ],
      [
        { roomId: rid, lastUpdate: 'yesterday' },
        400,
        {
          success: false,
          error:
            'The "lastUpdate" query parameter must be a valid date [error-lastUpdate-param-invalid]',
          errorType: 'error-lastUpdate-param-invalid',
        },
      ],
      [
        { roomId: 'nope', lastUpdate: new Date(0).toISOString() },
        400,
        {
          success: false,
          error: 'Not allowed [error-not-allowed]',
          errorType: 'error-not-allowed',
          details: { method: 'messages/get' },
        },
      ],
    ];
    for (const [query, status, body] of cases) {
      const res = await get(s, `/api/v1/chat.syncMessages?${q(query)}`, auth);
      expect([res.status, res.json]).toEqual([status, body]);
    }
    const anonymous = await get(
      s,
      `/api/v1/chat.syncMessages?${q({ roomId: rid, lastUpdate: new Date(0).toISOString() })}`,
    );
    expect(anonymous.status).toBe(401);
  });

  it('lets only who may see the room read it', async () => {
    const { s, rid } = await roomWithEvents();
    const other = await login(s, s.users.otherAgent);
    const res = await get(
      s,
      `/api/v1/chat.syncMessages?${q({ roomId: rid, lastUpdate: new Date(0).toISOString() })}`,
      other,
    );
    expect(res.status).toBe(400);
    expect((res.json as { errorType: string }).errorType).toBe('error-not-allowed');
    const admin = await login(s, s.users.admin);
    const seen = await get(
      s,
      `/api/v1/chat.syncMessages?${q({ roomId: rid, lastUpdate: new Date(0).toISOString() })}`,
      admin,
    );
    expect((seen.json as { result: { updated: unknown[] } }).result.updated).toHaveLength(2);
  });
});
