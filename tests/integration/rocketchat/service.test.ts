import { describe, expect, it } from 'vitest';
import type { RocketChatSim } from '../../../electron/sim/rocketchat';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import { revokeStoredSession, useRig } from './harness';
import { waitFor } from '../../support/wait';
import { rejection } from './helpers';

const { sim, app, signedInApp } = useRig();

const types = (s: RocketChatSim, rid: string) => s.messages(rid).map((m) => m.t);

async function userError(promise: unknown): Promise<UserFacingError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe('RocketChatService: the room follows the call', () => {
  it('auto-opens on answer, keeps hold/unhold/end in step, closes with the wrap-up', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true, keepInStep: true });
    const view = run.service.view();
    expect(view).toMatchObject({
      configured: true,
      status: 'signed-in',
      server: { url: s.url, version: '6.13.0', voipSupported: true },
    });
    expect(view.signedInAs).toMatchObject({ username: s.users.agent.username, isAgent: true });

    await run.calls.ring('IVR-1', '0501234567', 'Dana Levi');
    expect(run.room('IVR-1')).toBeUndefined();
    const answeredAt = Date.now() - 65_000;
    await run.calls.answer('IVR-1', answeredAt);
    await run.settled();
    const rid = run.rid('IVR-1');
    expect(run.room('IVR-1')).toMatchObject({
      status: 'open',
      open: true,
      visitorName: 'Dana Levi',
      agent: s.users.agent.username,
      link: `${s.url}/voip/${rid}`,
    });

    await run.calls.hold('IVR-1');
    await run.calls.unhold('IVR-1');
    await run.calls.hangup('IVR-1');
    await run.settled();
    expect(run.service.view().pendingWrapUps).toEqual(['IVR-1']);
    expect(run.room('IVR-1')).toMatchObject({ needsWrapUp: true, ended: true, callActive: false });

    await run.service.handlers.wrapUp('IVR-1', { comment: 'Billing question', tags: ['billing'] });
    await run.settled();
    expect(types(s, rid)).toEqual([
      'voip-call-on-hold',
      'voip-call-unhold',
      'voip-call-ended',
      'voip-call-duration',
      'voip-call-wrapup',
    ]);
    const duration = Number(s.messages(rid)[3]?.msg);
    expect(duration).toBeGreaterThanOrEqual(65);
    expect(duration).toBeLessThan(120);
    expect(s.messages(rid).at(-1)?.msg).toBe('Billing question');
    const room = s.rooms().find((r) => r._id === rid);
    expect(room?.open).toBeUndefined();
    expect(room?.tags).toEqual(['billing']);
    expect(room?.v.phone).toBe('0501234567');
    expect(room?.direction).toBe('inbound');
    expect(run.room('IVR-1')).toMatchObject({ status: 'closed', open: false, needsWrapUp: false });
    expect(run.service.view().pendingWrapUps).toEqual([]);
  });

  it('by hand: Open room, Hold, End, then wrap-up; nothing automatic when keep-in-step is off', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: false, keepInStep: false });
    await run.calls.ring('IVR-2', '0502222222', 'Yossi');
    await run.calls.answer('IVR-2');
    await run.settled();
    expect(run.room('IVR-2')).toBeUndefined();
    await run.service.handlers.openRoom('IVR-2');
    await run.service.handlers.openRoom('IVR-2'); // A second click does nothing more.
    await run.service.handlers.roomAction('IVR-2', 'hold');
    await run.calls.hold('IVR-2');
    await run.calls.unhold('IVR-2');
    await run.calls.hangup('IVR-2');
    await run.settled();
    const rid = run.rid('IVR-2');
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    await run.service.handlers.roomAction('IVR-2', 'end');
    await run.service.handlers.roomAction('IVR-2', 'end'); // Never twice.
    await run.service.handlers.wrapUp('IVR-2', { comment: 'Done', tags: [] });
    await run.settled();
    expect(types(s, rid)).toEqual([
      'voip-call-on-hold',
      'voip-call-ended',
      'voip-call-duration',
      'voip-call-wrapup',
    ]);
    expect(s.requests().filter((r) => r.path === '/api/v1/voip/room')).toHaveLength(1);
  });

  it('wrap-up without End first still sends the end before the close', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ keepInStep: false });
    await run.calls.ring('IVR-3', '0503333333', 'Maya');
    await run.calls.answer('IVR-3');
    await run.service.handlers.openRoom('IVR-3');
    await run.calls.hangup('IVR-3');
    await run.service.handlers.wrapUp('IVR-3', { comment: 'Short call', tags: ['info'] });
    await run.settled();
    expect(types(s, run.rid('IVR-3'))).toEqual([
      'voip-call-ended',
      'voip-call-duration',
      'voip-call-wrapup',
    ]);
  });

  it('a call that ends unanswered with its room open is declined', async () => {
    const { s, run } = await signedInApp();
    await run.calls.ring('IVR-4', '0504444444', 'Tal');
    await run.service.handlers.openRoom('IVR-4');
    await run.calls.hangup('IVR-4');
    await run.settled();
    const rid = run.rid('IVR-4');
    expect(types(s, rid)).toEqual(['voip-call-declined']);
    await run.service.handlers.wrapUp('IVR-4', { comment: 'Missed, will call back', tags: [] });
    await run.settled();
    expect(types(s, rid)).toEqual(['voip-call-declined', 'voip-call-wrapup']);
  });

  it('an outbound call starts with voip-call-started in an outbound room', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    await run.calls.ring('IVR-5', '0505555555', '', 'outgoing');
    await run.calls.answer('IVR-5');
    await run.calls.hangup('IVR-5');
    await run.service.handlers.wrapUp('IVR-5', { comment: '', tags: [] });
    await run.settled();
    const rid = run.rid('IVR-5');
    // Without a comment the Enterprise close writes voip-call-ended itself.
    expect(types(s, rid)).toEqual([
      'voip-call-started',
      'voip-call-ended',
      'voip-call-duration',
      'voip-call-ended',
    ]);
    expect(s.rooms().find((r) => r._id === rid)).toMatchObject({
      direction: 'outbound',
      fname: '0505555555',
    });
  });

  it('reuses the visitor for the next call from the same number, and finds existing contacts by phone', async () => {
    const s = await sim();
    // A contact the CRM already has, with the exact PBX caller id.
    await fetch(`${s.url}/api/v1/livechat/visitor`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        visitor: { token: 'crm-known-contact', name: 'Known Contact', phone: '0509876543' },
      }),
    });
    const run = await app();
    await run.signInAgent(s);
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    for (const [ivrid, phone] of [
      ['IVR-6a', '050-111-2222'],
      ['IVR-6b', '0501112222'],
    ] as const) {
      await run.calls.ring(ivrid, phone, 'Repeat Caller');
      await run.calls.answer(ivrid);
      await run.calls.hangup(ivrid);
      await run.service.handlers.wrapUp(ivrid, { comment: 'ok', tags: [] });
      await run.settled();
    }
    await run.calls.ring('IVR-6c', '0509876543', 'Someone');
    await run.calls.answer('IVR-6c');
    await run.settled();
    const visitors = s.visitors();
    expect(visitors).toHaveLength(2);
    const first = s.rooms().find((r) => r._id === run.rid('IVR-6a'));
    const second = s.rooms().find((r) => r._id === run.rid('IVR-6b'));
    expect(first?.v.token).toBe(second?.v.token);
    expect(run.rid('IVR-6a')).not.toBe(run.rid('IVR-6b'));
    expect(s.rooms().find((r) => r._id === run.rid('IVR-6c'))?.v.token).toBe('crm-known-contact');
    expect(run.room('IVR-6c')?.visitorName).toBe('Known Contact');
    expect(s.requests().filter((r) => r.path === '/api/v1/livechat/visitor')).toHaveLength(2);
  });

  it('on 8.x says there are no VoIP rooms and queues nothing', async () => {
    const s = await sim({ version: '8.0.0' });
    const run = await app();
    await run.signInAgent(s);
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    const view = run.service.view();
    expect(view.server).toMatchObject({ version: '8.0.0', voipSupported: false });
    expect(view.notices.join(' ')).toContain('has no VoIP rooms');
    expect(view.status).toBe('signed-in');
    await run.calls.ring('IVR-7', '0507777777', 'Eli');
    await run.calls.answer('IVR-7');
    await run.calls.hangup('IVR-7');
    expect(run.outbox.view().items).toEqual([]);
    const error = await userError(run.service.handlers.openRoom('IVR-7'));
    expect(error.code).toBe('voip-unavailable');
    expect(s.requests().filter((r) => r.path.startsWith('/api/v1/voip'))).toEqual([]);
  });

  it('a user who is not an agent: the notice says so and the room fails in plain words, visibly', async () => {
    const s = await sim();
    const run = await app();
    const { user } = s.users;
    await run.service.handlers.rocketChatSignIn({
      serverUrl: s.url,
      username: user.username,
      password: user.password,
    });
    expect(run.service.view().notices.join(' ')).toContain(
      `${user.username} is not an omnichannel agent`,
    );
    await run.calls.ring('IVR-8', '0508888888', 'Rafi');
    await run.calls.answer('IVR-8');
    await run.service.handlers.openRoom('IVR-8');
    await run.calls.hold('IVR-8');
    // First the permission (403), in plain words naming it.
    await waitFor(() => run.outbox.view().items[0]?.state === 'failed');
    expect(run.room('IVR-8')?.status).toBe('failed');
    expect(run.room('IVR-8')?.lastError).toContain('missing the permission "inbound-voip-calls"');
    // The admin grants the permission but the user is still no agent.
    s.setPermissionRoles('inbound-voip-calls', ['livechat-agent', 'user']);
    const openId = run.outbox.view().items[0]?.id ?? '';
    await run.service.handlers.retryAction(openId);
    expect(run.room('IVR-8')?.status).toBe('opening');
    await waitFor(() => run.room('IVR-8')?.status === 'failed');
    const message =
      'Your Rocket.Chat user is not an omnichannel agent. An administrator must add you under Omnichannel > Agents.';
    expect(run.room('IVR-8')?.lastError).toBe(message);
    await waitFor(() => run.outbox.view().items[0]?.state === 'failed');
    const items = run.outbox.view().items;
    expect(items.map((i) => [i.state, i.reason])).toEqual([
      ['failed', message],
      ['queued', expect.stringContaining('which failed: retry or discard it first') as unknown],
    ]);
    await run.service.handlers.discardAction(openId);
    await waitFor(() => run.outbox.view().items[0]?.state === 'failed');
    expect(run.outbox.view().items[0]?.reason).toBe(
      'No Rocket.Chat room for this call: open the room first.',
    );
    expect(run.room('IVR-8')?.status).toBe('failed');
  });

  it('a missing permission fails one action, the close waits for it, discarding it lets the close through', async () => {
    const { s, run } = await signedInApp();
    await run.calls.ring('IVR-9', '0509999999', 'Shir');
    await run.calls.answer('IVR-9');
    await run.service.handlers.openRoom('IVR-9');
    await run.settled();
    const rid = run.rid('IVR-9');
    s.setPermissionRoles('view-l-room', []);
    await run.calls.hold('IVR-9');
    await waitFor(() => run.outbox.view().items.some((i) => i.state === 'failed'));
    const failed = run.outbox.view().items.find((i) => i.state === 'failed');
    expect(failed?.reason).toContain('"view-l-room"');
    expect(run.room('IVR-9')?.lastError).toContain('"view-l-room"');
    s.setPermissionRoles('view-l-room', ['livechat-agent']);
    // Retried by hand once the admin fixed it: sent, in place.
    await run.service.handlers.retryAction(failed?.id ?? '');
    await run.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    s.setPermissionRoles('view-l-room', []);
    await run.calls.unhold('IVR-9');
    await waitFor(() => run.outbox.view().items.some((i) => i.state === 'failed'));
    s.setPermissionRoles('view-l-room', ['livechat-agent']);
    await run.calls.hangup('IVR-9');
    await run.service.handlers.wrapUp('IVR-9', { comment: 'Closed anyway', tags: [] });
    await waitFor(() =>
      run.outbox
        .view()
        .items.some(
          (i) =>
            i.label.startsWith('Close room') &&
            i.state === 'queued' &&
            (i.reason ?? '').includes('Unhold'),
        ),
    );
    const unhold = run.outbox.view().items.find((i) => i.state === 'failed');
    await run.service.handlers.discardAction(unhold?.id ?? '');
    await run.settled();
    expect(types(s, rid)).toEqual([
      'voip-call-on-hold',
      'voip-call-ended',
      'voip-call-duration',
      'voip-call-wrapup',
    ]);
  });

  it('signs in with a personal access token', async () => {
    const s = await sim();
    const run = await app();
    const token = s.createPersonalAccessToken(s.users.agent.username);
    await run.service.handlers.rocketChatSignIn({
      serverUrl: s.url,
      userId: s.users.agent.userId,
      personalAccessToken: token,
    });
    expect(run.service.view().signedInAs?.username).toBe(s.users.agent.username);
    expect(run.profile.settings.get().authKind).toBe('pat');
  });

  it('two-factor: asks for the code, then signs in; the token is stored as a secret only', async () => {
    const s = await sim({ agentTotpSecret: 'JBSWY3DPEHPK3PXP' });
    const run = await app();
    const input = {
      serverUrl: s.url,
      username: s.users.agent.username,
      password: s.users.agent.password,
    };
    const asked = await userError(run.service.handlers.rocketChatSignIn(input));
    expect(asked.code).toBe('two-factor-required');
    await run.service.handlers.rocketChatSignIn({ ...input, code: s.totpCode() });
    const settings = run.profile.settings.get();
    expect(settings).toMatchObject({
      serverUrl: s.url,
      username: s.users.agent.username,
      authKind: 'password',
    });
    expect(JSON.stringify(settings)).not.toContain(
      run.profile.secret('rocketchat.authToken') ?? 'none',
    );
    expect(JSON.stringify(run.service.view())).not.toContain(
      run.profile.secret('rocketchat.authToken') ?? 'none',
    );
    const wrong = await userError(
      run.service.handlers.rocketChatSignIn({ ...input, password: 'nope' }),
    );
    expect(wrong.code).toBe('wrong-credentials');
  });

  it('resumes the stored session on the next start, and says when it has ended', async () => {
    const { s, run: first } = await signedInApp();
    const profile = first.profile;
    await first.stop();
    const second = await app(profile);
    await second.service.refresh();
    expect(second.service.view()).toMatchObject({
      status: 'signed-in',
      server: { version: '6.13.0' },
    });
    await second.stop();
    // The token is revoked while the app is closed.
    await revokeStoredSession(s, profile);
    const third = await app(profile);
    await third.service.refresh();
    expect(third.service.view()).toMatchObject({ status: 'session-ended', signedInAs: null });
    expect(third.service.view().notices.join(' ')).toContain('session has ended');
  });

  it('opens the room link in the browser', async () => {
    const s = await sim();
    const opened: string[] = [];
    const run = await app(undefined, { openExternal: (url) => opened.push(url) });
    await run.signInAgent(s);
    await run.calls.ring('IVR-10', '0501010101', 'Link');
    await run.calls.answer('IVR-10');
    const early = await userError(run.service.handlers.openRoomInBrowser('IVR-10'));
    expect(early.code).toBe('no-room');
    await run.service.handlers.openRoom('IVR-10');
    await run.settled();
    await run.service.handlers.openRoomInBrowser('IVR-10');
    expect(opened).toEqual([`${s.url}/voip/${run.rid('IVR-10')}`]);
  });
});
