import { cpSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadlessHost, type HeadlessHost } from '../../../electron/headless/host';
import type { RoomView } from '../../../shared/ipc/rocketchat';
import { waitFor } from '../../support/wait';

// The demo's Rocket.Chat is a server of its own, started in-process on a free port, that lives
// only as long as the demo. Its rooms go with it: a demo started again (after a crash, on a new
// port) neither sends the old demo's rooms to the new server nor leaves them waiting for one that
// will never come back.
describe('the demo’s rooms when the demo server is gone', () => {
  const hosts: HeadlessHost[] = [];
  let dir = '';

  afterEach(async () => {
    for (const host of hosts.splice(0).reverse()) await host.stop().catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function start(dataDir: string): Promise<HeadlessHost> {
    const host = await startHeadlessHost({
      dataDir,
      configPath: join(dir, 'ringside.json'),
      rendererDir: dir,
      core: { demoSpeed: 10 },
    });
    hosts.push(host);
    return host;
  }

  const rooms = (host: HeadlessHost): RoomView[] => host.core.view().rocketchat.rooms;
  const liveRoom = (host: HeadlessHost): RoomView | undefined =>
    rooms(host).find((room) => room.rid !== null && room.callActive);

  async function demoWithRoomMidCall(): Promise<{ first: HeadlessHost; room: RoomView }> {
    dir = await mkdtemp(join(tmpdir(), 'ringside-demo-rooms-'));
    await writeFile(
      join(dir, 'ringside.json'),
      JSON.stringify({
        version: 1,
        app: { mode: 'demo' },
        demo: { enabled: true, scenario: 'demo-loop', seed: 1 },
        rocketchat: { autoOpenRoom: true },
      }),
    );
    const first = await start(join(dir, 'data'));
    await waitFor(() => liveRoom(first) !== undefined, 20_000, 'a demo room mid call');
    const room = liveRoom(first);
    if (!room?.rid) throw new Error('no demo room');
    const rid = room.rid;
    // The room is on disk before the "crash".
    let saved = '';
    const roomsFile = join(dir, 'data', 'rocketchat-rooms.json');
    const started = Date.now();
    while (!saved.includes(rid) && Date.now() - started < 10_000) {
      saved = await readFile(roomsFile, 'utf8').catch(() => '');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(saved).toContain(rid);
    return { first, room };
  }

  it('a restart mid call starts a new demo server: the old demo’s rooms are forgotten, nothing is sent for them', async () => {
    const { first, room } = await demoWithRoomMidCall();
    const oldUrl = first.core.demo()?.rocketchat.url;
    // Killed mid call: the next run finds the data folder as it was at this moment.
    const data = join(dir, 'data');
    const after = join(dir, 'data-after-crash');
    cpSync(data, after, {
      recursive: true,
      filter: (source) => !source.slice(data.length).startsWith('/.'),
    });
    await first.stop();

    const second = await start(after);
    const demo = second.core.demo();
    expect(demo?.rocketchat.url).toBeDefined();
    expect(demo?.rocketchat.url).not.toBe(oldUrl);
    await waitFor(
      () => second.core.view().connection.state.status === 'connected',
      20_000,
      'the demo connected',
    );
    // The same demo (same seed) plays its first call again; a room of its own opens for it.
    await waitFor(
      () => rooms(second).some((r) => r.rid !== null && r.rid !== room.rid),
      20_000,
      'a room on the new demo server',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(rooms(second).filter((r) => r.rid === room.rid)).toEqual([]);
    const outbox = second.core.view().outbox.items;
    expect(outbox.filter((item) => item.state === 'failed')).toEqual([]);
    expect(outbox.filter((item) => item.reason?.includes('Waiting for'))).toEqual([]);
    const newRooms = new Set(demo?.rocketchat.rooms().map((r) => r._id));
    expect(newRooms.has(room.rid ?? '')).toBe(false);
    expect(rooms(second).every((r) => r.rid === null || newRooms.has(r.rid))).toBe(true);
  });

  it('leaving the demo forgets its rooms and what was queued for them', async () => {
    const { first } = await demoWithRoomMidCall();
    await first.core.handlers.signOut();
    expect(rooms(first)).toEqual([]);
    expect(
      first.core
        .view()
        .outbox.items.filter((item) => item.state !== 'sent' && item.target === 'rocketchat'),
    ).toEqual([]);
  });
});
