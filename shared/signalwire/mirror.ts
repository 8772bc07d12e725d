/**
 * "Mirror call events": hold, unhold and end of a linked call are sent to SignalWire as user
 * events, so the call-control app there can react. The shape is part of the product's contract
 * with that app; change it only with a new type name.
 */

export type MirroredCallEvent = 'hold' | 'unhold' | 'end';

export const MIRROR_EVENT_TYPES: Record<MirroredCallEvent, string> = {
  hold: 'ringside.call.hold',
  unhold: 'ringside.call.unhold',
  end: 'ringside.call.end',
};

export interface MirrorEvent {
  [key: string]: unknown;
  type: string;
  ivrid: string;
  /** ISO 8601, UTC. */
  at: string;
  event_id: string;
}

export function mirrorEvent(
  which: MirroredCallEvent,
  ivrid: string,
  at: number,
  eventId: string,
): MirrorEvent {
  return {
    type: MIRROR_EVENT_TYPES[which],
    ivrid,
    at: new Date(at).toISOString(),
    event_id: eventId,
  };
}
