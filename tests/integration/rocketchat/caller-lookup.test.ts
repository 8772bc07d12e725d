import { describe, expect, it } from 'vitest';
import { useRig } from './harness';

// The screen pop's Rocket.Chat side against the simulator: the visitor found by the caller's
// number however the PBX wrote it, and the conversations this desk had with them.
const { sim, app, signedInApp } = useRig();
const signal = () => new AbortController().signal;

describe('looking a caller up in Rocket.Chat', () => {
  it('finds a known visitor by the number in any of its usual forms', async () => {
    const { run } = await signedInApp({
      visitors: [{ token: 'v-dana', name: 'Dana Levi', phone: '0501234567' }],
    });
    for (const phone of ['0501234567', '972501234567', '+972501234567']) {
      expect(await run.service.lookUpCaller(phone, signal())).toEqual({
        status: 'found',
        name: 'Dana Levi',
        openRoom: null,
        closed: [],
      });
    }
  });

  it('says so when nobody has the number', async () => {
    const { run } = await signedInApp();
    expect(await run.service.lookUpCaller('0529998888', signal())).toEqual({
      status: 'not-found',
    });
  });

  it('is unavailable, asking nothing, while not signed in', async () => {
    const s = await sim();
    const run = await app();
    const before = s.requests().length;
    expect(await run.service.lookUpCaller('0501234567', signal())).toEqual({
      status: 'unavailable',
    });
    expect(s.requests()).toHaveLength(before);
  });

  it("lists this desk's conversations with the caller: closed with its link, then open", async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    await run.calls.ring('IVR-1', '0501234567', 'Dana Levi');
    await run.calls.answer('IVR-1');
    await run.settled();
    await run.calls.hangup('IVR-1');
    await run.service.handlers.wrapUp('IVR-1', { comment: 'Billing question', tags: ['billing'] });
    await run.settled();
    const closedRid = run.rid('IVR-1');

    const afterFirst = await run.service.lookUpCaller('972501234567', signal());
    expect(afterFirst).toMatchObject({
      status: 'found',
      name: 'Dana Levi',
      openRoom: null,
      closed: [
        {
          rid: closedRid,
          ivrid: 'IVR-1',
          agent: s.users.agent.username,
          link: `${s.url}/voip/${closedRid}`,
        },
      ],
    });
    if (afterFirst.status === 'found') expect(afterFirst.closed[0]?.closedAt).not.toBeNull();

    await run.calls.ring('IVR-2', '0501234567', 'Dana Levi');
    await run.calls.answer('IVR-2');
    await run.settled();
    const during = await run.service.lookUpCaller('0501234567', signal());
    expect(during).toMatchObject({
      status: 'found',
      openRoom: { rid: run.rid('IVR-2'), ivrid: 'IVR-2', closedAt: null },
      closed: [{ rid: closedRid }],
    });
  });
});
