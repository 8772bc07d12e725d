import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RocketChatSim } from '../../../electron/sim/rocketchat';
import { useRig, type AppRun } from './harness';
import { rejection } from './helpers';

/**
 * The disk refuses to save the outbox (full, read-only; here the file is turned into a folder, which
 * refuses the atomic rename the same way): no room action may vanish or be called "discarded".
 * The agent is told, in words, what was not saved, and can do it again once the disk is back.
 */
const { signedInApp } = useRig();

const types = (s: RocketChatSim, rid: string) => s.messages(rid).map((m) => m.t);

async function withBrokenDisk(run: AppRun): Promise<{ heal: () => Promise<void> }> {
  const file = join(run.profile.dir, 'outbox.json');
  await run.outbox.flush();
  await rm(file, { force: true });
  await mkdir(file);
  return { heal: () => rm(file, { recursive: true, force: true }) };
}

describe('a disk that refuses the outbox', () => {
  it('keeps the room honest: hold, end and wrap-up say they were not saved, and go once it can', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    await run.calls.ring('DISK-1', '0529000001', 'Disk');
    await run.calls.answer('DISK-1');
    await run.settled();
    const rid = run.rid('DISK-1');
    const disk = await withBrokenDisk(run);

    // Keep-in-step cannot save the hold: the room says so and does not pretend it is on hold.
    await run.calls.hold('DISK-1');
    expect(run.room('DISK-1')).toMatchObject({ held: false, status: 'open' });
    expect(run.room('DISK-1')?.lastError).toMatch(
      /^Hold could not be saved \(the disk refused the write \(EISDIR\)\), so it was not sent\./,
    );
    // The agent's own button gets the same words.
    const pressed = await rejection(run.service.handlers.roomAction('DISK-1', 'hold'));
    expect(pressed).toMatchObject({ code: 'not-saved' });

    // The call ends; its end cannot be saved either, so it waits for the wrap-up.
    await run.calls.hangup('DISK-1');
    expect(run.room('DISK-1')).toMatchObject({ ended: false, needsWrapUp: true });
    expect(run.room('DISK-1')?.lastError).toContain('The end of the call could not be saved');

    // The wrap-up is refused as a whole: the room stays open and waits for it.
    const refused = await rejection(
      run.service.handlers.wrapUp('DISK-1', { comment: 'Notes', tags: ['billing'] }),
    );
    expect(refused).toMatchObject({ code: 'not-saved' });
    expect((refused as Error).message).toContain('The wrap-up could not be saved');
    expect(run.room('DISK-1')).toMatchObject({ status: 'open', needsWrapUp: true });
    expect(run.outbox.view().items.filter((i) => i.state !== 'sent')).toEqual([]);
    expect(run.room('DISK-1')?.lastError).not.toContain('discarded');

    await disk.heal();
    await run.service.handlers.wrapUp('DISK-1', { comment: 'Notes', tags: ['billing'] });
    await run.settled();
    expect(types(s, rid)).toEqual(['voip-call-ended', 'voip-call-duration', 'voip-call-wrapup']);
    expect(run.room('DISK-1')).toMatchObject({ status: 'closed', lastError: null });
  });

  it('a room that could not be opened says so, stays so when other actions move, and opens later', async () => {
    const { s, run } = await signedInApp();
    await run.service.handlers.updateRocketChatSettings({ autoOpenRoom: true });
    const disk = await withBrokenDisk(run);
    await run.calls.ring('DISK-2', '0529000002', 'Disk two');
    await run.calls.answer('DISK-2');
    const notSaved = 'Opening the room could not be saved (the disk refused the write (EISDIR))';
    expect(run.room('DISK-2')).toMatchObject({ status: 'failed' });
    expect(run.room('DISK-2')?.lastError).toContain(notSaved);
    const opened = await rejection(run.service.handlers.openRoom('DISK-2'));
    expect(opened).toMatchObject({ code: 'not-saved' });

    await disk.heal();
    // Another call's room moves the outbox along; the first room's words do not turn into "discarded".
    await run.calls.ring('DISK-3', '0529000003', 'Disk three');
    await run.calls.answer('DISK-3');
    await run.settled();
    expect(run.room('DISK-2')?.lastError).toContain(notSaved);

    await run.service.handlers.openRoom('DISK-2');
    await run.settled();
    expect(run.room('DISK-2')).toMatchObject({ status: 'open', lastError: null });
    expect(s.rooms().filter((room) => room.open)).toHaveLength(2);
  });
});
