/** The HTTP login against the real simulator (and a few hand-made bad servers) over real HTTP. */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  loginVoicenter,
  refreshVoicenterToken,
  type LoginResult,
} from '../../../electron/core/voicenter/login-api';
import { startVoicenterSim, type VoicenterSim } from '../../../electron/sim/voicenter';
import { credentialsFor } from './helpers';

const SECRETS = {
  user: { pin: 'pin-Tz7#q1' },
  account: { password: 'pw-Lm4!x9' },
  token: 'acct-token-Qw8$z2',
};

function messageOf(result: LoginResult): string {
  return result.ok ? '' : result.message;
}

describe('loginVoicenter against the simulator', () => {
  let sim: VoicenterSim;

  beforeAll(async () => {
    sim = await startVoicenterSim({ servers: 3, credentials: SECRETS });
  });
  afterAll(async () => {
    await sim.stop();
  });
  afterEach(() => {
    sim.configure({ urlKey: 'Url', serverList: 'URLList', badCredentials: 401 });
  });

  it.each(['user', 'account', 'token'] as const)('signs in with a %s login', async (type) => {
    const before = Date.now();
    const result = await loginVoicenter(credentialsFor(sim, type));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const grant = sim.lastGrant();
    expect(result.session.token).toBe(grant?.token);
    expect(result.session.refreshToken).toBe(grant?.refreshToken);
    expect(result.session.servers).toEqual(sim.socketUrls);
    // TokenExpiry is Israel wall clock without a zone, to the second: its earlier reading is
    // the instant.
    const expiry = grant?.tokenExpiresMs ?? 0;
    expect(result.session.tokenExpiry?.earliest).toBe(Math.floor(expiry / 1000) * 1000);
    expect(result.session.tokenExpiry?.earliest).toBeGreaterThan(before);
    expect(result.session.personId).toBeTypeOf('number');
  });

  it('reads `URL` instead of `Url`, and MonitorList by priority', async () => {
    sim.configure({ urlKey: 'URL', serverList: 'MonitorList' });
    const result = await loginVoicenter(credentialsFor(sim, 'account'));
    expect(result.ok && result.session.servers).toEqual(sim.socketUrls);
  });

  it.each([401, 500, 'error-body'] as const)(
    'classifies wrong credentials answered with %s as bad-credentials, without the secret',
    async (mode) => {
      sim.configure({ badCredentials: mode });
      const wrong = 'wrong-Secret-5521';
      for (const type of ['user', 'account', 'token'] as const) {
        const result = await loginVoicenter({ ...credentialsFor(sim, type), secret: wrong });
        expect(result).toMatchObject({ ok: false, kind: 'bad-credentials', retryable: false });
        expect(messageOf(result)).toMatch(/^Voicenter rejected the sign-in: check the /);
        expect(JSON.stringify(result)).not.toContain(wrong);
      }
    },
  );

  it('names the right fields: the user password goes as `pin`', async () => {
    // Same secret, but the sim only accepts it under `pin`: a login that sent `password` fails.
    const result = await loginVoicenter(credentialsFor(sim, 'user'));
    expect(result.ok).toBe(true);
  });

  it('refreshes with the refresh token as a bearer token on the sibling URL', async () => {
    const login = await loginVoicenter(credentialsFor(sim, 'account'));
    if (!login.ok || login.session.refreshToken === null) throw new Error('login failed');
    const refreshed = await refreshVoicenterToken(sim.loginBaseUrl, login.session.refreshToken);
    expect(refreshed.ok).toBe(true);
    if (!refreshed.ok) return;
    expect(refreshed.session.token).not.toBe(login.session.token);
    expect(refreshed.session.token).toBe(sim.lastGrant()?.token);

    sim.expireTokens({ refreshTokens: true });
    const refused = await refreshVoicenterToken(sim.loginBaseUrl, login.session.refreshToken);
    expect(refused).toMatchObject({ ok: false, kind: 'bad-credentials', status: 401 });
    expect(JSON.stringify(refused)).not.toContain(login.session.refreshToken);
  });

  it('refuses a base URL that is not http(s) without sending anything', async () => {
    const result = await loginVoicenter({
      ...credentialsFor(sim, 'user'),
      loginBaseUrl: 'file:///etc',
    });
    expect(result).toMatchObject({ ok: false, kind: 'config', retryable: false });
  });

  it('calls a wrong path a configuration problem, not bad credentials', async () => {
    const base = sim.loginBaseUrl.replace('/monitorAPI/Login', '/nothing/here');
    const result = await loginVoicenter({ ...credentialsFor(sim, 'account'), loginBaseUrl: base });
    expect(result).toMatchObject({ ok: false, kind: 'config', status: 404 });
  });
});

describe('loginVoicenter against broken servers', () => {
  let server: Server;
  let base = '';
  let reply: (res: ServerResponse) => void = () => {};

  // A fresh server (and port) per test: fetch's connection pool never carries a socket over.
  beforeEach(async () => {
    server = createServer((_req, res) => reply(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/monitorAPI/Login`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const creds = () => ({
    loginType: 'account' as const,
    identity: 'demo',
    secret: 'pw-Xy12',
    loginBaseUrl: base,
  });

  it('a 503 is a retryable server problem', async () => {
    reply = (res) => res.writeHead(503).end('down');
    expect(await loginVoicenter(creds())).toMatchObject({
      ok: false,
      kind: 'server',
      retryable: true,
      status: 503,
    });
  });

  it('a 500 that is not "Unexpected token" is a server problem', async () => {
    reply = (res) => res.writeHead(500).end('Internal Server Error');
    expect(await loginVoicenter(creds())).toMatchObject({
      ok: false,
      kind: 'server',
      retryable: true,
    });
  });

  it('a 200 that is not JSON, or has no token, is a retryable server problem', async () => {
    reply = (res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>');
    expect(await loginVoicenter(creds())).toMatchObject({
      ok: false,
      kind: 'server',
      retryable: true,
    });
    reply = (res) => res.writeHead(200).end(JSON.stringify({ Data: { Socket: { Token: '' } } }));
    expect(await loginVoicenter(creds())).toMatchObject({
      ok: false,
      kind: 'server',
      retryable: true,
    });
  });

  it('a redirect is not followed (the secret would go elsewhere)', async () => {
    reply = (res) => res.writeHead(307, { Location: 'http://127.0.0.1:9/elsewhere' }).end();
    expect(await loginVoicenter(creds())).toMatchObject({
      ok: false,
      kind: 'config',
      retryable: false,
    });
  });

  it('a server that never answers is a timeout', async () => {
    reply = () => {};
    const result = await loginVoicenter(creds(), { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, kind: 'timeout', retryable: true });
  });

  it('an aborted request is reported as aborted, not as a failure to retry', async () => {
    reply = () => {};
    const controller = new AbortController();
    const pending = loginVoicenter(creds(), { timeoutMs: 5000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, kind: 'aborted', retryable: false });
  });

  it('a closed port is a retryable network problem', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await loginVoicenter({
      ...creds(),
      loginBaseUrl: `http://127.0.0.1:${port}/monitorAPI/Login`,
    });
    expect(result).toMatchObject({ ok: false, kind: 'network', retryable: true });
  });
});
