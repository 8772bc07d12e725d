import type { Message } from '../messages/catalogue';

/**
 * SignalWire as the renderer sees it. Never carries the API token or the relay's
 * bearer token: only whether one is stored.
 */

/** `token`: straight to `{space}.signalwire.com` with the project's API token. `relay`: the organisation's own backend. `demo`: the built-in demo service. */
export type SignalWireMode = 'token' | 'relay' | 'demo';

export type SignalWireLinkSource = 'customdata' | 'pasted';

/** A Voicenter call (by ivrid) linked to a SignalWire call (by UUID). */
export interface SignalWireCallLink {
  ivrid: string;
  signalwireCallId: string;
  source: SignalWireLinkSource;
  /** True once `calling.end` succeeded or answered 404 ("already ended"). */
  ended: boolean;
}

export interface SignalWirePreset {
  label: string;
  event: Record<string, unknown>;
}

export type SignalWireHistoryState = 'queued' | 'sending' | 'waiting' | 'sent' | 'failed';

/** One delivery attempt; those with `mayHaveArrived` are possible deliveries (a duplicate shows as two). */
export interface SignalWireAttemptView {
  at: number;
  durationMs: number;
  /** HTTP status, or null for a transport error (timeout, connection reset). */
  status: number | null;
  result: string;
  /** `result` in the agent's language. */
  resultSays?: Message;
  /** True when the request may have been delivered (2xx, or the answer was lost on the way back). */
  mayHaveArrived: boolean;
}

export interface SignalWireHistoryEntry {
  /** The outbox action id. */
  id: string;
  kind: 'user-event' | 'end';
  /** The event's own `event_id` (user events); null for `calling.end`. */
  eventId: string | null;
  /** The event's `type` (or `action`), or "calling.end". */
  type: string;
  origin: 'editor' | 'preset' | 'mirror' | 'end';
  ivrid: string | null;
  signalwireCallId: string;
  /** When it was queued (UTC ms). */
  at: number;
  state: SignalWireHistoryState;
  /** Plain words: "Delivered", "Already ended", the refusal's reason, the wait's reason. */
  result: string | null;
  /** `result` in the agent's language. */
  resultSays?: Message;
  /** Duration of the successful attempt, ms. */
  durationMs: number | null;
  attempts: SignalWireAttemptView[];
  /** More than one attempt may have arrived: SignalWire may have seen this event twice. */
  possibleDuplicate: boolean;
}

export interface SignalWireTestView {
  state: 'testing' | 'ok' | 'failed';
  message: string;
  /** `message` in the agent's language. */
  says?: Message;
  at: number;
}

export interface SignalWireView {
  configured: boolean;
  mode: SignalWireMode | null;
  /** The space host (`acme.signalwire.com`) or the relay's origin, for display. */
  target: string;
  projectId: string;
  /** The relay URL as configured ('' in token mode). */
  relayUrl: string;
  /** A token (API token or relay bearer) is stored in main; its value never leaves main. */
  hasToken: boolean;
  customDataKey: string;
  mirrorCallEvents: boolean;
  presets: SignalWirePreset[];
  /** Links of the calls the agent can see (active and the last one), one per ivrid. */
  calls: SignalWireCallLink[];
  /** Newest first, capped. */
  history: SignalWireHistoryEntry[];
  test: SignalWireTestView | null;
}
