/**
 * The shapes a Voicenter payload has once read: what the lenient lists of the schemas
 * (`wire.ts`) and the plain readers (`read.ts`) both produce. Types only, so both can import them
 * without importing each other.
 */

/** An item left out of a list: where it was and what was wrong (never its content). */
export interface DroppedItem {
  index: number;
  problem: string;
}

export interface Lenient<T> {
  items: T[];
  /** Index of each kept item in the original list, so nested notes can name their path. */
  indexes: number[];
  dropped: DroppedItem[];
}

/** Call (spec 2.3), as read by `readCall` (`read.ts`). Times stay raw server seconds here. */
export interface WireCall {
  ivrid: string;
  callStarted: number | null;
  calldurationinterval: number | null;
  callAnswered: number | null;
  answered: number | null;
  callername: string;
  callerphone: string;
  did: string;
  direction: string;
  c2cdirection: number | null;
  callstatus: string;
  customdata: Record<string, unknown>;
  recording: { Filename: string; IsMuted: number | null } | null;
  queueID: number | null;
  campaignID: number | null;
}

/** Extension (spec 2.3), as read by `readExtension`. `summery` is the wire's spelling. */
export interface WireExtension {
  number: string;
  userID: number | null;
  userName: string;
  extenUser: string;
  onlineUserID: number | null;
  representative: number | null;
  summery: { representative: string } | null;
  representativeStatus: number | null;
  representativeUpdated: number | null;
  lastCallEventEpoch: number | null;
  lastAnsweredCallEventEpoch: number | null;
  lastHangupCallEpoch: number | null;
  peerStatus: string;
  calls: Lenient<WireCall>;
  currentCall: { value: WireCall | null; problem: string | null };
}
