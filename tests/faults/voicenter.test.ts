/**
 * Voicenter faults through the whole app: the headless host signed in (account login) to the
 * Voicenter simulator with three monitor servers, the agent's room on the simulated Rocket.Chat.
 * Each fault ends with the app connected again and its board equal to the server's, including
 * what changed on the server while the app could not hear it; the agent was told in words what
 * happened (the connection view's reason), and the room followed the call once.
 *
 * Client-level details (exact back-off, no orphan socket per step, no login loop) are covered by
 * tests/integration/voicenter/failover.test.ts and tokens.test.ts; here the same faults are
 * measured end to end.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/domain/connection';
import { openSockets } from '../integration/voicenter/helpers';
import { waitFor } from '../support/wait';
import { answer, caller } from './support/agent';
import { useRecoveryTimes } from './support/recovery';
import { AGENT, useFaultRig, type FaultApp, type Sims } from './support/rig';
import { inStep, roomEvents } from './support/state';

const { sims, app, gate } = useFaultRig();
const recovery = useRecoveryTimes('voicenter');

/** A colleague's extension in the demo account. */
const COLLEAGUE = 9876542;

/** Long enough that an offline spell is on screen for a frame or more; short enough for a test. */
const TIMINGS = { backoffBaseMs: 300, backoffCapMs: 1_200 };

const offlineReasons = (app: FaultApp): string[] =>
  app
    .connectionStates()
    .flatMap((state: ConnectionState) => (state.status === 'offline' ? [state.reason] : []));

/** Things change on the server while the app cannot hear them: only a fresh snapshot shows them. */
function changeWhileAway(set: Sims, ivrid: string, agentCall?: string): void {
  set.voicenter.telephony.newCall(COLLEAGUE, {
    ivrid,
    callerName: 'Rang meanwhile',
    callerPhone: '972541230000',
    direction: 'Incoming',
  });
  if (agentCall) set.voicenter.telephony.hold(AGENT, agentCall);
}

async function connectedApp(set: Sims, options: Parameters<typeof app>[1] = {}) {
  const running = await app(set, {
    ...options,
    voicenterTimings: { ...TIMINGS, ...options.voicenterTimings },
  });
  await waitFor(() => inStep(running.state(), set.voicenter, set.voicenter.socketUrls[0]));
  return running;
}

describe('Voicenter faults, end to end', () => {
  it('the main server is killed: the app fails over to the next one, then returns to main', async () => {
    const set = await sims();
    const [main = '', backup = ''] = set.voicenter.socketUrls;
    const running = await connectedApp(set, { voicenterTimings: { returnToMainAfterMs: 2_000 } });
    const call = caller('VC-KILL', 1);
    await answer(running, set, call);

    const failover = recovery.start('main server killed', 'main server killed');
    await set.voicenter.kill(0);
    changeWhileAway(set, 'VC-KILL-2', call.ivrid);
    await waitFor(() => inStep(running.state(), set.voicenter, backup), 20_000, 'on the backup');
    failover.stop('connected to the backup, board = server');
    expect(offlineReasons(running).some((reason) => /connection to .* dropped/.test(reason))).toBe(
      true,
    );
    // The hold happened while the app was away: the snapshot told it, and the room got it once.
    await waitFor(() => roomEvents(set.rocketchat!, running.state(), call.ivrid).length > 0);
    expect(roomEvents(set.rocketchat!, running.state(), call.ivrid)).toEqual(['voip-call-on-hold']);
    // SignalWire follows the call as well: the hold is mirrored to it, once.
    const mirroredHolds = () =>
      set
        .signalwire!.userEvents(call.signalwireCallId)
        .filter((event) => event.type === 'ringside.call.hold');
    await waitFor(() => mirroredHolds().length > 0, 20_000, 'the hold mirrored to SignalWire');

    const back = recovery.start('main server killed', 'main server back');
    await set.voicenter.restart(0);
    await waitFor(() => inStep(running.state(), set.voicenter, main), 20_000, 'back on main');
    back.stop('connected to main again, board = server');
    await waitFor(() => openSockets(set.voicenter) === 1, 10_000, 'one socket');
    expect(set.voicenter.connections()[0]?.sockets).toHaveLength(1);
    expect(roomEvents(set.rocketchat!, running.state(), call.ivrid)).toEqual(['voip-call-on-hold']);
    expect(mirroredHolds()).toHaveLength(1);
  });

  it('the main server goes silent (socket open, no answers): the keepalive declares it dead', async () => {
    const set = await sims({ rocketchat: false, signalwire: false });
    const backup = set.voicenter.socketUrls[1] ?? '';
    const running = await connectedApp(set, {
      voicenterTimings: { keepaliveIdleMs: 300, deadAfterKeepaliveMs: 800 },
    });

    const watch = recovery.start('main server silent', 'main server went silent');
    set.voicenter.silence(true, 0);
    changeWhileAway(set, 'VC-SILENT');
    await waitFor(() => inStep(running.state(), set.voicenter, backup), 20_000, 'on the backup');
    watch.stop('connected to the backup, board = server');
    expect(offlineReasons(running).some((reason) => /No sign of life from/.test(reason))).toBe(
      true,
    );
    expect(set.voicenter.connections()[0]?.keepalivesReceived).toBeGreaterThanOrEqual(1);
    await waitFor(() => openSockets(set.voicenter) === 1, 10_000, 'the silent socket let go');
  });

  it('a keepaliveResponse with an error code: the app reconnects elsewhere', async () => {
    const set = await sims({ rocketchat: false, signalwire: false });
    const backup = set.voicenter.socketUrls[1] ?? '';
    const running = await connectedApp(set, {
      voicenterTimings: { keepaliveIdleMs: 300, deadAfterKeepaliveMs: 5_000 },
    });

    const watch = recovery.start('keepaliveResponse error', 'keepalives answered with code 1');
    set.voicenter.badKeepalive(true, 0);
    changeWhileAway(set, 'VC-BADKA');
    await waitFor(() => inStep(running.state(), set.voicenter, backup), 20_000, 'on the backup');
    watch.stop('connected to the backup, board = server');
    expect(
      offlineReasons(running).some((reason) => /reported a bad link \(code 1\)/.test(reason)),
    ).toBe(true);
    await waitFor(() => openSockets(set.voicenter) === 1, 10_000, 'one socket');
  });

  it('every server down, then one back: offline with the next try shown, then in step', async () => {
    const set = await sims({ rocketchat: false, signalwire: false });
    const running = await connectedApp(set);

    const told = recovery.start('every server down', 'all servers killed');
    await Promise.all([0, 1, 2].map((index) => set.voicenter.kill(index)));
    changeWhileAway(set, 'VC-ALLDOWN');
    await waitFor(() => {
      const { state } = running.state().connection;
      return state.status === 'offline' && !state.fatal && state.nextRetryAt !== null;
    });
    told.stop('the agent sees "offline, retrying"');
    // Several rounds over the three servers, none of them answering.
    await waitFor(() => offlineReasons(running).length >= 4, 20_000, 'retrying');

    const back = recovery.start('every server down', 'one backup server back');
    await set.voicenter.restart(2);
    const third = set.voicenter.socketUrls[2] ?? '';
    await waitFor(() => inStep(running.state(), set.voicenter, third), 20_000, 'on the third');
    back.stop('connected, board = server');
    expect(openSockets(set.voicenter)).toBe(1);
  });

  it('the token expires mid-session: the app renews it and goes on', async () => {
    const set = await sims({ rocketchat: false, signalwire: false });
    const running = await connectedApp(set, {
      voicenterTimings: { keepaliveIdleMs: 300, deadAfterKeepaliveMs: 5_000 },
    });
    const before = set.voicenter.lastGrant();

    const watch = recovery.start('token expired mid-session', 'every token revoked');
    set.voicenter.expireTokens();
    changeWhileAway(set, 'VC-TOKEN');
    await waitFor(() => set.voicenter.lastGrant()?.token !== before?.token, 20_000, 'new token');
    await waitFor(() => {
      const sockets = set.voicenter.connections().flatMap((c) => c.sockets);
      return (
        inStep(running.state(), set.voicenter) &&
        sockets.length === 1 &&
        sockets[0]?.token === set.voicenter.lastGrant()?.token
      );
    }, 20_000);
    watch.stop('connected on the renewed token, board = server');
    // Renewed with the refresh token, not a new sign-in.
    expect(set.voicenter.lastGrant()?.refreshToken).toBe(before?.refreshToken);
  });

  it('the refresh is refused too: the app signs in again from scratch', async () => {
    const set = await sims({ rocketchat: false, signalwire: false });
    const running = await connectedApp(set, {
      voicenterTimings: { keepaliveIdleMs: 300, deadAfterKeepaliveMs: 5_000 },
    });
    const before = set.voicenter.lastGrant();

    const watch = recovery.start('refresh refused', 'tokens and refresh tokens revoked');
    set.voicenter.expireTokens({ refreshTokens: true });
    changeWhileAway(set, 'VC-RELOGIN');
    await waitFor(
      () => set.voicenter.lastGrant()?.refreshToken !== before?.refreshToken,
      20_000,
      'a new sign-in',
    );
    await waitFor(() => {
      const sockets = set.voicenter.connections().flatMap((c) => c.sockets);
      return inStep(running.state(), set.voicenter) && sockets.length === 1;
    }, 20_000);
    watch.stop('signed in again, board = server');
  });

  it('the login service answers 500, then 401: retried, then stopped and told; a new sign-in recovers', async () => {
    const set = await sims({ rocketchat: false, signalwire: false });
    // A gate in front of the login API answers for it when the test says so.
    const login = await gate(set.voicenter.loginBaseUrl);
    const loginBaseUrl = `${login.origin}${new URL(set.voicenter.loginBaseUrl).pathname}`;
    const running = await connectedApp(set, {
      loginBaseUrl,
      voicenterTimings: { keepaliveIdleMs: 300, deadAfterKeepaliveMs: 5_000 },
    });

    // The session runs out while the login service is failing.
    login.fail(500, 'Internal Server Error');
    set.voicenter.expireTokens({ refreshTokens: true });
    await waitFor(() => login.refused() >= 2, 20_000, 'the login service tried twice');
    // Between tries it is offline and says when it tries again (during a try: connecting).
    await waitFor(
      () => {
        const { state } = running.state().connection;
        return state.status === 'offline' && !state.fatal;
      },
      20_000,
      'offline, retrying',
    );
    expect(
      offlineReasons(running).some((reason) => /had a problem \(HTTP 500\)/.test(reason)),
    ).toBe(true);

    // Then it refuses the account: no more tries (that could lock it), and the agent is told.
    const told = recovery.start('login 500 then 401', 'login service answers 401');
    login.fail(401, 'Unauthorized');
    await waitFor(() => {
      const { state } = running.state().connection;
      return state.status === 'offline' && state.fatal;
    });
    told.stop('the agent is told to check the sign-in');
    expect(running.state().connection.state).toEqual({
      status: 'offline',
      reason: 'Voicenter rejected the sign-in: check the username and password.',
      nextRetryAt: null,
      fatal: true,
    });

    login.pass();
    const watch = recovery.start('login 500 then 401', 'the agent signs in again');
    changeWhileAway(set, 'VC-SIGNIN');
    await running.act('signInVoicenter', {
      loginType: 'account',
      username: set.voicenter.credentials.account.username,
      password: set.voicenter.credentials.account.password,
      loginBaseUrl,
    });
    await waitFor(() => inStep(running.state(), set.voicenter), 20_000, 'signed in again');
    watch.stop('connected, board = server');
  });
});
