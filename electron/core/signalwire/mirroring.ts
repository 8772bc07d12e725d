/**
 * Decides which call events become `ringside.call.*` user events: hold, unhold and hang-up of a
 * call that is the agent's own (on one of their extensions, or their current call when no
 * extension is configured), once per change, however many extensions the event arrived for.
 */
import type { CallState, RealtimeEvent } from '../../../shared/domain/calls';
import type { MirroredCallEvent } from '../../../shared/signalwire/mirror';

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

export class MirrorFilter {
  private readonly last = new Map<string, MirroredCallEvent>();

  decide(event: RealtimeEvent, before: CallState, after: CallState): MirrorDecision | null {
    if (event.kind !== 'extension') return null;
    const which = REASONS[event.reason];
    if (!which) return null;
    const ivrid = event.hangup?.ivrid || event.call?.ivrid;
    if (!ivrid) return null;
    if (!isOwn(ivrid, event.extension.number, before, after)) return null;
    const previous = this.last.get(ivrid);
    if (previous === which || previous === 'end') return null;
    this.last.delete(ivrid);
    this.last.set(ivrid, which);
    if (this.last.size > REMEMBERED) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
    return { which, ivrid, at: event.at };
  }
}

function isOwn(ivrid: string, extension: string, before: CallState, after: CallState): boolean {
  const own = after.ownExtensions.length > 0 ? after.ownExtensions : before.ownExtensions;
  if (own.length > 0) return own.includes(extension);
  return before.currentCall?.call.ivrid === ivrid || after.currentCall?.call.ivrid === ivrid;
}
