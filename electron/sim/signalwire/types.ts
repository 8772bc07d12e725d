/** Types of the SignalWire side of the demo service. */

export type CallLegStatus =
  | 'queued'
  | 'initiated'
  | 'created'
  | 'ringing'
  | 'answered'
  | 'ending'
  | 'ended'
  | 'failed'
  | 'canceled'
  | 'completed';

/** The 200 body of every call command (spec §3). */
export interface SimCallLeg {
  id: string;
  from: string;
  to: string;
  direction: 'inbound' | 'outbound' | 'outbound-api';
  source: 'realtime_api';
  url: string;
  charge: number;
  created_at: string;
  charge_details: { description: string; charge: number }[];
  status: CallLegStatus;
  duration: number;
  duration_ms: number;
  billing_ms: number;
  type: 'relay_pstn_call' | 'relay_sip_call' | 'relay_webrtc_call';
  parent_id: string | null;
}

export interface SimCallInit extends Partial<Omit<SimCallLeg, 'id'>> {
  /** A call made through the cXML (Twilio-compatible) API: commands answer 422 `invalid_call_id_passed`. */
  cxml?: boolean;
}

/**
 * A status to answer instead of the normal handling, or `hang` (never answer: for timeouts and
 * cancellation) or `reset` (drop the connection: a transport error).
 */
export type SimFault = number | 'hang' | 'reset';

export interface SimFaultOptions {
  /** `Retry-After` header: seconds, or an HTTP date string. */
  retryAfter?: number | string;
  /** A string is sent as is (non-JSON bodies); anything else as JSON. Default: the spec's body for the status, empty for 204. */
  body?: unknown;
  /** Default `application/json` for object bodies, `text/plain` for strings. */
  contentType?: string;
  /**
   * Whether the command still takes effect (the request "arrived" and only the answer is odd or
   * lost). Default: true for 2xx statuses, false otherwise. `hang` + `apply: true` is the
   * "delivered, answer lost" case that makes a retry deliver twice.
   */
  apply?: boolean;
  /** Extra delay before this answer, ms. */
  delayMs?: number;
}

export interface SimJournalEntry {
  at: number;
  via: 'direct' | 'relay';
  command: string | null;
  id: string | null;
  params: unknown;
  /** null when no answer was sent (`hang`, `reset`, or the client went away first). */
  status: number | null;
  authOk: boolean;
  /** The command took effect (a user event reached the call, an end ended it). */
  applied: boolean;
  /** The injected fault that answered this request, if any. */
  fault: string | null;
}

export interface SignalWireSimOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  projectId?: string;
  /** The project's API token with the Voice scope. */
  token?: string;
  /** Tokens of the same project that authenticate but lack the Voice scope. */
  tokensWithoutVoice?: string[];
  /** What such a token gets: SignalWire answers 401 or 403 depending on the token. Default 403. */
  missingScopeStatus?: 401 | 403;
  /** Bearer token `/relay` requires (the organisation's own credential); null: no auth at the relay. */
  relayToken?: string | null;
  /** Treat unknown UUIDs as live answered calls (the demo, whose call ids come from the demo telephony). */
  acceptUnknownCalls?: boolean;
  /** How long `calling.end` keeps a call `ending`, during which a further command is a 409. Default 0. */
  endingMs?: number;
  /** Delay before every answer, ms. */
  latencyMs?: number;
  now?: () => number;
}

export interface SignalWireSim {
  /** `http://127.0.0.1:PORT` (the client needs `allowLoopbackHttp`). */
  readonly baseUrl: string;
  /** Same as `baseUrl` (the other demo services call it `url`). */
  readonly url: string;
  /** `${baseUrl}/relay`. */
  readonly relayUrl: string;
  readonly projectId: string;
  readonly token: string;
  readonly relayToken: string | null;
  addCall(id: string, init?: SimCallInit): SimCallLeg;
  call(id: string): SimCallLeg | undefined;
  /** Ends a call from the far side (the caller hung up). */
  hangUp(id: string): void;
  /** The next `count` call requests get this fault instead of normal handling. */
  failNext(count: number, fault: SimFault, options?: SimFaultOptions): void;
  setLatency(ms: number): void;
  journal(): SimJournalEntry[];
  clearJournal(): void;
  /** The user events that took effect on a call, in arrival order (duplicates included). */
  userEvents(callId: string): Record<string, unknown>[];
  close(): Promise<void>;
  /** Same as `close()`. */
  stop(): Promise<void>;
}
