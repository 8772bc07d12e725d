/**
 * Normalised telephony domain: what the rest of the app sees after the wire payloads have been
 * validated and converted at the edge (`shared/voicenter/`). All times are UTC epoch
 * milliseconds; nothing downstream ever sees the server's Israel-local "epoch" seconds.
 */

export type CallDirection = 'incoming' | 'outgoing' | 'click2call' | 'spy' | 'unknown';

/** `ended` only appears on calls kept after hang-up (recent calls, the call card's last view). */
export type CallStatus =
  'ringing' | 'dialing' | 'talking' | 'hold' | 'spying' | 'ended' | 'unknown';

export interface CallInfo {
  /** The call's unique id across the whole Voicenter platform (`ivrid`). */
  ivrid: string;
  callerName: string;
  /** The caller's number as sent (for outgoing calls: the number dialled to). */
  callerPhone: string;
  /** The number the caller dialled (incoming only); '' when not sent. */
  did: string;
  direction: CallDirection;
  /** Click2Call leg, 1 or 2; null for other calls. */
  c2cLeg: 1 | 2 | null;
  status: CallStatus;
  startedAt: number | null;
  /** null until answered. */
  answeredAt: number | null;
  queueId: number | null;
  campaignId: number | null;
  customData: Record<string, unknown>;
  recordingFile: string | null;
}

export interface ExtensionInfo {
  /** Extension id (`number` on the wire), as a string so it can key records. */
  number: string;
  userId: number | null;
  userName: string;
  sipUser: string;
  onlineUserId: number | null;
  /** Who is working at the extension now (`summery.representative`), else the user's name. */
  representativeName: string;
  /** `representativeStatus`: 1 Login, 2 Logout, 3 Lunch, ... (see `statusLabel`). */
  statusCode: number | null;
  statusUpdatedAt: number | null;
  peerStatus: string;
  calls: CallInfo[];
}

export interface QueueCall {
  ivrid: string;
  callerId: string;
  callerName: string;
  joinedAt: number | null;
}

export interface QueueInfo {
  id: number;
  name: string;
  calls: QueueCall[];
}

export type HangupCause =
  | 'Normal hangup'
  | 'Answered elsewhere'
  | 'Call Rejected'
  | 'User busy'
  | 'Unallocated (unassigned) number'
  | 'No user responding'
  | 'User alerting, no answer'
  | 'Unknown'
  // Unknown causes are kept verbatim rather than rejected.
  | (string & {});

export type KnownExtensionReason =
  'NEWCALL' | 'ANSWER' | 'HOLD' | 'UNHOLD' | 'HANGUP' | 'userStatusUpdate';
export type KnownQueueReason = 'JOIN' | 'EXIT' | 'ABANDONED' | 'ANSWER';

/** A validated, normalised server event. Unknown reasons are kept (as strings) and ignored by the reducer. */
export type RealtimeEvent =
  | { kind: 'loginSuccess'; at: number }
  | { kind: 'queuesSnapshot'; at: number; queues: QueueInfo[] }
  | { kind: 'extensionsSnapshot'; at: number; extensions: ExtensionInfo[] }
  | {
      kind: 'extension';
      reason: KnownExtensionReason | (string & {});
      at: number;
      extension: ExtensionInfo;
      /** `currentCall`: the call this event is about (on HANGUP it still describes the ended call). */
      call: CallInfo | null;
      /** Present on HANGUP. */
      hangup: { cause: HangupCause; callerId: string; ivrid: string } | null;
    }
  | {
      kind: 'queue';
      reason: KnownQueueReason | (string & {});
      at: number;
      queue: QueueInfo;
      ivrid: string | null;
    }
  | { kind: 'monitoredSetChanged'; which: 'extensions' | 'queues' | 'dialers' }
  | { kind: 'keepaliveResponse'; ok: boolean; code: number; description: string }
  | { kind: 'dialers'; at: number };

export type CallOutcome =
  | 'answered'
  | 'missed'
  | 'answered-elsewhere'
  | 'rejected'
  | 'busy'
  | 'abandoned'
  | 'failed'
  | 'ended-while-offline';

export interface RecentCall {
  ivrid: string;
  extension: string;
  callerName: string;
  callerPhone: string;
  did: string;
  direction: CallDirection;
  startedAt: number | null;
  answeredAt: number | null;
  endedAt: number;
  outcome: CallOutcome;
  /** The server's hang-up cause, verbatim ('' when the call ended without a HANGUP, e.g. reconciled). */
  cause: string;
  queueId: number | null;
}

export interface ActiveCall {
  call: CallInfo;
  /** The extension the call is on. A ring-group call rings at several: one entry per extension. */
  extension: string;
}

/**
 * The agent's side of the call state at one moment: the own extensions and their calls, the
 * current and last call, queues and recent calls. An immutable value, cheap to take (it holds the
 * own extensions' records, never the board), so the services that follow the agent's calls can
 * compare the state before and after an event. The board itself lives in the call store.
 */
export interface CallState {
  /** The agent's own extension numbers (from settings, or the only one a user login sees). */
  ownExtensions: string[];
  /** The own extensions' board records when this state was taken (those the board knows). */
  own: Readonly<Record<string, ExtensionInfo>>;
  /** The call this agent is ringing / talking / holding (newest wins); null when none. */
  currentCall: ActiveCall | null;
  /** The last call that was current, kept after hang-up so the card can show "ended". */
  lastCall: (ActiveCall & { endedAt: number; outcome: CallOutcome }) | null;
  queues: Record<string, QueueInfo>;
  /** Newest first, capped. */
  recent: RecentCall[];
}

/** The whole board (every monitored extension), read-only, always as of the latest event. */
export interface CallBoard {
  get(extension: string): ExtensionInfo | undefined;
  /** Extensions on the board. */
  readonly size: number;
  /** Active calls on the board. */
  readonly activeCallCount: number;
  values(): IterableIterator<ExtensionInfo>;
  /** An active call by extension and call id. */
  activeCall(extension: string, ivrid: string): ActiveCall | undefined;
  /** Every active call, oldest change first (walks the board: for on-demand use only). */
  activeCalls(): IterableIterator<ActiveCall>;
}
