import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serverOfAction } from '../../../../../electron/core/integrations/rocketchat/actions';
import { silentLogger } from '../../../../../electron/core/logging';
import { RoomRegistry } from '../../../../../electron/core/integrations/rocketchat/room-registry';
import {
  belongsTo,
  normaliseServerUrl,
  sameServer,
  serverLabel,
  waitingForWords,
  type ServerRef,
} from '../../../../../electron/core/integrations/rocketchat/server-ref';

const ref = (patch: Partial<ServerRef> = {}): ServerRef => ({
  url: 'https://chat.example.com',
  userId: 'u1',
  username: 'alice',
  demo: false,
  ...patch,
});

describe('which server a room belongs to', () => {
  it('is the normalised address and the account: another account there is another server', () => {
    expect(normaliseServerUrl('https://Chat.Example.com/rc/')).toBe('https://chat.example.com/rc');
    expect(sameServer(ref(), ref({ username: 'renamed', demo: true }))).toBe(true);
    expect(sameServer(ref(), ref({ userId: 'u2' }))).toBe(false);
    expect(sameServer(ref(), ref({ url: 'https://other.example.com' }))).toBe(false);
  });

  it('treats a record that does not say as belonging to the server Ringside is on, unless that is the demo’s', () => {
    expect(belongsTo(null, ref())).toBe(true);
    expect(belongsTo(null, ref({ demo: true }))).toBe(false);
    expect(belongsTo(ref({ userId: 'u2' }), ref())).toBe(false);
  });

  it('names the server as the agent knows it', () => {
    expect(serverLabel(ref())).toBe('chat.example.com (as alice)');
    expect(serverLabel(ref({ url: 'http://127.0.0.1:3000/rc', username: '' }))).toBe(
      '127.0.0.1:3000/rc',
    );
    expect(waitingForWords(ref())).toBe(
      'Waiting for chat.example.com (as alice) — sign in there to send it.',
    );
  });

  it('reads an action’s server, and none from an action queued by an older version', () => {
    expect(serverOfAction({ ivrid: 'A', event: 'voip-call-ended', server: ref() })).toEqual(ref());
    expect(serverOfAction({ ivrid: 'A', event: 'voip-call-ended' })).toBeNull();
    expect(serverOfAction(null)).toBeNull();
  });
});

describe('the room registry and servers', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A registry file as versions from before rooms knew their server wrote it. */
  async function olderFile(): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'ringside-registry-'));
    const path = join(dir, 'rocketchat-rooms.json');
    const room = {
      ivrid: 'OLD-1',
      direction: 'inbound',
      callerPhone: '0501234567',
      callerName: 'Dana',
      visitorToken: 'tok',
      rid: 'rid-1',
      visitorName: 'Dana',
      agent: 'alice',
      status: 'open',
      lastError: null,
      answeredAt: 1,
      endedAt: null,
      callActive: true,
      held: false,
      endQueued: false,
      openActionId: 'a1',
      closeActionId: null,
      createdAt: 1,
      updatedAt: 1,
    };
    await writeFile(
      path,
      JSON.stringify({
        version: 1,
        serverUrl: 'https://chat.example.com',
        rooms: [room],
        visitors: { '+972501234567': { token: 'tok', name: 'Dana', at: 1 } },
      }),
    );
    return path;
  }

  it('loads older rooms without a server; the first server signed in to adopts them', async () => {
    const path = await olderFile();
    const registry = new RoomRegistry(path, silentLogger, () => 2);
    await registry.load();
    expect(registry.get('OLD-1')?.server).toBeNull();

    await registry.useServer(ref());
    expect(registry.get('OLD-1')?.server).toEqual(ref());
    // Same address: its visitors are still good.
    expect(registry.visitor('+972501234567')?.token).toBe('tok');
    const saved = JSON.parse(await readFile(path, 'utf8')) as { rooms: { server: unknown }[] };
    expect(saved.rooms[0]?.server).toEqual(ref());

    // Signing in elsewhere later does not take the room along.
    await registry.useServer(ref({ url: 'https://other.example.com' }));
    expect(registry.get('OLD-1')?.server).toEqual(ref());
    expect(registry.visitor('+972501234567')).toBeUndefined();
  });

  it('never lets the demo’s server adopt older rooms; forgets the rooms of a server that is gone', async () => {
    const path = await olderFile();
    const registry = new RoomRegistry(path, silentLogger, () => 2);
    await registry.load();
    await registry.useServer(ref({ demo: true }));
    expect(registry.get('OLD-1')?.server).toBeNull();

    await registry.update('OLD-1', { server: ref({ demo: true }) });
    const dropped = await registry.forget((room) => room.server?.demo === true);
    expect(dropped.map((room) => room.ivrid)).toEqual(['OLD-1']);
    expect(registry.all()).toEqual([]);
    const saved = JSON.parse(await readFile(path, 'utf8')) as { rooms: unknown[] };
    expect(saved.rooms).toEqual([]);
  });
});
