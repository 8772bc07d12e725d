/**
 * Sign-in failures, token rejection, re-login and refresh before expiry, against the simulator.
 * Nothing may loop: bad credentials stop for good, and a server that keeps refusing fresh tokens
 * ends in a fatal state after a bounded number of tries.
 */
import io from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startVoicenterSim, type VoicenterSim } from '../../../electron/sim/voicenter';
import type { VoicenterSimOptions } from '../../../electron/sim/voicenter';
import {
  activeTimers,
  assertNoSecrets,
  credentialsFor,
  harness,
  openSockets,
  type Harness,
} from './helpers';

const settle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('VoicenterRealtimeClient sign-in and tokens', () => {
  let sim: VoicenterSim | null = null;
  let h: Harness | null = null;

  async function startSim(options: VoicenterSimOptions = {}): Promise<VoicenterSim> {
    sim = await startVoicenterSim({ servers: 2, ...options });
    return sim;
  }

  afterEach(async () => {
    h?.client.stop();
    h = null;
    await sim?.stop();
    sim = null;
  });

  const signInFailures = (x: Harness) => x.log.filter((l) => l.msg === 'sign-in failed').length;

  it.each([
    [401, 'user', /^Voicenter rejected the sign-in: check the email and password\.$/],
    [500, 'account', /^Voicenter rejected the sign-in: check the username and password\.$/],
    ['error-body', 'token', /^Voicenter rejected the sign-in: check the account token\.$/],
  ] as const)(
    'bad credentials answered with %s (%s login) go offline for good, once',
    async (mode, type, words) => {
      const s = await startSim({ badCredentials: mode });
      const wrong = 'Wrong-Secret-8812';
      h = harness(s, { credentials: { ...credentialsFor(s, type), secret: wrong } });
      h.client.start();
      const view = await h.untilState((v) => v.state.status === 'offline', 'offline');
      const { reason, ...rest } = view.state.status === 'offline' ? view.state : { reason: '' };
      expect(reason).toMatch(words);
      expect(rest).toEqual({
        status: 'offline',
        nextRetryAt: null,
        fatal: true,
      });
      // Several back-off periods later: still exactly one login attempt, no socket.
      await settle(400);
      expect(signInFailures(h)).toBe(1);
      expect(s.connections().every((c) => c.totalConnections === 0)).toBe(true);
      // Power resume does not hammer the login API with a known-bad password either.
      h.client.reconnectNow('resume');
      await settle(100);
      expect(signInFailures(h)).toBe(1);
      assertNoSecrets(h.log, [wrong]);
      expect(JSON.stringify(h.states)).not.toContain(wrong);
    },
  );

  it('retries a login API it cannot reach, with back-off, never fatal', async () => {
    const s = await startSim();
    const base = new URL(s.loginBaseUrl);
    base.port = '9'; // discard: nothing listens on 127.0.0.1:9
    h = harness(s, { credentials: { ...credentialsFor(s, 'account'), loginBaseUrl: base.href } });
    h.client.start();
    await h.until(() => signInFailures(h!) >= 3, 'three failed attempts');
    expect(h.retryDelays().slice(0, 3)).toEqual([50, 100, 200]);
    const offline = h.states.filter((v) => v.state.status === 'offline').map((v) => v.state);
    expect(
      offline.every((st) => st.status === 'offline' && !st.fatal && st.nextRetryAt !== null),
    ).toBe(true);
    expect(offline[0]?.status === 'offline' && offline[0].reason).toMatch(
      /Cannot reach the Voicenter login service/,
    );
  });

  it('a token rejected on reconnect is refreshed, then connected again', async () => {
    const s = await startSim();
    h = harness(s, { type: 'user' });
    h.client.start();
    await h.connectedTo(s.socketUrls[0] ?? '');
    const first = s.lastGrant();
    s.expireTokens();
    h.client.reconnectNow('test');
    await h.until(() => s.lastGrant()?.token !== first?.token, 'a new token');
    await h.connectedTo(s.socketUrls[0] ?? '');
    // Refreshed, not a new login: the sim keeps the refresh token on refresh.
    expect(s.lastGrant()?.refreshToken).toBe(first?.refreshToken);
    expect(s.connections()[0]?.sockets[0]?.token).toBe(s.lastGrant()?.token);
    expect(
      h.log.some((l) => l.msg === 'link failed' && l.fields?.['kind'] === 'unauthorized'),
    ).toBe(true);
    expect(h.client.getView().tokenExpiresAt).toBe(
      Math.floor((s.lastGrant()?.tokenExpiresMs ?? 0) / 1000) * 1000,
    );
    expect(openSockets(s)).toBe(1);
  });

  it('when the refresh token is refused too, signs in again from scratch', async () => {
    const s = await startSim();
    h = harness(s, { type: 'account' });
    h.client.start();
    await h.connectedTo(s.socketUrls[0] ?? '');
    const first = s.lastGrant();
    s.expireTokens({ refreshTokens: true });
    h.client.reconnectNow('test');
    await h.until(() => s.lastGrant()?.refreshToken !== first?.refreshToken, 'a fresh login');
    await h.connectedTo(s.socketUrls[0] ?? '');
    expect(s.connections()[0]?.sockets[0]?.token).toBe(s.lastGrant()?.token);
    expect(
      h.log.some((l) => l.msg === 'the refresh token was not accepted; signing in again'),
    ).toBe(true);
  });

  it('a token revoked while connected is caught by the keepalive and replaced', async () => {
    const s = await startSim();
    h = harness(s, {
      type: 'token',
      timings: { keepaliveIdleMs: 150, deadAfterKeepaliveMs: 5_000 },
    });
    h.client.start();
    await h.connectedTo(s.socketUrls[0] ?? '');
    const first = s.lastGrant();
    s.expireTokens();
    await h.until(() => s.lastGrant()?.token !== first?.token, 'a new token');
    await h.untilState((v) => v.state.status === 'connected', 'connected again');
    await h.until(() => openSockets(s) === 1, 'one socket');
    const sockets = s.connections().flatMap((c) => c.sockets);
    expect(sockets.map((x) => x.token)).toEqual([s.lastGrant()?.token]);
  });

  it.each(['israel', 'utc'] as const)(
    'refreshes the token shortly before it expires and reconnects with it (TokenExpiry in %s time)',
    async (expiryZone) => {
      const s = await startSim({ tokenTtlMs: 4_000, expiryZone });
      h = harness(s, { type: 'account', timings: { refreshBeforeExpiryMs: 2_500 } });
      h.client.start();
      await h.connectedTo(s.socketUrls[0] ?? '');
      const first = s.lastGrant();
      // Whichever zone the server wrote, the client goes by the real instant.
      expect(h.client.getView().tokenExpiresAt).toBe(
        Math.floor((first?.tokenExpiresMs ?? 0) / 1000) * 1000,
      );
      await h.until(() => s.lastGrant()?.token !== first?.token, 'a refreshed token');
      expect(s.lastGrant()?.refreshToken).toBe(first?.refreshToken);
      // Before the old token ran out.
      expect(Date.now()).toBeLessThan(first?.tokenExpiresMs ?? 0);
      await h.until(
        () => s.connections()[0]?.sockets[0]?.token === s.lastGrant()?.token,
        'socket on the new token',
      );
      await h.connectedTo(s.socketUrls[0] ?? '');
      expect(openSockets(s)).toBe(1);
      expect(h.log.some((l) => l.msg === 'renewing the socket token before it expires')).toBe(true);
      assertNoSecrets(h.log, [
        first?.token ?? '',
        first?.refreshToken ?? '',
        s.lastGrant()?.token ?? '',
      ]);
    },
  );

  it('a TokenExpiry that reads as past at issue (skewed server clock) schedules a later refresh, not none and not a loop', async () => {
    // The server's clock runs six hours behind: both readings of its expiry are in the past here.
    const s = await startSim({ now: () => Date.now() - 6 * 3_600_000, tokenTtlMs: 3_600_000 });
    h = harness(s, { type: 'account' });
    h.client.start();
    await h.connectedTo(s.socketUrls[0] ?? '');
    const first = s.lastGrant();
    const warning = h.log.find((l) => l.msg.startsWith('the token expiry reads as already due'));
    const refreshAt = Number(warning?.fields?.['refreshAt']);
    expect(refreshAt).toBeGreaterThan(Date.now() + 60_000);
    await settle(300);
    expect(s.lastGrant()?.token).toBe(first?.token);
    expect(openSockets(s)).toBe(1);
  });

  it('gives up (fatal) when the server keeps refusing fresh tokens, after a bounded number of tries', async () => {
    const s = await startSim();
    h = harness(s, {
      type: 'account',
      // A broken path between client and server mangles the token every time.
      io: (uri, opts) => io(uri, { ...opts, query: { token: 'mangled' } }),
    });
    h.client.start();
    const view = await h.untilState((v) => v.state.status === 'offline' && v.state.fatal, 'fatal');
    expect(view.state.status === 'offline' && view.state.reason).toMatch(/keeps refusing/);
    const rejected = () =>
      h!.log.filter((l) => l.msg === 'link failed' && l.fields?.['kind'] === 'unauthorized').length;
    expect(rejected()).toBe(4);
    await settle(400);
    expect(rejected()).toBe(4);
    expect(openSockets(s)).toBe(0);
  });

  it('stop() sends the socket away and leaves no timer behind', async () => {
    const s = await startSim({ tokenTtlMs: 3_600_000 });
    // The main server is down, so the client ends up on the backup with the return-to-main timer
    // armed. A killed server's HTTP interval goes away a moment later: count after that.
    await s.kill(0);
    await settle(100);
    const baseline = activeTimers();
    h = harness(s, {
      type: 'account',
      timings: { keepaliveIdleMs: 200, returnToMainAfterMs: 60_000 },
    });
    h.client.start();
    await h.connectedTo(s.socketUrls[1] ?? '');
    h.client.stop();
    expect(h.client.getView()).toMatchObject({ state: { status: 'idle' }, tokenExpiresAt: null });
    await h.until(() => openSockets(s) === 0, 'the sim saw the socket go');
    await settle(50);
    expect(activeTimers()).toBeLessThanOrEqual(baseline);
    const statesAfterStop = h.states.length;
    await settle(300);
    expect(h.states.length).toBe(statesAfterStop);
  });
});
