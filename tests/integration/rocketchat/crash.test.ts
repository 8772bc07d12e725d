import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RocketChatSim } from '../../../electron/sim/rocketchat';
import { waitFor } from '../../support/wait';
import { dyingFetch, useRig, type AppRun, type Profile } from './harness';

/**
 * Ringside killed in the middle of a call: the next start finds the room and the outbox as the
 * disk kept them (copied at the moment of the kill) and the call as Voicenter tells it then. The
 * room must end up holding exactly what happened, once each, and the agent must be told what
 * could not be known.
 */
const { sim, profile, app, crashed } = useRig();

const types = (s: RocketChatSim, rid: string) => s.messages(rid).map((m) => m.t);
const isEvent = (event: string) => (url: string, body: string) =>
  url.endsWith('/api/v1/voip/events') && body.includes(`"${event}"`);

/** A signed-in app whose network dies at the first request `fatal` picks. */
async function appThatDies(
  fatal: (url: string, body: string) => boolean,
  at: 'before' | 'after',
): Promise<{ s: RocketChatSim; run: AppRun; died: Promise<Profile> }> {
  const s = await sim();
  const p = await profile();
  const dying = dyingFetch(() => p, fatal, at, crashed);
  const run = await app(p, { fetch: dying.fetch });
  await run.signInAgent(s);
  await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
  return { s, run, died: dying.died };
}

/** Rings, answers (the room opens by itself) and waits until the room is open on the server. */
async function answeredCall(run: AppRun, ivrid: string): Promise<string> {
  await run.calls.ring(ivrid, '0528000001', `Caller ${ivrid}`);
  await run.calls.answer(ivrid);
  await run.settled();
  return run.rid(ivrid);
}

const itemLabelled = (run: AppRun, label: string) =>
  run.outbox.view().items.find((item) => item.label.startsWith(label));

describe('an action in flight when Ringside is killed', () => {
  it('had reached the room: it is found there and not sent again', async () => {
    const { s, run: first, died } = await appThatDies(isEvent('voip-call-on-hold'), 'after');
    const rid = await answeredCall(first, 'INF-1');
    const call = first.calls.call('INF-1');
    await first.calls.hold('INF-1');
    const disk = await died;
    await first.stop();
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);

    const second = await app(disk);
    await second.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    expect(s.requests().some((r) => r.path === '/api/v1/chat.syncMessages')).toBe(true);
    expect(itemLabelled(second, 'Hold')).toMatchObject({ state: 'sent', doubt: 'found' });

    // The call goes on in the new run; the room follows it, each event once.
    second.calls.know({ ...call, status: 'hold' });
    await second.calls.snapshot();
    await second.calls.unhold('INF-1');
    await second.calls.hangup('INF-1');
    await second.service.handlers.wrapUp('INF-1', { comment: 'Notes', tags: [] });
    await second.settled();
    expect(types(s, rid)).toEqual([
      'voip-call-on-hold',
      'voip-call-unhold',
      'voip-call-ended',
      'voip-call-duration',
      'voip-call-wrapup',
    ]);
  });

  it('had not left the machine: the room does not have it, so it is sent, once', async () => {
    const { s, run: first, died } = await appThatDies(isEvent('voip-call-on-hold'), 'before');
    const rid = await answeredCall(first, 'INF-2');
    await first.calls.hold('INF-2');
    const disk = await died;
    await first.stop();
    expect(types(s, rid)).toEqual([]);

    const second = await app(disk);
    await second.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    expect(itemLabelled(second, 'Hold')).toMatchObject({ state: 'sent', doubt: null });
  });

  it('cannot be looked up (a proxy lets only the VoIP routes through): sent again and marked', async () => {
    const { s, run: first, died } = await appThatDies(isEvent('voip-call-on-hold'), 'after');
    const rid = await answeredCall(first, 'INF-3');
    await first.calls.hold('INF-3');
    const disk = await died;
    await first.stop();

    // The same server behind a proxy that answers 404 for everything but the routes it knows.
    const proxied: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes('/api/v1/chat.')
        ? Promise.resolve(new Response('<html>404 Not Found</html>', { status: 404 }))
        : fetch(input, init);
    const second = await app(disk, { fetch: proxied });
    await second.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold', 'voip-call-on-hold']);
    expect(itemLabelled(second, 'Hold')).toMatchObject({ state: 'sent', doubt: 'maybe-twice' });
  });

  it('lost its answer (the connection dropped after the server acted): checked, not doubled', async () => {
    const s = await sim();
    let drop = true;
    // Real requests; the first hold's answer is lost on the way back, as with a dropped connection.
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      const body = typeof init?.body === 'string' ? init.body : '';
      if (drop && isEvent('voip-call-on-hold')(url, body)) {
        drop = false;
        await response.text();
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      }
      return response;
    };
    const run = await app(undefined, { fetch: flaky });
    await run.signInAgent(s);
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    const rid = await answeredCall(run, 'INF-4');
    await run.calls.hold('INF-4');
    await run.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    expect(itemLabelled(run, 'Hold')).toMatchObject({ attempts: 2, doubt: 'found' });
  });
});

describe('a call that ends while Ringside is not running', () => {
  /** A signed-in app whose call is answered (room open) and on hold when it is killed. */
  async function killedOnHold(ivrid: string) {
    const s = await sim();
    const p = await profile();
    const first = await app(p);
    await first.signInAgent(s);
    await first.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    const rid = await answeredCall(first, ivrid);
    const call = first.calls.call(ivrid);
    await first.calls.hold(ivrid);
    await first.settled();
    const disk = crashed(p);
    await first.stop();
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    return { s, rid, call, disk };
  }

  it('waits for the first snapshot, then sends the end, says its time is unknown and offers the wrap-up', async () => {
    const { s, rid, disk } = await killedOnHold('AWAY-1');
    const second = await app(disk);
    await second.settled();
    // Before Voicenter has said which calls are live, nothing is decided.
    expect(second.room('AWAY-1')).toMatchObject({ callActive: true, needsWrapUp: false });
    expect(second.outbox.view().items.filter((i) => i.state !== 'sent')).toEqual([]);

    await second.calls.snapshot();
    await second.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold', 'voip-call-ended']);
    expect(second.room('AWAY-1')).toMatchObject({
      callActive: false,
      held: false,
      ended: true,
      endUnknown: true,
      needsWrapUp: true,
    });
    expect(second.service.view().pendingWrapUps).toEqual(['AWAY-1']);
    const onDisk = JSON.parse(
      await readFile(join(second.profile.dir, 'rocketchat-rooms.json'), 'utf8'),
    ) as { rooms: { ivrid: string; callActive: boolean }[] };
    expect(onDisk.rooms.find((r) => r.ivrid === 'AWAY-1')?.callActive).toBe(false);

    // A later snapshot (a reconnect) changes nothing more.
    await second.calls.snapshot();
    await second.service.handlers.wrapUp('AWAY-1', { comment: 'Called back', tags: ['support'] });
    await second.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold', 'voip-call-ended', 'voip-call-wrapup']);
    expect(second.room('AWAY-1')?.status).toBe('closed');
  });

  it('sends the duration Voicenter reported, when it reported the end before the snapshot', async () => {
    const { s, rid, call, disk } = await killedOnHold('AWAY-2');
    const second = await app(disk);
    // Voicenter describes the hang-up of a call this run never saw, then sends its snapshot.
    second.calls.know({ ...call, status: 'hold' });
    await second.calls.hangup('AWAY-2', (call.answeredAt ?? 0) + 42_000);
    expect(second.room('AWAY-2')?.callActive).toBe(true);
    await second.calls.snapshot();
    await second.settled();
    const messages = s.messages(rid);
    expect(messages.map((m) => m.t)).toEqual([
      'voip-call-on-hold',
      'voip-call-ended',
      'voip-call-duration',
    ]);
    expect(messages.at(-1)?.msg).toBe('42');
    expect(second.room('AWAY-2')).toMatchObject({ endUnknown: false, needsWrapUp: true });
  });

  it('a call still up after the restart keeps its room; a hold it missed is sent, once', async () => {
    const { s, run: first, died } = await appThatDies(isEvent('voip-call-on-hold'), 'before');
    const rid = await answeredCall(first, 'LIVE-1');
    const call = first.calls.call('LIVE-1');
    await first.calls.hold('LIVE-1');
    const disk = await died;
    await first.stop();

    const second = await app(disk);
    second.calls.know({ ...call, status: 'hold' });
    await second.calls.snapshot();
    await second.settled();
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    expect(second.room('LIVE-1')).toMatchObject({ callActive: true, held: true, ended: false });
  });

  it('a call put on hold while Ringside was down: the room is told once the snapshot shows it', async () => {
    const s = await sim();
    const p = await profile();
    const first = await app(p);
    await first.signInAgent(s);
    await first.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    const rid = await answeredCall(first, 'LIVE-2');
    const call = first.calls.call('LIVE-2');
    const disk = crashed(p);
    await first.stop();

    const second = await app(disk);
    second.calls.know({ ...call, status: 'hold' });
    await second.calls.snapshot();
    await second.settled();
    await waitFor(() => types(s, rid).length === 1, 10_000, 'hold sent');
    expect(types(s, rid)).toEqual(['voip-call-on-hold']);
    expect(second.room('LIVE-2')?.held).toBe(true);
  });
});
