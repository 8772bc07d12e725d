/**
 * `kill -9` of Ringside (the headless host as its own process) with actions queued and in flight,
 * then a new start on the same data folder, against simulators that outlived it. Queued actions
 * are delivered; one in flight is looked for on the server (Rocket.Chat) or sent again and marked
 * "may have been sent twice" (SignalWire, which cannot be asked); rooms are brought to what
 * Voicenter says when the app is back, including a call that ended while it was dead.
 *
 * The same guarantees are checked piece by piece, with a copied data folder standing in for the
 * kill, in tests/integration/rocketchat/crash.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PersistedOutbox } from '../../electron/core/outbox/types';
import { waitFor, waitForAsync } from '../support/wait';
import { answer, caller, type Caller } from './support/agent';
import { useRecoveryTimes } from './support/recovery';
import { AGENT, useFaultRig, type ProcessApp } from './support/rig';
import { drained, inStep, roomEvents, roomOf, signalWireDeliveries } from './support/state';

const { sims, folder, appProcess, gate } = useFaultRig();
const recovery = useRecoveryTimes('crash');

/** What the killed app had on disk. */
async function outboxOnDisk(dataDir: string): Promise<PersistedOutbox['records']> {
  try {
    const text = await readFile(join(dataDir, 'outbox.json'), 'utf8');
    return (JSON.parse(text) as PersistedOutbox).records;
  } catch {
    return [];
  }
}

const labelled = (records: PersistedOutbox['records'], label: RegExp) =>
  records.filter((record) => label.test(record.action.label));

describe('kill -9 with actions queued and in flight', () => {
  it('a new start delivers the queued ones, checks or marks the ones in flight, and brings the rooms to the truth', async () => {
    const set = await sims({ voicenter: { servers: 1 } });
    const rc = set.rocketchat!;
    const sw = set.signalwire!;
    const dataDir = join(await folder(), 'data');
    // Rocket.Chat behind a proxy, which can keep a request on its way for as long as a test needs.
    const proxy = await gate(rc.url);
    const options = { rocketchatUrl: proxy.origin };
    // Requests are given all the time in the world: they are still out when Ringside is killed.
    const first: ProcessApp = await appProcess(set, dataDir, { ...options, restTimeoutMs: 60_000 });
    await waitFor(() => inStep(first.state(), set.voicenter), 20_000, 'first run connected');
    const ending: Caller = caller('CRASH-1', 1);
    const staying: Caller = caller('CRASH-2', 2);
    await answer(first, set, staying);
    await answer(first, set, ending);
    await first.act('sendSignalWireEvent', ending.ivrid, '{"type": "order.confirmed"}');
    await waitFor(() => drained(first.state()), 20_000, 'first actions delivered');

    // The hold is on its way to both servers when Ringside dies: Rocket.Chat's waits at the
    // proxy, SignalWire acts on its and the answer never comes.
    proxy.holdWhen(
      (request) =>
        request.path === '/api/v1/voip/events' && request.body.includes('voip-call-on-hold'),
    );
    sw.failNext(1, 'hang', { apply: true });
    const tel = set.voicenter.telephony;
    tel.hold(AGENT, ending.ivrid);
    tel.unhold(AGENT, ending.ivrid);
    await first.act('sendSignalWireEvent', ending.ivrid, '{"type": "survey.requested"}');
    // Killed once the disk says the hold is being sent and the rest is queued behind it.
    await waitFor(
      () => sw.journal().some((entry) => entry.fault === 'hang') && proxy.held().length === 1,
      20_000,
      'the hold on its way to both',
    );
    let onDisk: PersistedOutbox['records'] = [];

    const ready = async (): Promise<boolean> => {
      onDisk = await outboxOnDisk(dataDir);
      const holds = labelled(onDisk, /^(Hold|SignalWire event ringside\.call\.hold)/);
      const queued = labelled(onDisk, /^(Unhold|SignalWire event (ringside\.call\.unhold|survey))/);
      return (
        holds.length === 2 &&
        holds.every((record) => record.state === 'sending') &&
        queued.length === 3 &&
        queued.every((record) => record.state === 'queued')
      );
    };
    await waitForAsync(ready, 20_000, 'the hold in flight on disk, the rest queued');
    expect(first.process.exit()).toBeNull();
    await first.kill();

    // While Ringside is dead: the hold reaches Rocket.Chat, which acts on it; the caller hangs up.
    await proxy.release();
    const rid = roomOf(first.state(), ending.ivrid)?.rid ?? '';
    expect(rc.messages(rid).map((message) => message.t)).toEqual(['voip-call-on-hold']);
    tel.hangup(AGENT, ending.ivrid);

    const watch = recovery.start('kill -9 mid-delivery', 'new start on the same data folder');
    const second = await appProcess(set, dataDir, options);
    await waitFor(
      () => {
        const state = second.state();
        return (
          inStep(state, set.voicenter) &&
          drained(state) &&
          state.rocketchat.pendingWrapUps.includes(ending.ivrid)
        );
      },
      30_000,
      'delivered, and the rooms as Voicenter says',
    );
    watch.stop('queued actions delivered, rooms at the truth');

    const state = second.state();
    // The hold had reached the room: found there, not sent again.
    const hold = state.outbox.items.find((item) => item.label.startsWith('Hold'));
    expect(hold).toMatchObject({ state: 'sent', doubt: 'found' });
    // The call ended while Ringside was dead: the room got its end (time unknown) and waits for
    // the wrap-up; the other call is still up and its room stays open.
    expect(roomOf(state, ending.ivrid)).toMatchObject({ ended: true, endUnknown: true });
    expect(roomOf(state, staying.ivrid)).toMatchObject({ status: 'open', callActive: true });
    await second.act('wrapUp', ending.ivrid, { comment: 'Called back later', tags: [] });
    await waitFor(() => roomOf(second.state(), ending.ivrid)?.status === 'closed', 20_000);
    expect(roomEvents(rc, second.state(), ending.ivrid)).toEqual([
      'voip-call-on-hold',
      'voip-call-unhold',
      'voip-call-ended',
      'voip-call-wrapup',
    ]);
    expect(roomEvents(rc, second.state(), staying.ivrid)).toEqual([]);

    // SignalWire cannot be asked: the hold went again, with the same event_id, and both the strip
    // and the SignalWire history say it may have arrived twice. The rest arrived once, in order.
    const swHold = state.outbox.items.find((item) => item.label.endsWith('ringside.call.hold'));
    expect(swHold).toMatchObject({ state: 'sent', doubt: 'maybe-twice' });
    const entry = state.signalwire.history.find((e) => e.type === 'ringside.call.hold');
    expect(entry?.possibleDuplicate).toBe(true);
    const eventIdOf = (type: string): string => {
      const record = onDisk.find((r) => r.action.label === `SignalWire event ${type}`);
      return (record?.action.payload as { eventId?: string } | undefined)?.eventId ?? '';
    };
    const { eventIds } = signalWireDeliveries([sw], ending.signalwireCallId);
    expect(eventIds.slice(1)).toEqual([
      eventIdOf('ringside.call.hold'),
      eventIdOf('ringside.call.hold'),
      eventIdOf('ringside.call.unhold'),
      eventIdOf('survey.requested'),
    ]);
    // No crash: the new run is still up (the first one ran until it was killed).
    expect(second.process.exit()).toBeNull();
  });
});
