/**
 * Rocket.Chat and SignalWire failing while the agent works through calls, through the whole app:
 * the headless host signed in to the three simulators, the agent answering on the phone, holding,
 * resuming, hanging up, wrapping up, sending a SignalWire event and ending the SignalWire call.
 * Both REST servers fail the same way at once. Afterwards every room holds the agent's events
 * once and in order, SignalWire got every event once (or the app says it may have got it twice,
 * where the spec says it cannot be asked), and the agent was told in words while it lasted.
 *
 * Service-level versions of these faults (exact retry schedules, the doubt check's requests) are
 * in tests/integration/rocketchat/faults.test.ts and tests/integration/signalwire/outbox.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { SignalWireSim } from '../../electron/sim/signalwire';
import type { AppState } from '../../shared/ipc/snapshot';
import { waitFor } from '../support/wait';
import { answer, caller, workThroughCall, type Caller } from './support/agent';
import { useRecoveryTimes } from './support/recovery';
import { REST_TIMEOUT_MS, useFaultRig, type FaultApp, type Sims } from './support/rig';
import {
  FULL_CALL,
  drained,
  inStep,
  roomEvents,
  roomOf,
  signalWireDeliveries,
  signalWireProblem,
} from './support/state';

const { sims, app, reopenSignalWire } = useFaultRig();
const recovery = useRecoveryTimes('rest');

/** The app running and signed in everywhere, with `count` calls answered and their rooms open. */
async function callsUnderWay(
  set: Sims,
  count: number,
): Promise<{ running: FaultApp; calls: Caller[] }> {
  const running = await app(set);
  await waitFor(() => inStep(running.state(), set.voicenter), 20_000, 'connected');
  const calls = Array.from({ length: count }, (_, i) => caller(`REST-${i + 1}`, i + 1));
  for (const who of calls) await answer(running, set, who);
  return { running, calls };
}

const rcItems = (state: AppState) => state.outbox.items.filter((i) => i.target === 'rocketchat');
const swEntries = (state: AppState) => state.signalwire.history;

/** Every room closed with the whole call in it, once each; SignalWire as the app says. */
function expectDelivered(
  running: FaultApp,
  set: Sims,
  calls: readonly Caller[],
  signalwires: readonly SignalWireSim[],
): void {
  const state = running.state();
  for (const who of calls) {
    expect(roomEvents(set.rocketchat!, state, who.ivrid), who.ivrid).toEqual(FULL_CALL);
    expect(roomOf(state, who.ivrid)).toMatchObject({ status: 'closed', lastError: null });
    const deliveries = signalWireDeliveries(signalwires, who.signalwireCallId);
    expect(signalWireProblem(state, deliveries, who.signalwireCallId), who.ivrid).toBeNull();
  }
  // One visitor per caller: no retry created a second one.
  expect(set.rocketchat!.visitors()).toHaveLength(calls.length);
}

const settled = (running: FaultApp, calls: readonly Caller[]) => () => {
  const state = running.state();
  return (
    drained(state) &&
    calls.every((who) => roomOf(state, who.ivrid)?.status === 'closed') &&
    swEntries(state).every((entry) => entry.state === 'sent')
  );
};

describe('Rocket.Chat and SignalWire faults while the agent works', () => {
  it('both servers down: the actions wait, the agent is told, and they go once each when back', async () => {
    const set = await sims({ voicenter: { servers: 1 } });
    const { running, calls } = await callsUnderWay(set, 1);
    const [who] = calls as [Caller];
    const firstSignalWire = set.signalwire!;

    set.rocketchat!.setDown(true);
    await firstSignalWire.close();
    // A second call is answered while they are down: its room cannot even be opened yet.
    const later = caller('REST-2', 2);
    calls.push(later);
    await answer(running, set, later, { roomOpen: false });
    await workThroughCall(running, set, who);
    await workThroughCall(running, set, later);
    await waitFor(
      () => {
        const state = running.state();
        return (
          rcItems(state).some(
            (i) => i.state === 'waiting' && /cannot reach Rocket\.Chat/.test(i.reason ?? ''),
          ) &&
          swEntries(state).some(
            (e) => e.state === 'waiting' && /Could not reach SignalWire/.test(e.result ?? ''),
          )
        );
      },
      20_000,
      'the strip says both are unreachable',
    );
    // The connection dropped under a room event: the strip says it checks before sending again.
    expect(rcItems(running.state()).some((i) => i.doubt === 'unresolved')).toBe(true);
    // What waits for the room to open says so, and calls nothing failed: nothing has.
    expect(rcItems(running.state()).map((i) => i.reason)).toContain(
      `Waiting for "Open room · ${later.name}" to be sent first.`,
    );
    expect(running.state().outbox.items.some((i) => /failed/.test(i.reason ?? ''))).toBe(false);

    const watch = recovery.start('Rocket.Chat and SignalWire down', 'both servers back');
    set.rocketchat!.setDown(false);
    const secondSignalWire = await reopenSignalWire(set);
    await waitFor(settled(running, calls), 30_000, 'everything delivered');
    watch.stop('outbox drained, room closed');

    expectDelivered(running, set, calls, [firstSignalWire, secondSignalWire]);
    // Nothing reached SignalWire while it was down, so nothing is marked as possibly doubled.
    expect(swEntries(running.state()).some((e) => e.possibleDuplicate)).toBe(false);
  });

  it('both servers slow (every request times out): checked or marked, never silently doubled', async () => {
    const set = await sims({ voicenter: { servers: 1 } });
    const { running, calls } = await callsUnderWay(set, 1);
    const [who] = calls as [Caller];
    // Longer than the app waits; a room event the app gave up on still lands in the room.
    set.rocketchat!.latency(REST_TIMEOUT_MS + 500);
    set.signalwire!.setLatency(REST_TIMEOUT_MS + 500);
    await workThroughCall(running, set, who);
    await waitFor(
      () => {
        const state = running.state();
        return (
          rcItems(state).some(
            (i) => i.doubt === 'unresolved' && /did not answer in time/.test(i.reason ?? ''),
          ) &&
          swEntries(state).some((e) => /No answer from SignalWire in time/.test(e.result ?? ''))
        );
      },
      20_000,
      'the strip says both time out',
    );

    const watch = recovery.start('Rocket.Chat and SignalWire slow', 'both answer promptly again');
    set.rocketchat!.latency(0);
    set.signalwire!.setLatency(0);
    await waitFor(settled(running, calls), 30_000, 'everything delivered');
    watch.stop('outbox drained, room closed');

    expectDelivered(running, set, calls, [set.signalwire!]);
    // The first SignalWire event timed out, so SignalWire may have it twice: the app says so.
    const first = swEntries(running.state()).at(-1);
    expect(first).toMatchObject({ type: 'order.confirmed', possibleDuplicate: true });
    // The room events that timed out were looked for in the room before being sent again.
    expect(set.rocketchat!.requests().some((r) => r.path === '/api/v1/chat.syncMessages')).toBe(
      true,
    );
  });

  it('a 429 storm over three calls at once: every action waits its turn and goes once', async () => {
    const window = { windowMs: 1_000 };
    const set = await sims({
      voicenter: { servers: 1 },
      rocketchat: {
        rateLimits: {
          default: { limit: 3, ...window },
          'voip/room': { limit: 1, ...window },
          'livechat/visitor': { limit: 1, ...window },
        },
      },
    });
    const { running, calls } = await callsUnderWay(set, 3);

    const watch = recovery.start('429 storm (3 calls)', 'storm began');
    // On top of the server's own limits, a limiter in front refuses a burst, as does SignalWire.
    set.rocketchat!.failNext(4, 429);
    set.signalwire!.failNext(6, 429, { retryAfter: 1 });
    for (const who of calls) await workThroughCall(running, set, who);
    await waitFor(
      () => {
        const state = running.state();
        return (
          rcItems(state).some((i) => /slow down/.test(i.reason ?? '')) &&
          swEntries(state).some((e) => /limiting the rate of requests \(429\)/.test(e.result ?? ''))
        );
      },
      20_000,
      'the strip says both are slowing Ringside down',
    );
    await waitFor(settled(running, calls), 45_000, 'everything delivered');
    watch.stop('outbox drained, rooms closed');

    expectDelivered(running, set, calls, [set.signalwire!]);
    expect(set.rocketchat!.requests().some((r) => r.status === 429)).toBe(true);
    // A 429 means nothing reached the handler: nothing is in doubt.
    expect(swEntries(running.state()).some((e) => e.possibleDuplicate)).toBe(false);
  }, 90_000);

  it('5xx answers: retried where safe; a SignalWire 500 is left to the agent, who retries it', async () => {
    const set = await sims({ voicenter: { servers: 1 } });
    const { running, calls } = await callsUnderWay(set, 1);
    const [who] = calls as [Caller];

    const watch = recovery.start('5xx answers', 'first 5xx');
    set.rocketchat!.failNext(2, 502);
    set.signalwire!.failNext(2, 503);
    await workThroughCall(running, set, who, { endSignalWire: false });
    await waitFor(
      () => {
        const state = running.state();
        return (
          rcItems(state).some((i) => /had a problem \(HTTP 502\)/.test(i.reason ?? '')) &&
          swEntries(state).some((e) => /unavailable for a moment \(503\)/.test(e.result ?? ''))
        );
      },
      20_000,
      'the strip says both had a problem',
    );

    // SignalWire's 500 may come after the command ran (spec §4): the app does not repeat it by
    // itself, says so, and the agent decides.
    await waitFor(() => drained(running.state()), 30_000, "the call's actions delivered");
    set.signalwire!.failNext(1, 500);
    const { actionId } = (await running.act('endSignalWireCall', who.ivrid)) as {
      actionId: string;
    };
    const endEntry = () => swEntries(running.state()).find((e) => e.id === actionId);
    await waitFor(() => endEntry()?.state === 'failed', 20_000, 'the end failed');
    expect(endEntry()?.result).toMatch(/internal problem \(500\)\. Not retried/);
    await running.act('retryAction', actionId);
    await waitFor(settled(running, calls), 30_000, 'everything delivered');
    watch.stop('outbox drained, room closed');

    expect(set.rocketchat!.requests().filter((r) => r.status === 502)).toHaveLength(2);
    expect(set.signalwire!.journal().filter((e) => e.status === 503)).toHaveLength(2);
    expectDelivered(running, set, calls, [set.signalwire!]);
    // The 500 may have ended the call already: the history says the end may have gone twice.
    expect(endEntry()).toMatchObject({ state: 'sent', possibleDuplicate: true });
  });
});
