/**
 * Which Voicenter call (ivrid) is which SignalWire call (UUID). A link comes from the call's
 * `customdata` under the configured key, or from an id the agent pasted; the pasted one wins,
 * because it is the agent's explicit choice. Only calls the agent can see keep links: the active
 * calls on the agent's own extensions and the last one (so the card can still show its history
 * after hang-up). Those are read from the own extensions' records, never from the whole board, and
 * links are rebuilt only when one of them changed.
 */
import type { CallInfo, CallState } from '../../../../shared/domain/calls';
import { ownActiveCalls } from '../../../../shared/calls/derive';
import type { SignalWireCallLink } from '../../../../shared/ipc/signalwire';
import { callIdFromCustomData } from '../../../../shared/signalwire/call-id';

/** Ended SignalWire calls remembered (oldest forgotten first): a shift's worth, not forever. */
const ENDED_REMEMBERED = 500;

export class CallLinks {
  private pasted = new Map<string, string>();
  private links = new Map<string, SignalWireCallLink>();
  /** SignalWire call ids known to be over (our `calling.end` succeeded, or answered 404). */
  private readonly ended = new Set<string>();
  /** The calls the agent can see, as of the last update. */
  private visible: CallInfo[] = [];

  constructor(private customDataKey: string) {}

  setCustomDataKey(key: string): boolean {
    if (key === this.customDataKey) return false;
    this.customDataKey = key;
    this.rebuild();
    return true;
  }

  /** The calls changed: recompute. Returns whether any link changed. */
  update(state: CallState): boolean {
    const visible = ownActiveCalls(state).map((active) => active.call);
    if (state.lastCall) visible.push(state.lastCall.call);
    if (visible.length === this.visible.length && visible.every((c, i) => c === this.visible[i])) {
      return false;
    }
    this.visible = visible;
    return this.rebuild();
  }

  /** Whether the agent can see this call now. */
  isVisible(ivrid: string): boolean {
    return this.visible.some((call) => call.ivrid === ivrid);
  }

  paste(ivrid: string, signalwireCallId: string | null): boolean {
    if (signalwireCallId === null) this.pasted.delete(ivrid);
    else this.pasted.set(ivrid, signalwireCallId);
    return this.rebuild();
  }

  get(ivrid: string): SignalWireCallLink | null {
    const link = this.links.get(ivrid);
    return link ? { ...link } : null;
  }

  /** The id a call's own custom data carries (for events about calls no longer in the state). */
  fromCall(call: CallInfo): string | null {
    return callIdFromCustomData(call.customData, this.customDataKey);
  }

  markEnded(signalwireCallId: string): boolean {
    if (this.ended.has(signalwireCallId)) return false;
    this.ended.add(signalwireCallId);
    if (this.ended.size > ENDED_REMEMBERED) {
      const oldest = this.ended.values().next().value;
      if (oldest !== undefined) this.ended.delete(oldest);
    }
    return this.rebuild();
  }

  isEnded(signalwireCallId: string): boolean {
    return this.ended.has(signalwireCallId);
  }

  list(): SignalWireCallLink[] {
    return [...this.links.values()].map((link) => ({ ...link }));
  }

  private rebuild(): boolean {
    const next = new Map<string, SignalWireCallLink>();
    for (const call of this.visible) {
      if (next.has(call.ivrid)) continue;
      const pasted = this.pasted.get(call.ivrid);
      const fromData = this.fromCall(call);
      const id = pasted ?? fromData;
      if (id === undefined || id === null) continue;
      next.set(call.ivrid, {
        ivrid: call.ivrid,
        signalwireCallId: id,
        source: pasted !== undefined ? 'pasted' : 'customdata',
        ended: this.ended.has(id),
      });
    }
    // A pasted id is forgotten with its call.
    for (const ivrid of [...this.pasted.keys()]) {
      if (!this.isVisible(ivrid)) this.pasted.delete(ivrid);
    }
    const changed = !sameLinks(this.links, next);
    this.links = next;
    return changed;
  }
}

function sameLinks(
  a: Map<string, SignalWireCallLink>,
  b: Map<string, SignalWireCallLink>,
): boolean {
  if (a.size !== b.size) return false;
  for (const [ivrid, link] of a) {
    const other = b.get(ivrid);
    if (
      !other ||
      other.signalwireCallId !== link.signalwireCallId ||
      other.source !== link.source ||
      other.ended !== link.ended
    ) {
      return false;
    }
  }
  return true;
}
