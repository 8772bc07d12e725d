/**
 * Decides which call events become `ringside.call.*` user events: hold, unhold and hang-up of a
 * call that is the agent's own (on one of their extensions, or their current call when no
 * extension is configured), once per change, however many extensions the event arrived for.
 * A snapshot after a reconnect counts too: a hold or hang-up that happened while Ringside could
 * not hear Voicenter shows only there.
 */
import type { CallState, RealtimeEvent } from '../../../../shared/domain/calls';
import type { MirroredCallEvent } from '../../../../shared/signalwire/mirror';
import { callTransitions } from '../../calls/transitions';

export interface MirrorDecision {
  which: MirroredCallEvent;
  ivrid: string;
  at: number;
}

const REASONS: Record<string, MirroredCallEvent> = {
  HOLD: 'hold',
  UNHOLD: 'unhold',
  HANGUP: 'end',
};
const REMEMBERED = 500;

const FROM_TRANSITION: Record<string, MirroredCallEvent | undefined> = {
  held: 'hold',
  unheld: 'unhold',
  ended: 'end',
};

export class MirrorFilter {
  private readonly last = new Map<string, MirroredCallEvent>();

  /** What one event mirrors: a live event one change at most, a snapshot any it reveals. */
  decideAll(event: RealtimeEvent, before: CallState, after: CallState): MirrorDecision[] {
    if (event.kind === 'extensionsSnapshot') return this.fromSnapshot(event, before, after);
    const decision = this.decide(event, before, after);
    return decision ? [decision] : [];
  }

  decide(event: RealtimeEvent, before: CallState, after: CallState): MirrorDecision | null {
    if (event.kind !== 'extension') return null;
    const which = REASONS[event.reason];
    if (!which) return null;
    const ivrid = event.hangup?.ivrid || event.call?.ivrid;
    if (!ivrid) return null;
    if (!isOwn(ivrid, event.extension.number, before, after)) return null;
    return this.remember(ivrid, which) ? { which, ivrid, at: event.at } : null;
  }

  /** The agent's calls the snapshot shows held, resumed or gone, compared with before it. */
  private fromSnapshot(
    event: Extract<RealtimeEvent, { kind: 'extensionsSnapshot' }>,
    before: CallState,
    after: CallState,
  ): MirrorDecision[] {
    const decisions: MirrorDecision[] = [];
    for (const transition of callTransitions(event, before, after, event.at)) {
      const which = FROM_TRANSITION[transition.kind];
      const ivrid = transition.call.ivrid;
      if (!which || !this.remember(ivrid, which)) continue;
      const at = transition.kind === 'ended' ? transition.endedAt : event.at;
      decisions.push({ which, ivrid, at });
    }
    return decisions;
  }

  /** False when `which` is no change for the call (a repeat, or anything after its end). */
  private remember(ivrid: string, which: MirroredCallEvent): boolean {
    const previous = this.last.get(ivrid);
    if (previous === which || previous === 'end') return false;
    this.last.delete(ivrid);
    this.last.set(ivrid, which);
    if (this.last.size > REMEMBERED) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
    return true;
  }
}

function isOwn(ivrid: string, extension: string, before: CallState, after: CallState): boolean {
  const own = after.ownExtensions.length > 0 ? after.ownExtensions : before.ownExtensions;
  if (own.length > 0) return own.includes(extension);
  return before.currentCall?.call.ivrid === ivrid || after.currentCall?.call.ivrid === ivrid;
}
