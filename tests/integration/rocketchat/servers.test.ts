import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RocketChatSim } from '../../../electron/sim/rocketchat';
import { waitFor } from '../../support/wait';
import { dyingFetch, useRig, type AppRun } from './harness';

/**
 * A room belongs to the Rocket.Chat server (and the account) it was opened on. Ringside started
 * again signed in somewhere else must not send that room's actions to the server it is on now:
 * they wait, in plain words, until the agent is back on the room's own server.
 */
const { sim, profile, app, crashed } = useRig();

const types = (s: RocketChatSim, rid: string) => s.messages(rid).map((m) => m.t);
/** Requests that touch rooms or visitors (signing in and checking the server do not count). */
const roomTraffic = (s: RocketChatSim) =>
  s.requests().filter((r) => /\/api\/v1\/(voip|livechat|chat\.)/.test(r.path));
/** How the window names the sim's server for its desk agent. */
const label = (s: RocketChatSim) => `${new URL(s.url).host} (as ${s.users.agent.username})`;

/**
 * An answered call on server `a` (the room opens by itself); Ringside is killed as its hold is
 * about to leave, so the next run finds the hold queued, in doubt, and the call up.
 */
async function roomOnA(ivrid: string) {
  const a = await sim();
  const p = await profile();
  const dying = dyingFetch(
    () => p,
    (url, body) => url.endsWith('/api/v1/voip/events') && body.includes('voip-call-on-hold'),
    'before',
    crashed,
  );
  const first = await app(p, { fetch: dying.fetch });
  await first.signInAgent(a);
  await first.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
  await first.calls.ring(ivrid, '0528000001', `Caller ${ivrid}`);
  await first.calls.answer(ivrid);
  await first.settled();
  const rid = first.rid(ivrid);
  await first.calls.hold(ivrid);
  const disk = await dying.died;
  await first.stop();
  expect(types(a, rid)).toEqual([]);
  return { a, rid, disk };
}

const pending = (run: AppRun, ivrid: string) =>
  run.outbox.view().items.filter((item) => item.ivrid === ivrid && item.state !== 'sent');

/** The call's unsent actions all wait for `server`, in words; none failed. */
async function waitsFor(run: AppRun, ivrid: string, server: string) {
  await waitFor(
    () =>
      pending(run, ivrid).length > 0 &&
      pending(run, ivrid).every((item) => item.state === 'waiting' && item.reason !== null),
    10_000,
    'actions waiting for their server',
  );
  for (const item of pending(run, ivrid))
    expect(item.reason).toBe(`Waiting for ${server} — sign in there to send it.`);
  expect(run.room(ivrid)?.waitingFor).toBe(server);
}

describe('rooms of another Rocket.Chat server', () => {
  it('restart signed in to B: nothing is sent to B, the room waits; back on A, its actions and its end go to A', async () => {
    const { a, rid, disk } = await roomOnA('TWO-1');
    const b = await sim();

    const second = await app(disk);
    await second.signInAgent(b);
    await second.calls.snapshot();
    await waitsFor(second, 'TWO-1', label(a));
    // Not brought to the truth while its server is away: its end could not go anywhere yet.
    expect(second.room('TWO-1')).toMatchObject({ callActive: true, ended: false });
    expect(roomTraffic(b)).toEqual([]);
    expect(b.rooms()).toEqual([]);
    expect(types(a, rid)).toEqual([]);

    await second.signInAgent(a);
    await second.settled();
    expect(types(a, rid)).toEqual(['voip-call-on-hold', 'voip-call-ended']);
    expect(second.room('TWO-1')).toMatchObject({
      waitingFor: null,
      callActive: false,
      endUnknown: true,
      needsWrapUp: true,
    });
    await second.service.handlers.wrapUp('TWO-1', { comment: 'Done', tags: [] });
    await second.settled();
    expect(types(a, rid)).toEqual(['voip-call-on-hold', 'voip-call-ended', 'voip-call-wrapup']);
    expect(roomTraffic(b)).toEqual([]);
  });

  it('another account on the same server is another server too', async () => {
    const { a, rid, disk } = await roomOnA('TWO-2');
    const second = await app(disk);
    await second.signInAgent(a, a.users.otherAgent);
    await second.calls.snapshot();
    await waitsFor(second, 'TWO-2', label(a));
    expect(types(a, rid)).toEqual([]);

    await second.signInAgent(a);
    await second.settled();
    expect(types(a, rid)).toEqual(['voip-call-on-hold', 'voip-call-ended']);
  });

  it('a new call opens its room on the server Ringside is signed in to now', async () => {
    const { a, rid, disk } = await roomOnA('TWO-3');
    const b = await sim();
    const second = await app(disk);
    await second.signInAgent(b);
    await second.calls.snapshot();
    await second.calls.ring('TWO-4', '0528000002', 'Next caller');
    await second.calls.answer('TWO-4');
    await waitFor(() => second.room('TWO-4')?.status === 'open', 10_000, 'room on B');
    expect(b.rooms().map((room) => room._id)).toEqual([second.rid('TWO-4')]);
    expect(second.room('TWO-4')?.waitingFor).toBeNull();
    await waitsFor(second, 'TWO-3', label(a));
    expect(types(a, rid)).toEqual([]);
  });

  it('records from before rooms knew their server belong to the server Ringside is on', async () => {
    const { a, rid, disk } = await roomOnA('OLD-1');
    // What an older version wrote: no server on the rooms or on the queued actions.
    const roomsFile = join(disk.dir, 'rocketchat-rooms.json');
    const rooms = JSON.parse(await readFile(roomsFile, 'utf8')) as {
      rooms: Record<string, unknown>[];
    };
    for (const room of rooms.rooms) delete room.server;
    await writeFile(roomsFile, JSON.stringify(rooms));
    const outboxFile = join(disk.dir, 'outbox.json');
    const outbox = JSON.parse(await readFile(outboxFile, 'utf8')) as {
      records: { action: { payload: Record<string, unknown> } }[];
    };
    for (const record of outbox.records) delete record.action.payload.server;
    await writeFile(outboxFile, JSON.stringify(outbox));

    const second = await app(disk);
    await second.calls.snapshot();
    await second.settled();
    expect(types(a, rid)).toEqual(['voip-call-on-hold', 'voip-call-ended']);
    expect(second.room('OLD-1')).toMatchObject({ waitingFor: null, needsWrapUp: true });
  });
});
