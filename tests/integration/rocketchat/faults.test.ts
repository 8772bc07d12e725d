import { describe, expect, it } from 'vitest';
import type { RocketChatSim } from '../../../electron/sim/rocketchat';
import { revokeStoredSession, useRig, type AppRun } from './harness';
import { waitFor } from '../../support/wait';

/**
 * Fault tests: whatever the server does (goes down, restarts, rate-limits, drops the session) and
 * whatever the app does (restarts with actions queued), each room ends up holding exactly the
 * agent's events, in order, none lost, none doubled.
 */
const { app, signedInApp } = useRig();

const FULL_CALL = [
  'voip-call-on-hold',
  'voip-call-unhold',
  'voip-call-ended',
  'voip-call-duration',
  'voip-call-wrapup',
];
const types = (s: RocketChatSim, rid: string) => s.messages(rid).map((m) => m.t);

/** Answer (auto-open), hold, unhold, hang up, wrap up: the agent's whole call. */
async function wholeCall(
  run: AppRun,
  ivrid: string,
  phone: string,
  afterOpen?: () => Promise<void> | void,
): Promise<void> {
  await run.calls.ring(ivrid, phone, `Caller ${ivrid}`);
  await run.calls.answer(ivrid);
  await afterOpen?.();
  await run.calls.hold(ivrid);
  await run.calls.unhold(ivrid);
  await run.calls.hangup(ivrid);
  await run.service.handlers.wrapUp(ivrid, { comment: `Notes ${ivrid}`, tags: ['support'] });
}

describe('Rocket.Chat faults: nothing lost, nothing doubled', () => {
  it('the server goes down mid-call and comes back', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    await wholeCall(run, 'DOWN-1', '0521000001', async () => {
      await run.settled();
      s.setDown(true);
    });
    await waitFor(
      () => run.outbox.view().items.some((i) => i.state === 'waiting' && i.attempts >= 2),
      10_000,
      'retrying while down',
    );
    const waiting = run.outbox.view().items.find((i) => i.state === 'waiting');
    expect(waiting?.reason).toContain('cannot reach Rocket.Chat');
    expect(types(s, run.rid('DOWN-1'))).toEqual([]);
    s.setDown(false);
    await run.settled();
    expect(types(s, run.rid('DOWN-1'))).toEqual(FULL_CALL);
  });

  it('the server stops (connection refused), answers 502/503 while starting, then restarts on the same port', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    await s.stop();
    // Even the room's creation waits: the call goes on while Rocket.Chat is away.
    await wholeCall(run, 'STOP-1', '0521000002');
    await waitFor(
      () =>
        run.outbox.view().items[0]?.attempts !== undefined &&
        (run.outbox.view().items[0]?.attempts ?? 0) >= 2,
      10_000,
      'retries',
    );
    await s.restart();
    s.failNext(3, 503);
    await run.settled();
    expect(types(s, run.rid('STOP-1'))).toEqual(FULL_CALL);
    expect(s.requests().filter((r) => r.status === 503)).toHaveLength(3);
  });

  it('a 429 storm: many calls at once behind tight limits', async () => {
    const { s, run } = await signedInApp({
      rateLimits: {
        default: { limit: 4, windowMs: 700 },
        'voip/room': { limit: 2, windowMs: 700 },
        'livechat/visitor': { limit: 2, windowMs: 700 },
      },
    });
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    const ivrids = ['STORM-1', 'STORM-2', 'STORM-3', 'STORM-4', 'STORM-5'];
    for (const [i, ivrid] of ivrids.entries()) await wholeCall(run, ivrid, `05230000${i}0`);
    await waitFor(
      () =>
        run.outbox
          .view()
          .items.some((i) => i.state === 'waiting' && (i.reason ?? '').includes('slow down')),
      10_000,
      'rate limited',
    );
    await run.settled(40_000);
    for (const ivrid of ivrids) expect(types(s, run.rid(ivrid))).toEqual(FULL_CALL);
    // The limits were reached (an action waited for "slow down" above), but each route's headers
    // say when its window is spent, so the storm costs few refused requests, or none when every
    // answer came back before the next request of its route left.
    const limited = s.requests().filter((r) => r.status === 429).length;
    expect(limited).toBeLessThan(15);
    // Visitors: one each, none doubled by retries.
    expect(s.visitors()).toHaveLength(ivrids.length);
  }, 60_000);

  it('the app restarts with actions queued (the room not even created yet)', async () => {
    const { s, run: first } = await signedInApp();
    const p = first.profile;
    await first.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    // One call whose room exists, one whose room was never created before the app closed.
    await first.calls.ring('RST-1', '0524000001', 'Before');
    await first.calls.answer('RST-1');
    await first.settled();
    s.setDown(true);
    await first.calls.hold('RST-1');
    await first.calls.unhold('RST-1');
    await first.calls.hangup('RST-1');
    await first.service.handlers.wrapUp('RST-1', { comment: 'Notes RST-1', tags: ['support'] });
    await wholeCall(first, 'RST-2', '0524000002');
    const queued = first.outbox.view().items.filter((i) => i.state !== 'sent').length;
    expect(queued).toBe(11);
    await first.stop();

    const second = await app(p);
    expect(second.outbox.view().items.filter((i) => i.state !== 'sent')).toHaveLength(queued);
    await second.service.refresh();
    s.setDown(false);
    await second.service.refresh();
    await second.settled();
    expect(types(s, second.rid('RST-1'))).toEqual(FULL_CALL);
    expect(types(s, second.rid('RST-2'))).toEqual(FULL_CALL);
    expect(second.room('RST-2')).toMatchObject({ status: 'closed', visitorName: 'Caller RST-2' });
  });

  it('the app restarts while the server is down and after its session was revoked: actions wait for sign-in', async () => {
    const { s, run: first } = await signedInApp();
    const p = first.profile;
    await first.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    await first.calls.ring('SES-1', '0525000001', 'Session');
    await first.calls.answer('SES-1');
    await first.settled();
    const rid = first.rid('SES-1');
    await first.stop();
    // Revoked while the app was closed.
    await revokeStoredSession(s, p);
    const second = await app(p);
    await second.calls.ring('SES-1', '0525000001', 'Session');
    await second.calls.answer('SES-1');
    await second.calls.hold('SES-1');
    await second.calls.unhold('SES-1');
    await second.calls.hangup('SES-1');
    await second.service.handlers.wrapUp('SES-1', { comment: 'Notes SES-1', tags: ['support'] });
    await waitFor(() => second.service.view().status === 'session-ended', 10_000, 'session ended');
    await waitFor(
      () =>
        (second.outbox.view().items.find((i) => i.state !== 'sent')?.reason ?? '').includes(
          'sign in',
        ),
      10_000,
      'waiting for sign-in',
    );
    expect(types(s, rid)).toEqual([]);
    await second.signInAgent(s);
    await second.settled();
    expect(types(s, rid)).toEqual(FULL_CALL);
  });

  it('the session is refused mid-call: one re-login, and the call goes on', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    const tokenBefore = run.profile.secret('rocketchat.authToken');
    await wholeCall(run, 'RELOG-1', '0526000001', async () => {
      await run.settled();
      await fetch(`${s.url}/api/v1/logout`, {
        method: 'POST',
        headers: { 'X-User-Id': s.users.agent.userId, 'X-Auth-Token': tokenBefore ?? '' },
      });
    });
    await run.settled();
    expect(types(s, run.rid('RELOG-1'))).toEqual(FULL_CALL);
    expect(run.service.view().status).toBe('signed-in');
    // The renewed token is what is stored now.
    await waitFor(
      () => run.profile.secret('rocketchat.authToken') !== tokenBefore,
      5_000,
      'token renewed',
    );
    expect(s.requests().filter((r) => r.path === '/api/v1/login')).toHaveLength(2);
  });
});
