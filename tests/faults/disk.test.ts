/**
 * The data folder fills up, or turns read-only, while the app is busy: the app (in this process,
 * its data folder on a tiny tmpfs) keeps following calls, tells the agent once that it cannot
 * write, answers what it could not save in words where the agent acted, and picks up again by
 * itself once the folder takes writes: a queued action goes, the agent's next actions are saved
 * and delivered. Mounting needs root; elsewhere the file skips with the reason printed.
 *
 * The host's own start-up on such a folder and a settings change it cannot save are covered in
 * tests/integration/headless/data-folder.test.ts, a refused outbox file per room action in
 * tests/integration/rocketchat/disk.test.ts.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../shared/ipc/snapshot';
import {
  fillDisk,
  mountSmallDisk,
  remountReadOnly,
  remountReadWrite,
  smallDiskSkipReason,
  unmountSmallDisk,
} from '../support/small-disk';
import { waitFor } from '../support/wait';
import { answer, caller, type Caller } from './support/agent';
import { useRecoveryTimes } from './support/recovery';
import { AGENT, useFaultRig, type FaultApp, type Sims } from './support/rig';
import { FULL_CALL, drained, inStep, roomEvents, roomOf } from './support/state';

const reason = smallDiskSkipReason();
if (reason) console.warn(`[skip] fault suite, full or read-only data folder: ${reason}`);

const { sims, app, folder, after } = useFaultRig();
const recovery = useRecoveryTimes('disk');

/** The app on a 2 MB tmpfs, following a call whose room is open. */
async function appOnSmallDisk(): Promise<{
  disk: string;
  set: Sims;
  running: FaultApp;
  who: Caller;
}> {
  const disk = join(await folder(), 'disk');
  await mkdir(disk);
  mountSmallDisk(disk, 2048);
  after(() => unmountSmallDisk(disk));
  const set = await sims({ voicenter: { servers: 1 } });
  const running = await app(set, { dataDir: join(disk, 'data') });
  await waitFor(() => inStep(running.state(), set.voicenter), 20_000, 'connected');
  const who = caller('DISK-1', 1);
  await answer(running, set, who);
  return { disk, set, running, who };
}

/**
 * Fills the disk and keeps it full: what the app frees while it runs (a file replaced by an
 * atomic write) is taken again at once, as on a disk that something else is filling. Answers the
 * function that frees the space.
 */
function keepFull(disk: string): () => Promise<void> {
  fillDisk(disk);
  const timer = setInterval(() => fillDisk(disk), 10);
  return async () => {
    clearInterval(timer);
    await rm(join(disk, 'filler'), { force: true });
  };
}

const dataFolderNotices = (state: AppState) =>
  state.notices.filter((notice) => notice.id === 'data-folder');

/** The app still follows Voicenter: a call that rings elsewhere is on the board. */
async function stillFollowsCalls(running: FaultApp, set: Sims, ivrid: string): Promise<void> {
  set.voicenter.telephony.newCall(9876542, {
    ivrid,
    callerName: 'Still ringing',
    callerPhone: '972541239999',
    direction: 'Incoming',
  });
  await waitFor(
    () => running.state().board.some((ext) => ext.calls.some((c) => c.ivrid === ivrid)),
    20_000,
    'the board follows calls',
  );
  expect(inStep(running.state(), set.voicenter)).toBe(true);
}

/** The rest of the call, once the folder takes writes: the room ends up with the whole call. */
async function finishCall(running: FaultApp, set: Sims, who: Caller): Promise<void> {
  set.voicenter.telephony.hangup(AGENT, who.ivrid);
  await waitFor(() => running.state().rocketchat.pendingWrapUps.includes(who.ivrid), 20_000);
  await running.act('wrapUp', who.ivrid, { comment: 'Notes', tags: [] });
  await waitFor(() => roomOf(running.state(), who.ivrid)?.status === 'closed', 20_000);
  expect(roomEvents(set.rocketchat!, running.state(), who.ivrid)).toEqual(FULL_CALL);
}

describe.skipIf(reason !== null)('a data folder that stops taking writes', () => {
  it('full disk: keeps running, says so once, and resumes when there is space again', async () => {
    const { disk, set, running, who } = await appOnSmallDisk();
    const tel = set.voicenter.telephony;

    // A hold waits for Rocket.Chat, which is down; then the disk fills up.
    set.rocketchat!.setDown(true);
    tel.hold(AGENT, who.ivrid);
    const hold = () => running.state().outbox.items.find((i) => i.label.startsWith('Hold'));
    await waitFor(() => hold()?.state === 'waiting', 20_000, 'the hold waiting');
    const freeSpace = keepFull(disk);
    after(freeSpace);
    set.rocketchat!.setDown(false);
    // Rocket.Chat is back, but "sending" cannot be written first: the hold waits, and says why.
    await waitFor(
      () => /could not save its queue \(the disk is full\)/.test(hold()?.reason ?? ''),
      20_000,
      'the strip says the queue cannot be saved',
    );

    // What the agent does now is refused in words where they did it.
    tel.unhold(AGENT, who.ivrid);
    await waitFor(
      () =>
        /^Unhold could not be saved \(the disk is full\)/.test(
          roomOf(running.state(), who.ivrid)?.lastError ?? '',
        ),
      20_000,
      'the room says the unhold was not saved',
    );
    // The unhold is mirrored to SignalWire too: nobody clicked anything, so the SignalWire
    // history is where the agent reads that it was not sent.
    await waitFor(
      () => {
        const mirrored = running
          .state()
          .signalwire.history.find((entry) => entry.type === 'ringside.call.unhold');
        return (
          mirrored?.state === 'failed' &&
          /could not be saved \(the disk is full\)/i.test(mirrored.result ?? '')
        );
      },
      20_000,
      'the SignalWire history says the mirrored unhold was not saved',
    );
    const event = await running.call('sendSignalWireEvent', who.ivrid, '{"type": "x"}');
    expect(event).toMatchObject({ ok: false, error: { code: 'not-saved' } });
    expect(event.ok ? '' : event.error.message).toMatch(/could not save .*the disk is full/);
    const setting = await running.call('updateSettings', { notifications: { enabled: true } });
    expect(setting).toMatchObject({ ok: false, error: { code: 'not-saved' } });
    expect(setting.ok ? '' : setting.error.message).toMatch(/the disk is full/);
    await stillFollowsCalls(running, set, 'DISK-ELSEWHERE');
    await waitFor(() => dataFolderNotices(running.state()).length === 1, 20_000, 'told');
    expect(dataFolderNotices(running.state())[0]?.text).toMatch(/the disk is full/);

    const watch = recovery.start('full disk', 'space freed');
    await freeSpace();
    await waitFor(() => hold()?.state === 'sent', 30_000, 'the waiting hold delivered');
    watch.stop('the queued hold delivered');

    // The agent catches up from the room; everything is saved and goes again.
    await running.act('roomAction', who.ivrid, 'unhold');
    await running.act('sendSignalWireEvent', who.ivrid, '{"type": "x"}');
    await waitFor(() => drained(running.state()), 20_000, 'delivered');
    await finishCall(running, set, who);
    // Told once, not once per refused write.
    expect(dataFolderNotices(running.state())).toHaveLength(1);
  });

  it('read-only folder: runs on what it stored, says so once, and resumes when writable again', async () => {
    // A running app keeps files open for writing, so the kernel will not turn its folder
    // read-only under it: the folder is read-only when the app starts (a locked profile share).
    const disk = join(await folder(), 'disk');
    await mkdir(disk);
    mountSmallDisk(disk, 2048);
    after(() => unmountSmallDisk(disk));
    const set = await sims({ voicenter: { servers: 1 } });
    const dataDir = join(disk, 'data');
    const first = await app(set, { dataDir });
    await waitFor(() => inStep(first.state(), set.voicenter), 20_000, 'first run connected');
    await first.stop();
    remountReadOnly(disk);

    const running = await app(set, { dataDir });
    await waitFor(() => inStep(running.state(), set.voicenter), 20_000, 'connected');
    await waitFor(() => dataFolderNotices(running.state()).length === 1, 20_000, 'told');
    expect(dataFolderNotices(running.state())[0]?.text).toMatch(/read-only/);
    const who = caller('RO-1', 1);
    set.voicenter.telephony.newCall(AGENT, {
      ivrid: who.ivrid,
      callerName: who.name,
      callerPhone: who.phone,
      direction: 'Incoming',
    });
    await waitFor(() => running.state().calls.currentCall?.call.ivrid === who.ivrid, 20_000);
    set.voicenter.telephony.answer(AGENT, who.ivrid);
    // The room would open by itself; it cannot be saved, and the room says so.
    await waitFor(
      () =>
        /^Opening the room could not be saved \(the disk is read-only\)/.test(
          roomOf(running.state(), who.ivrid)?.lastError ?? '',
        ),
      20_000,
      'the room says it could not be opened',
    );
    await stillFollowsCalls(running, set, 'RO-ELSEWHERE');

    const watch = recovery.start('read-only folder', 'folder writable again');
    remountReadWrite(disk);
    await running.act('openRoom', who.ivrid);
    await waitFor(() => roomOf(running.state(), who.ivrid)?.status === 'open', 20_000);
    watch.stop("the agent's room opened");

    set.voicenter.telephony.hold(AGENT, who.ivrid);
    set.voicenter.telephony.unhold(AGENT, who.ivrid);
    await waitFor(() => roomEvents(set.rocketchat!, running.state(), who.ivrid).length === 2);
    await finishCall(running, set, who);
    expect(dataFolderNotices(running.state())).toHaveLength(1);
  });
});
