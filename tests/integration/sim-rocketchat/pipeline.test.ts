import { describe, expect, it } from 'vitest';

import type { RocketChatSim } from '../../../electron/sim/rocketchat/index';
import type { Auth } from './helpers';
import { get, login, post, q, visitor, useSims } from './helpers';

// The order of the server's checks (auth -> rate limit -> validation -> permission -> handler) and
// the rate limiter: headers, 429 text, per-IP counting, admin bypass, reset, disabled limiter.

const FORBIDDEN =
  '{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}';
const startSim = useSims();

/** Exhaust voip/room's limit (5) for the default client IP with valid-but-unknown-token calls. */
async function burn(
  s: RocketChatSim,
  auth: Auth,
  headers: Record<string, string> = {},
): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    const res = await get(
      s,
      `/api/v1/voip/room?${q({ token: 'nope', agentId: 'x', direction: 'inbound' })}`,
      { ...auth, ...headers },
    );
    expect(res.status).toBe(400);
  }
}

describe('pipeline order', () => {
  it('an unauthenticated request over the limit gets 401, not 429', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.agent);
    await burn(sim, auth);
    const res = await get(
      sim,
      `/api/v1/voip/room?${q({ token: 'nope', agentId: 'x', direction: 'inbound' })}`,
    );
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('an invalid request over the limit gets 429, not 400', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.agent);
    await burn(sim, auth);
    const res = await get(sim, '/api/v1/voip/room', auth);
    expect(res.status).toBe(429);
  });

  it('validation (400) comes before permission (403); a valid request without permission gets 403', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.user);
    const invalid = await get(sim, '/api/v1/voip/room', auth);
    expect(invalid.status).toBe(400);
    expect((invalid.json as { errorType: string }).errorType).toBe('invalid-params');
    const valid = await get(
      sim,
      `/api/v1/voip/room?${q({ token: 'nope', agentId: 'x', direction: 'inbound' })}`,
      auth,
    );
    expect(valid.status).toBe(403);
    expect(valid.text).toBe(FORBIDDEN);
    // room.close likewise: ajv first, then the permission.
    expect((await post(sim, '/api/v1/voip/room.close', {}, auth)).status).toBe(400);
    expect((await post(sim, '/api/v1/voip/room.close', { rid: 'r', token: 't' }, auth)).text).toBe(
      FORBIDDEN,
    );
  });

  it('admins lack inbound-voip-calls: 403 on voip/room after validation', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.admin);
    const res = await get(
      sim,
      `/api/v1/voip/room?${q({ token: 't', agentId: 'a', direction: 'inbound' })}`,
      auth,
    );
    expect(res.status).toBe(403);
    expect(res.text).toBe(FORBIDDEN);
  });

  it('voip/events runs check() inside the handler, so an unpermitted bad body gets 403, not 400', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.user);
    const res = await post(sim, '/api/v1/voip/events', {}, auth);
    expect(res.status).toBe(403);
    expect(res.text).toBe(FORBIDDEN);
  });

  it('8.x names the forbidden error differently', async () => {
    const sim = await startSim({ version: '8.0.0' });
    const auth = await login(sim, sim.users.user);
    const res = await get(sim, '/api/v1/omnichannel/contact.search?phone=1', auth);
    expect(res.status).toBe(403);
    expect(res.text).toBe(
      '{"success":false,"error":"User does not have the permissions required for this action [error-forbidden]"}',
    );
  });
});

describe('rate limiter', () => {
  it('counts down X-RateLimit-Remaining, sets Limit and an epoch-ms Reset, then answers 429', async () => {
    const windowMs = 60_000;
    const sim = await startSim();
    const auth = await login(sim, sim.users.agent);
    const before = Date.now();
    const remaining: (string | null)[] = [];
    let last;
    for (let i = 0; i < 6; i += 1) {
      last = await get(
        sim,
        `/api/v1/voip/room?${q({ token: 'nope', agentId: 'x', direction: 'inbound' })}`,
        auth,
      );
      remaining.push(last.headers.get('x-ratelimit-remaining'));
      expect(last.headers.get('x-ratelimit-limit')).toBe('5');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0', '0']);
    expect(last?.status).toBe(429);
    const reset = Number(last?.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(before);
    expect(reset).toBeLessThanOrEqual(Date.now() + windowMs);
    const seconds = /wait (\d+) seconds/.exec((last?.json as { error: string }).error)?.[1];
    expect(last?.text).toBe(
      `{"success":false,"error":"Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]"}`,
    );
    expect(Number(seconds)).toBeGreaterThan(0);
    expect(Number(seconds)).toBeLessThanOrEqual(60);
  });

  it('computes N from the injected clock', async () => {
    let t = 1_000_000;
    const sim = await startSim({ now: () => t });
    const auth = await login(sim, sim.users.agent);
    t += 17_400; // 42.6 s of the 60 s window left
    await burn(sim, auth);
    const res = await get(sim, '/api/v1/voip/room', auth);
    expect((res.json as { error: string }).error).toContain('You must wait 43 seconds');
    expect(res.headers.get('x-ratelimit-reset')).toBe(String(1_000_000 + 60_000));
  });

  it('the window is per route: other routes keep their own budget (default 10)', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.agent);
    await burn(sim, auth);
    const other = await get(sim, '/api/v1/omnichannel/contact.search?phone=1', auth);
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-limit')).toBe('10');
    expect(other.headers.get('x-ratelimit-remaining')).toBe('9');
  });

  it('counts per client IP (X-Real-IP), not per user', async () => {
    const sim = await startSim();
    const agent = await login(sim, sim.users.agent);
    const other = await login(sim, sim.users.otherAgent);
    await burn(sim, agent, { 'X-Real-IP': '10.0.0.1' });
    // Another agent behind the same address is blocked too...
    expect(
      (await get(sim, '/api/v1/voip/room', { ...other, 'X-Real-IP': '10.0.0.1' })).status,
    ).toBe(429);
    // ...while the same agent from another address is not.
    expect(
      (await get(sim, '/api/v1/voip/room', { ...agent, 'X-Real-IP': '10.0.0.2' })).status,
    ).toBe(400);
  });

  it('the window reopens after it elapses, and resetRateLimits() clears it at once', async () => {
    let t = 5_000;
    const sim = await startSim({
      rateLimits: { 'voip/room': { limit: 2 } },
      rateLimitWindowMs: 300,
      now: () => t,
    });
    const auth = await login(sim, sim.users.agent);
    const call = async (): Promise<number> => (await get(sim, '/api/v1/voip/room', auth)).status;
    expect([await call(), await call(), await call()]).toEqual([400, 400, 429]);
    t += 299;
    expect(await call()).toBe(429);
    t += 2;
    expect(await call()).toBe(400);
    expect([await call(), await call()]).toEqual([400, 429]);
    sim.resetRateLimits();
    expect(await call()).toBe(400);
  });

  it('counts unauthenticated routes too: livechat/visitor 5/min, login 10/min', async () => {
    const sim = await startSim();
    for (let i = 0; i < 5; i += 1) await visitor(sim, `t${i}`);
    expect((await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 'x' } })).status).toBe(
      429,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await post(sim, '/api/v1/login', { user: 'x', password: 'y' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('admins bypass the limiter and get no headers', async () => {
    const sim = await startSim();
    const auth = await login(sim, sim.users.admin);
    for (let i = 0; i < 15; i += 1) {
      const res = await get(sim, '/api/v1/omnichannel/contact.search?phone=1', auth);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
      expect(res.headers.get('x-ratelimit-remaining')).toBeNull();
    }
  });

  it('can be switched off like some 7.x builds: no 429, no headers', async () => {
    const sim = await startSim({ version: '7.1.0', enforceRateLimits: false });
    const auth = await login(sim, sim.users.agent);
    for (let i = 0; i < 8; i += 1) {
      const res = await get(sim, '/api/v1/voip/room', auth);
      expect(res.status).toBe(400);
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });
});
