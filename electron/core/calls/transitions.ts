import type { CallInfo, CallState, RealtimeEvent } from '../../../shared/domain/calls';
import { ownActiveCalls } from '../../../shared/calls/derive';

/** What happened to one of the agent's own calls between two call states. */
export type CallTransition =
  | { kind: 'answered'; call: CallInfo }
  | { kind: 'held'; call: CallInfo }
  | { kind: 'unheld'; call: CallInfo }
  | { kind: 'ended'; call: CallInfo; answered: boolean; endedAt: number };

const isAnswered = (call: CallInfo): boolean =>
  call.answeredAt !== null || call.status === 'talking' || call.status === 'hold';

/** The agent's own calls by ivrid (spying is not the agent's call). */
function ownCalls(state: CallState): Map<string, CallInfo> {
  const calls = new Map<string, CallInfo>();
  // Only the agent's own extensions: on an account login the board can hold thousands of calls.
  for (const active of ownActiveCalls(state)) {
    if (active.call.direction === 'spy') continue;
    if (!calls.has(active.call.ivrid)) calls.set(active.call.ivrid, active.call);
  }
  return calls;
}

/**
 * The transitions of the agent's own calls, read from the states before and after an event
 * rather than from the event's reason: a reconnect snapshot that skips a HOLD or a HANGUP still
 * yields the transition, and a repeated event yields none.
 */
export function callTransitions(
  event: RealtimeEvent,
  before: CallState,
  after: CallState,
  now: number,
): CallTransition[] {
  const previous = ownCalls(before);
  const next = ownCalls(after);
  const transitions: CallTransition[] = [];
  for (const [ivrid, call] of next) {
    const was = previous.get(ivrid);
    if (isAnswered(call) && (!was || !isAnswered(was)))
      transitions.push({ kind: 'answered', call });
    if (was && was.status !== 'hold' && call.status === 'hold')
      transitions.push({ kind: 'held', call });
    if (was && was.status === 'hold' && call.status !== 'hold')
      transitions.push({ kind: 'unheld', call });
  }
  for (const [ivrid, call] of previous) {
    if (next.has(ivrid)) continue;
    const last = after.lastCall?.call.ivrid === ivrid ? after.lastCall : null;
    const endedAt = last?.endedAt ?? ('at' in event ? event.at : now);
    transitions.push({ kind: 'ended', call, answered: isAnswered(call), endedAt });
  }
  return transitions;
}

export const roomDirection = (call: CallInfo): 'inbound' | 'outbound' =>
  call.direction === 'outgoing' || call.direction === 'click2call' ? 'outbound' : 'inbound';

/** Finds a call the agent can open a room for: an own active call, or the last one. */
export function findCall(state: CallState | null, ivrid: string): CallInfo | null {
  if (!state) return null;
  const own = ownCalls(state).get(ivrid);
  if (own) return own;
  if (state.currentCall?.call.ivrid === ivrid) return state.currentCall.call;
  if (state.lastCall?.call.ivrid === ivrid) return state.lastCall.call;
  return null;
}

export const isCallActive = (state: CallState | null, ivrid: string): boolean =>
  state !== null && ownCalls(state).has(ivrid);
