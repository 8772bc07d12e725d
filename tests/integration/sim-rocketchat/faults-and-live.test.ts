import { describe, expect, it } from 'vitest';

import { get, login, openRoom, post, visitor, useSims } from './helpers';

// Fault controls for the client's outbox tests (failNext, setDown, stop/restart on the same port,
// latency), the request journal, and the read-only /live/:rid page.

const startSim = useSims();

describe('fault injection', () => {
  it('failNext(n) answers n requests with 503 (proxy HTML) then recovers; 500 is Rocket.Chat JSON', async () => {
    const sim = await startSim();
    sim.failNext(2);
    const first = await get(sim, '/api/info');
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect((await get(sim, '/api/info')).status).toBe(503);
    expect((await get(sim, '/api/info')).status).toBe(200);
    sim.failNext(1, 500);
    const internal = await get(sim, '/api/info');
    expect(internal.status).toBe(500);
    expect(internal.text).toBe('{"success":false,"error":"Internal server error"}');
  });

  it('an injected failure does not reach the server: no state change, no rate-limit count', async () => {
    const sim = await startSim();
    sim.failNext(1, 502);
    expect((await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 'x' } })).status).toBe(
      502,
    );
    expect(sim.visitors()).toEqual([]);
    const ok = await post(sim, '/api/v1/livechat/visitor', { visitor: { token: 'x' } });
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('setDown(true) drops connections at the socket level; setDown(false) restores service', async () => {
    const sim = await startSim();
    sim.setDown(true);
    await expect(fetch(`${sim.url}/api/info`)).rejects.toThrow();
    sim.setDown(false);
    expect((await get(sim, '/api/info')).status).toBe(200);
  });

  it('stop() refuses connections; restart() serves again on the same port with data and tokens kept', async () => {
    const sim = await startSim();
    const url = sim.url;
    const auth = await login(sim, sim.users.agent);
    await visitor(sim, 'keep', { phone: '+1' });
    await sim.stop();
    await expect(fetch(`${url}/api/info`)).rejects.toThrow();
    await sim.restart();
    expect(sim.url).toBe(url);
    const res = await get(sim, '/api/v1/omnichannel/contact.search?phone=%2B1', auth);
    expect(res.status).toBe(200);
    expect((res.json as { contact: { token: string } }).contact.token).toBe('keep');
  });

  it('latency(ms) delays answers without changing them', async () => {
    const sim = await startSim();
    sim.latency(150);
    const started = Date.now();
    const res = await get(sim, '/api/info');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.latency(0);
  });

  it('answers an unparsable JSON body with 400 like express', async () => {
    const sim = await startSim();
    const res = await fetch(`${sim.url}/api/v1/livechat/visitor`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"visitor":',
    });
    expect(res.status).toBe(400);
  });
});

describe('journal', () => {
  it('records method, path (no query), status and time of every answer', async () => {
    const sim = await startSim();
    const before = Date.now();
    await get(sim, '/api/info');
    await get(sim, '/api/v1/voip/room?token=secret');
    await get(sim, '/api/v1/nope');
    const entries = sim.requests();
    expect(entries.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'GET', path: '/api/info', status: 200 },
      { method: 'GET', path: '/api/v1/voip/room', status: 401 },
      { method: 'GET', path: '/api/v1/nope', status: 404 },
    ]);
    expect(entries.every((e) => e.at >= before)).toBe(true);
  });
});

describe('GET /live/:rid', () => {
  it('shows the room and its messages, escaped, without auth', async () => {
    const sim = await startSim({ rateLimits: { 'voip/room': { limit: 100 } } });
    const auth = await login(sim, sim.users.agent);
    await visitor(sim, 'html', { name: '<script>alert(1)</script>', phone: '+1' });
    const { room } = await openRoom(sim, auth, 'html', sim.users.agent.userId);
    await post(
      sim,
      '/api/v1/voip/events',
      { rid: room._id, event: 'voip-call-duration', comment: '<b>"42"</b> & more' },
      auth,
    );
    const res = await fetch(`${sim.url}/live/${room._id}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;&quot;42&quot;&lt;/b&gt; &amp; more');
    expect(html).toContain('voip-call-duration');
    expect((await fetch(`${sim.url}/live/${encodeURIComponent('<x>')}`)).status).toBe(404);
  });
});
