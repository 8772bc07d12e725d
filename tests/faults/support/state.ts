/**
 * What "recovered" means, read from what the window would show (`AppState`) and from what the
 * simulators hold: the board equals the server's, nothing is left in the outbox, each room holds
 * the agent's events once and in order, and SignalWire got each event once or says it may have
 * got it twice.
 */
import type { RocketChatSim } from '../../../electron/sim/rocketchat';
import type { SignalWireSim } from '../../../electron/sim/signalwire';
import type { VoicenterSim } from '../../../electron/sim/voicenter';
import type { AppState } from '../../../shared/ipc/snapshot';

/** The events a room holds after a call that was answered, held, resumed, ended and wrapped up. */
export const FULL_CALL = [
  'voip-call-on-hold',
  'voip-call-unhold',
  'voip-call-ended',
  'voip-call-duration',
  'voip-call-wrapup',
];

const line = (number: string, status: number | null, calls: [string, string][]): string =>
  `${number} status ${status ?? '-'}: ${calls
    .map(([ivrid, callStatus]) => `${ivrid} ${callStatus}`)
    .sort()
    .join(', ')}`;

/** Every extension the Voicenter server knows, with its status and live calls (ivrid, status). */
export function serverBoard(sim: VoicenterSim): string[] {
  return sim
    .snapshot()
    .extensions.map((ext) =>
      line(
        String(ext.number),
        ext.representativeStatus,
        ext.calls.map((call) => [call.ivrid, call.callstatus.toLowerCase()]),
      ),
    )
    .sort();
}

/** The same, as the app's board shows it. */
export function appBoard(state: AppState): string[] {
  return state.board
    .map((ext) =>
      line(
        ext.number,
        ext.statusCode,
        ext.calls.map((call) => [call.ivrid, call.status]),
      ),
    )
    .sort();
}

export const boardIsServers = (state: AppState, sim: VoicenterSim): boolean =>
  JSON.stringify(appBoard(state)) === JSON.stringify(serverBoard(sim));

/** Connected (to `server`, when given) and showing exactly what the server holds. */
export function inStep(state: AppState, sim: VoicenterSim, server?: string): boolean {
  const { state: connection } = state.connection;
  if (connection.status !== 'connected') return false;
  if (server !== undefined && connection.server !== server) return false;
  return boardIsServers(state, sim);
}

/** Everything the agent did has been confirmed by its server. */
export const drained = (state: AppState): boolean =>
  state.outbox.items.every((item) => item.state === 'sent');

export const roomOf = (state: AppState, ivrid: string) =>
  state.rocketchat.rooms.find((room) => room.ivrid === ivrid);

/** The message types the room holds, oldest first. */
export function roomEvents(sim: RocketChatSim, state: AppState, ivrid: string): string[] {
  const rid = roomOf(state, ivrid)?.rid;
  if (!rid) throw new Error(`the call ${ivrid} has no room`);
  return sim.messages(rid).map((message) => message.t);
}

/** What SignalWire servers (the one before an outage and the one after) did with one call. */
export interface SignalWireDeliveries {
  /** `event_id` of every user event that reached the call, in arrival order (repeats included). */
  eventIds: string[];
  /** How many `calling.end` took effect. */
  ends: number;
}

export function signalWireDeliveries(
  sims: readonly SignalWireSim[],
  callId: string,
): SignalWireDeliveries {
  const applied = sims.flatMap((sim) =>
    sim.journal().filter((entry) => entry.applied && entry.id === callId),
  );
  const eventIds = applied
    .filter((entry) => entry.command === 'calling.user_event')
    .map((entry) => {
      const event = (entry.params as { event?: { event_id?: unknown } }).event;
      return String(event?.event_id);
    });
  return { eventIds, ends: applied.filter((entry) => entry.command === 'calling.end').length };
}

/**
 * Checks the SignalWire side of one call against the app's history: every event arrived, in the
 * order the agent (and the call) caused them; once, unless the app says it may have arrived twice
 * (then at most twice). Answers what is wrong, or null.
 */
export function signalWireProblem(
  state: AppState,
  deliveries: SignalWireDeliveries,
  callId: string,
): string | null {
  const entries = state.signalwire.history
    .filter((entry) => entry.signalwireCallId === callId)
    .reverse();
  const unsent = entries.filter((entry) => entry.state !== 'sent');
  if (unsent.length > 0) return `not sent: ${unsent.map((entry) => entry.type).join(', ')}`;
  const events = entries.filter((entry) => entry.kind === 'user-event');
  const firstArrivals = [...new Set(deliveries.eventIds)];
  const queued = events.map((entry) => entry.eventId);
  if (JSON.stringify(firstArrivals) !== JSON.stringify(queued)) {
    return `arrived in the order ${firstArrivals.join(', ')}, queued as ${queued.join(', ')}`;
  }
  for (const entry of events) {
    const count = deliveries.eventIds.filter((id) => id === entry.eventId).length;
    if (count === 1) continue;
    if (count === 2 && entry.possibleDuplicate) continue;
    return `${entry.type} arrived ${count} times${entry.possibleDuplicate ? '' : ' unmarked'}`;
  }
  const endsQueued = entries.filter((entry) => entry.kind === 'end').length;
  if (deliveries.ends !== endsQueued) return `${deliveries.ends} ends took effect`;
  return null;
}
