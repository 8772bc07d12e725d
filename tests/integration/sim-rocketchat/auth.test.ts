import { describe, expect, it } from 'vitest';

import { totpCode } from '../../../electron/sim/rocketchat/totp';
import { get, login, post, useSims } from './helpers';

// Sessions: /api/info, login (password, email, resume, TOTP), personal access tokens, logout and
// the "not logged in" bodies of each dialect.

const SECRET = 'JBSWY3DPEHPK3PXP';
const startSim = useSims();

describe('GET /api/info', () => {
  it.each(['6.13.0', '7.5.1', '8.0.0'])('reports %s without auth', async (version) => {
    const sim = await startSim({ version });
    const res = await get(sim, '/api/info');
    expect(res.status).toBe(200);
    expect(res.text).toBe(JSON.stringify({ version, success: true }));
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('answers an authenticated admin with the info object', async () => {
    const sim = await startSim({ version: '6.13.0' });
    const auth = await login(sim, sim.users.admin);
    expect((await get(sim, '/api/info', auth)).json).toEqual({
      info: { version: '6.13.0' },
      success: true,
    });
  });
});

describe('POST /api/v1/login', () => {
  it('logs in by username with the classic 6.x body (no success flag)', async () => {
    const sim = await startSim({ version: '6.13.0' });
    const { agent } = sim.users;
    const res = await post(sim, '/api/v1/login', {
      user: agent.username,
      password: agent.password,
    });
    expect(res.status).toBe(200);
    const body = res.json as {
      status: string;
      data: { userId: string; authToken: string; me: Record<string, unknown> };
    };
    expect(Object.keys(body)).toEqual(['status', 'data']);
    expect(body.status).toBe('success');
    expect(body.data.userId).toBe(agent.userId);
    expect(body.data.authToken).toMatch(/^[\w-]{43}$/);
    expect(body.data.me).toMatchObject({
      _id: agent.userId,
      username: 'agent.demo',
      name: 'Demo Agent',
    });
    expect(body.data.me.roles).toContain('livechat-agent');
  });

  it('logs in by email; late 7.x adds success:true; successFlag overrides', async () => {
    let sim = await startSim({ version: '7.5.1' });
    const res = await post(sim, '/api/v1/login', {
      user: sim.users.agent.email,
      password: sim.users.agent.password,
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json as object)).toEqual(['status', 'data', 'success']);
    await sim.stop();
    sim = await startSim({ version: '6.13.0', successFlag: true });
    const flagged = await post(sim, '/api/v1/login', {
      user: sim.users.agent.username,
      password: sim.users.agent.password,
    });
    expect((flagged.json as { success?: boolean }).success).toBe(true);
  });

  it('masks every credential failure as Unauthorized, per dialect', async () => {
    let sim = await startSim({ version: '6.13.0' });
    const classic = '{"status":"error","error":"Unauthorized","message":"Unauthorized"}';
    for (const body of [
      { user: 'agent.demo', password: 'wrong' },
      { user: 'nobody', password: 'x' },
      { user: 'agent.demo', password: 'agent-demo-pass', extra: 1 },
      { resume: 'not-a-token' },
      {},
    ]) {
      const res = await post(sim, '/api/v1/login', body);
      expect(res.status).toBe(401);
      expect(res.text).toBe(classic);
    }
    await sim.stop();
    sim = await startSim({ version: '7.5.1' });
    const late = await post(sim, '/api/v1/login', { user: 'agent.demo', password: 'wrong' });
    expect(late.text).toBe(
      '{"success":false,"error":"Unauthorized","status":"error","message":"Unauthorized"}',
    );
  });

  it('resumes a session with the same token', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.agent);
    const res = await post(sim, '/api/v1/login', { resume: auth['X-Auth-Token'] });
    expect(res.status).toBe(200);
    expect((res.json as { data: { authToken: string } }).data.authToken).toBe(auth['X-Auth-Token']);
  });

  it('asks for a TOTP code, rejects a wrong one, accepts body code and X-2fa-Code header', async () => {
    // A frozen clock makes the set of acceptable codes (this step and its neighbours) known.
    const at = Date.UTC(2025, 0, 1, 12, 0, 10);
    const sim = await startSim({ version: '6.13.0', agentTotpSecret: SECRET, now: () => at });
    const { agent } = sim.users;
    const accepted = new Set([
      totpCode(SECRET, at - 30_000),
      totpCode(SECRET, at),
      totpCode(SECRET, at + 30_000),
    ]);
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !accepted.has(c)) ?? '';
    const creds = { user: agent.username, password: agent.password };

    const required = await post(sim, '/api/v1/login', creds);
    expect(required.status).toBe(401);
    expect(required.text).toBe(
      '{"status":"error","error":"totp-required","details":{"method":"totp","availableMethods":["totp"]},"message":"TOTP Required"}',
    );

    const invalid = await post(sim, '/api/v1/login', { ...creds, code: wrong });
    expect(invalid.status).toBe(401);
    expect(invalid.text).toBe(
      '{"status":"error","error":"totp-invalid","details":{"method":"totp","availableMethods":["totp"]},"message":"TOTP Invalid"}',
    );

    // The password is checked before the code: a wrong password with a good code is still Unauthorized.
    const wrongPassword = await post(sim, '/api/v1/login', {
      user: agent.username,
      password: 'nope',
      code: sim.totpCode(),
    });
    expect((wrongPassword.json as { error: string }).error).toBe('Unauthorized');

    expect((await post(sim, '/api/v1/login', { ...creds, code: sim.totpCode() })).status).toBe(200);
    expect((await post(sim, '/api/v1/login', creds, { 'X-2fa-Code': sim.totpCode() })).status).toBe(
      200,
    );
  });

  it('reports TOTP errors with success:false first in late 7.x', async () => {
    const sim = await startSim({ version: '7.5.1', agentTotpSecret: SECRET });
    const res = await post(sim, '/api/v1/login', {
      user: 'agent.demo',
      password: sim.users.agent.password,
    });
    expect(res.text).toBe(
      '{"success":false,"error":"totp-required","status":"error","details":{"method":"totp","availableMethods":["totp"]},"message":"TOTP Required"}',
    );
  });
});

describe('tokens and logout', () => {
  const CLASSIC_401 = '{"status":"error","message":"You must be logged in to do this."}';

  it('uses a personal access token exactly like an authToken', async () => {
    const sim = await startSim();
    const pat = sim.createPersonalAccessToken('agent.demo');
    const auth = { 'X-User-Id': sim.users.agent.userId, 'X-Auth-Token': pat };
    const res = await get(sim, '/api/v1/omnichannel/contact.search?phone=%2B1', auth);
    expect(res.status).toBe(200);
    // A PAT only works with its own user id.
    const wrongUser = await get(sim, '/api/v1/omnichannel/contact.search?phone=%2B1', {
      ...auth,
      'X-User-Id': sim.users.admin.userId,
    });
    expect(wrongUser.text).toBe(CLASSIC_401);
  });

  it('logout invalidates the token', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.agent);
    const out = await post(sim, '/api/v1/logout', {}, auth);
    expect(out.status).toBe(200);
    expect(out.text).toBe(`{"status":"success","data":{"message":"You've been logged out!"}}`);
    const after = await get(sim, '/api/v1/omnichannel/contact.search?phone=1', auth);
    expect(after.status).toBe(401);
    expect(after.text).toBe(CLASSIC_401);
    expect((await post(sim, '/api/v1/login', { resume: auth['X-Auth-Token'] })).status).toBe(401);
  });

  it.each([
    ['6.13.0', CLASSIC_401],
    ['7.2.0', CLASSIC_401],
    [
      '7.5.1',
      '{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}',
    ],
    ['8.0.0', '{"success":false,"error":"You must be logged in to do this."}'],
  ])('%s answers an unauthenticated call with its dialect', async (version, body) => {
    const sim = await startSim({ version });
    const res = await get(sim, '/api/v1/omnichannel/contact.search?phone=1', {
      'X-User-Id': 'x',
      'X-Auth-Token': 'y',
    });
    expect(res.status).toBe(401);
    expect(res.text).toBe(body);
  });
});
