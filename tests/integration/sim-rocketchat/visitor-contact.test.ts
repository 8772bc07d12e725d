import { describe, expect, it } from 'vitest';

import { get, login, post, useSims } from './helpers';

// POST /api/v1/livechat/visitor (no auth, upsert by token) and GET omnichannel/contact.search.

const startSim = useSims();

describe('POST /api/v1/livechat/visitor', () => {
  it('creates a visitor without auth, phone stored as [{phoneNumber}]', async () => {
    const sim = await startSim();
    const res = await post(sim, '/api/v1/livechat/visitor', {
      visitor: { token: 'abc', name: 'Mary', phone: '+15550001', email: 'Mary@Example.com' },
    });
    expect(res.status).toBe(200);
    const body = res.json as { visitor: Record<string, unknown>; success: boolean };
    expect(Object.keys(body)).toEqual(['visitor', 'success']);
    expect(body.success).toBe(true);
    expect(body.visitor).toMatchObject({
      username: 'guest-1',
      token: 'abc',
      name: 'Mary',
      phone: [{ phoneNumber: '+15550001' }],
      visitorEmails: [{ address: 'mary@example.com' }],
    });
    expect(body.visitor._id).toMatch(/^\w{17}$/);
  });

  it('upserts by token: same _id and username, updated fields; new tokens get the next guest number', async () => {
    const sim = await startSim();
    const first = (
      await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 't1', name: 'A' } })
    ).json as { visitor: Record<string, unknown> };
    const again = (
      await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 't1', phone: '+1' } })
    ).json as { visitor: Record<string, unknown> };
    expect(again.visitor._id).toBe(first.visitor._id);
    expect(again.visitor).toMatchObject({
      username: 'guest-1',
      name: 'A',
      phone: [{ phoneNumber: '+1' }],
    });
    const second = (await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 't2' } }))
      .json as { visitor: Record<string, unknown> };
    expect(second.visitor.username).toBe('guest-2');
    expect(second.visitor.name).toBeUndefined();
    expect(sim.visitors().map((v) => v.token)).toEqual(['t1', 't2']);
  });

  it.each([
    ['missing visitor', {}, '{"success":false,"error":"Match error: Missing key \'visitor\'"}'],
    [
      'missing token',
      { visitor: {} },
      '{"success":false,"error":"Match error: Missing key \'token\' in field visitor"}',
    ],
    [
      'numeric phone',
      { visitor: { token: 't', phone: 5 } },
      '{"success":false,"error":"Match error: Expected string, got number in field visitor.phone"}',
    ],
    [
      'unknown top-level key',
      { visitor: { token: 't' }, extra: 1 },
      '{"success":false,"error":"Match error: Unknown key in field extra"}',
    ],
    [
      'empty token',
      { visitor: { token: '  ' } },
      '{"success":false,"error":"Token cannot be empty [error-invalid-token]","errorType":"error-invalid-token","details":{"method":"livechat/visitor"}}',
    ],
  ])('%s -> 400', async (_name, body, text) => {
    const sim = await startSim();
    const res = await post(sim, '/api/v1/livechat/visitor', body);
    expect(res.status).toBe(400);
    expect(res.text).toBe(text);
  });

  it('accepts extra visitor keys (ObjectIncluding)', async () => {
    const sim = await startSim();
    expect(
      (await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 't', anything: true } }))
        .status,
    ).toBe(200);
  });
});

describe('GET /api/v1/omnichannel/contact.search', () => {
  it('finds a visitor by exact phone, else contact:null', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.agent);
    await post(sim, '/api/v1/livechat/visitor', {
      visitor: { token: 'p1', name: 'Phone Person', phone: '+15550002' },
    });
    const hit = await get(
      sim,
      `/api/v1/omnichannel/contact.search?phone=${encodeURIComponent('+15550002')}`,
      auth,
    );
    expect(hit.status).toBe(200);
    expect(hit.json).toMatchObject({
      contact: { token: 'p1', name: 'Phone Person', phone: [{ phoneNumber: '+15550002' }] },
      success: true,
    });
    const miss = await get(
      sim,
      `/api/v1/omnichannel/contact.search?phone=${encodeURIComponent('15550002')}`,
      auth,
    );
    expect(miss.text).toBe('{"contact":null,"success":true}');
  });

  it('finds seeded visitors; answers carry no-store caching headers', async () => {
    const sim = await startSim({
      visitors: [{ token: 'seed', name: 'Seeded', phone: '+972501234567' }],
    });
    const auth = await login(sim, sim.users.agent);
    const res = await get(
      sim,
      `/api/v1/omnichannel/contact.search?phone=${encodeURIComponent('+972501234567')}`,
      auth,
    );
    expect(res.json).toMatchObject({
      contact: { token: 'seed', name: 'Seeded', username: 'guest-1' },
      success: true,
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The next visitor continues the guest numbering.
    const next = await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 'new' } });
    expect((next.json as { visitor: { username: string } }).visitor.username).toBe('guest-2');
  });

  it('needs auth and view-l-room; reports missing criteria like the server', async () => {
    const sim = await startSim();
    expect((await get(sim, '/api/v1/omnichannel/contact.search?phone=1')).status).toBe(401);
    const plain = await login(sim, sim.users.user);
    expect((await get(sim, '/api/v1/omnichannel/contact.search?phone=1', plain)).status).toBe(403);
    const auth = await login(sim, sim.users.agent);
    const none = await get(sim, '/api/v1/omnichannel/contact.search', auth);
    expect(none.status).toBe(400);
    expect(none.text).toBe(
      '{"success":false,"error":"Cannot convert undefined or null to object"}',
    );
    // An empty email is no criterion either, and still trips over Object.keys(undefined)...
    expect((await get(sim, '/api/v1/omnichannel/contact.search?email=', auth)).text).toBe(
      none.text,
    );
    // ...while an empty custom object gets the proper error.
    const empty = await get(sim, '/api/v1/omnichannel/contact.search?custom=%7B%7D', auth);
    expect(empty.text).toBe(
      '{"success":false,"error":"[error-invalid-params]","errorType":"error-invalid-params"}',
    );
    const badCustom = await get(sim, '/api/v1/omnichannel/contact.search?custom=%7Ba', auth);
    expect(badCustom.text).toBe(
      '{"success":false,"error":"[error-invalid-params-custom]","errorType":"error-invalid-params-custom"}',
    );
    const unknown = await get(sim, '/api/v1/omnichannel/contact.search?number=1', auth);
    expect(unknown.text).toBe(
      '{"success":false,"error":"Match error: Unknown key in field number"}',
    );
  });
});
