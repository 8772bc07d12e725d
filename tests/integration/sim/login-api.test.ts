/** The simulator's HTTP login API against spec §1.1, with plain fetch. */
import { describe, expect, test } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../electron/sim/voicenter';
import type { LoginData } from './helpers';
import { loginAs, post, useSims } from './helpers';

const { start } = useSims();

describe('login', () => {
  test.each(['user', 'account', 'token'] as const)(
    '%s login answers the documented shape',
    async (type) => {
      const s = await start({ servers: 2 });
      const res =
        type === 'user'
          ? await post(`${s.loginBaseUrl}/User`, { email: 'agent@demo.ringside.app', pin: '1234' })
          : type === 'account'
            ? await post(`${s.loginBaseUrl}/Account`, { username: 'demo', password: 'demo' })
            : await post(`${s.loginBaseUrl}/Token`, { token: 'demo-account-token' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as {
        StatusCode: number;
        Status: string;
        Data: { Socket: LoginData };
      };
      expect(body.StatusCode).toBe(200);
      expect(body.Status).toBe('OK');
      const socket = body.Data.Socket;
      expect(Object.keys(socket).sort()).toEqual(
        [
          'Client',
          'PersonId',
          'RefreshToken',
          'RefreshTokenExpiry',
          'Token',
          'TokenExpiry',
          'URLList',
          'Url',
          'Version',
        ].sort(),
      );
      expect(socket.Url).toBe(s.socketUrls[0]);
      expect(socket.URLList).toEqual(s.socketUrls);
      expect(socket.TokenExpiry).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(socket.RefreshTokenExpiry).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(socket.Token).not.toBe(socket.RefreshToken);
      expect(socket.PersonId).toBe(type === 'user' ? 7654321 : 100200);
      expect(socket.Client).toContain('/monitorAPI/GetSocketClient?v=');
      expect(s.lastGrant()?.token).toBe(socket.Token);
      expect(s.lastGrant()?.identity.loginType).toBe(type);
    },
  );

  test('the demo credentials are exported and returned', async () => {
    const s = await start();
    expect(DEMO_CREDENTIALS).toEqual({
      user: { email: 'agent@demo.ringside.app', pin: '1234', extension: 1234567 },
      account: { username: 'demo', password: 'demo' },
      token: 'demo-account-token',
    });
    expect(s.credentials).toEqual(DEMO_CREDENTIALS);
  });

  test('credentials can be overridden', async () => {
    const s = await start({ credentials: { account: { password: 'other' }, token: 'tok-2' } });
    expect(
      (await post(`${s.loginBaseUrl}/Account`, { username: 'demo', password: 'demo' })).status,
    ).toBe(401);
    expect(
      (await post(`${s.loginBaseUrl}/Account`, { username: 'demo', password: 'other' })).status,
    ).toBe(200);
    expect((await post(`${s.loginBaseUrl}/Token`, { token: 'tok-2' })).status).toBe(200);
  });

  test('bad credentials answer 401 Unauthorized by default', async () => {
    const s = await start();
    for (const [path, body] of [
      ['User', { email: 'agent@demo.ringside.app', pin: '9999' }],
      ['User', { email: 'nobody@demo.ringside.app', pin: '1234' }],
      ['Account', { username: 'demo', password: 'nope' }],
      ['Token', { token: 'nope' }],
      ['Token', {}],
    ] as const) {
      const res = await post(`${s.loginBaseUrl}/${path}`, body);
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('Unauthorized');
    }
    expect(s.lastGrant()).toBeNull();
  });

  test('bad credentials can answer 500 "Unexpected token" or a 200 error body', async () => {
    const s = await start({ badCredentials: 500 });
    let res = await post(`${s.loginBaseUrl}/Token`, { token: 'nope' });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Unexpected token');
    s.configure({ badCredentials: 'error-body' });
    res = await post(`${s.loginBaseUrl}/Token`, { token: 'nope' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ error: 'Unauthorized' });
  });

  test('a body that is not JSON answers 500 "Unexpected token"', async () => {
    const s = await start();
    const res = await fetch(`${s.loginBaseUrl}/Account`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Unexpected token');
  });

  test('unknown paths and wrong methods are refused', async () => {
    const s = await start();
    expect((await post(`${s.loginBaseUrl}/Nope`, {})).status).toBe(404);
    expect((await fetch(`${s.loginBaseUrl}/User`)).status).toBe(405);
  });

  test('URL instead of Url, and MonitorList with priorities instead of URLList', async () => {
    const s = await start({ servers: 3, urlKey: 'URL', serverList: 'MonitorList' });
    const socket = await loginAs(s, 'account');
    expect(socket.Url).toBeUndefined();
    expect(socket.URLList).toBeUndefined();
    expect(socket.URL).toBe(s.socketUrls[0]);
    const list = socket.MonitorList ?? [];
    expect(list).toHaveLength(3);
    for (const m of list)
      expect(Object.keys(m).sort()).toEqual(['Domain', 'Priority', 'URLID', 'Version']);
    // Larger Priority is preferred: sorting by it gives main first, then the backups in order.
    const byPriority = [...list].sort((a, b) => b.Priority - a.Priority).map((m) => m.Domain);
    expect(byPriority).toEqual(s.socketUrls);
    // Not already sorted, so a client has to sort.
    expect(list.map((m) => m.Domain)).not.toEqual(s.socketUrls);
  });
});

describe('tokens', () => {
  test('TokenExpiry is Israel wall-clock time; the sim exposes the UTC ms', async () => {
    // 2021-08-22 09:00 UTC is 12:00 in Israel (summer, UTC+3).
    const now = Date.UTC(2021, 7, 22, 9, 0, 0);
    const s = await start({
      now: () => now,
      tokenTtlMs: 3 * 3_600_000,
      refreshTokenTtlMs: 86_400_000,
    });
    const socket = await loginAs(s, 'user');
    expect(socket.TokenExpiry).toBe('2021-08-22T15:00:00');
    expect(socket.RefreshTokenExpiry).toBe('2021-08-23T12:00:00');
    expect(s.lastGrant()?.tokenExpiresMs).toBe(now + 3 * 3_600_000);
    expect(s.lastGrant()?.refreshTokenExpiresMs).toBe(now + 86_400_000);
  });

  test('with expiryZone "utc" the same zone-less format holds UTC; configure() switches it', async () => {
    const now = Date.UTC(2021, 7, 22, 9, 0, 0);
    const s = await start({ now: () => now, tokenTtlMs: 3 * 3_600_000, expiryZone: 'utc' });
    const socket = await loginAs(s, 'user');
    expect(socket.TokenExpiry).toBe('2021-08-22T12:00:00');
    expect(socket.RefreshTokenExpiry).toBe('2021-09-21T09:00:00');
    s.configure({ expiryZone: 'israel' });
    expect((await loginAs(s, 'user')).TokenExpiry).toBe('2021-08-22T15:00:00');
  });

  test('winter expiry uses UTC+2', async () => {
    const now = Date.UTC(2020, 11, 2, 10, 0, 0);
    const s = await start({ now: () => now, tokenTtlMs: 60_000 });
    expect((await loginAs(s, 'account')).TokenExpiry).toBe('2020-12-02T12:01:00');
  });

  test('refresh answers the same shape with a new token; bad refresh tokens get 401', async () => {
    const s = await start({ servers: 2 });
    const first = await loginAs(s, 'account');
    const res = await fetch(s.refreshUrl, {
      headers: { Authorization: `Bearer ${first.RefreshToken}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { StatusCode: number; Data: { Socket: LoginData } };
    expect(body.StatusCode).toBe(200);
    const second = body.Data.Socket;
    expect(second.Token).not.toBe(first.Token);
    expect(second.RefreshToken).toBe(first.RefreshToken);
    expect(second.URLList).toEqual(s.socketUrls);
    expect(s.lastGrant()?.token).toBe(second.Token);

    const badHeaders: Record<string, string>[] = [
      { Authorization: 'Bearer wrong' },
      { Authorization: first.RefreshToken },
      {},
    ];
    for (const headers of badHeaders) {
      const bad = await fetch(s.refreshUrl, { headers });
      expect(bad.status).toBe(401);
    }
  });

  test('expireTokens({refreshTokens: true}) also refuses refreshes', async () => {
    const s = await start();
    const login = await loginAs(s, 'token');
    s.expireTokens({ refreshTokens: true });
    const res = await fetch(s.refreshUrl, {
      headers: { Authorization: `Bearer ${login.RefreshToken}` },
    });
    expect(res.status).toBe(401);
  });
});

test('the sim logs logins and sockets but never tokens or credentials', async () => {
  const lines: string[] = [];
  const logger = {
    debug: (msg: string, f?: Record<string, unknown>) => lines.push(JSON.stringify([msg, f])),
    info: (msg: string, f?: Record<string, unknown>) => lines.push(JSON.stringify([msg, f])),
    warn: (msg: string, f?: Record<string, unknown>) => lines.push(JSON.stringify([msg, f])),
    error: (msg: string, f?: Record<string, unknown>) => lines.push(JSON.stringify([msg, f])),
    child: () => logger,
  };
  const s = await start({ logger });
  const login = await loginAs(s, 'user');
  await post(`${s.loginBaseUrl}/Account`, { username: 'demo', password: 'wrong' });
  await fetch(s.refreshUrl, { headers: { Authorization: `Bearer ${login.RefreshToken}` } });
  await s.kill(0);
  await s.restart(0);
  expect(lines.some((l) => l.includes('login ok'))).toBe(true);
  expect(lines.some((l) => l.includes('login refused'))).toBe(true);
  expect(lines.some((l) => l.includes('server restarted'))).toBe(true);
  const all = lines.join('\n');
  for (const secret of [
    login.Token,
    login.RefreshToken,
    '1234',
    'wrong',
    'agent@demo.ringside.app',
  ]) {
    expect(all).not.toContain(secret);
  }
});
