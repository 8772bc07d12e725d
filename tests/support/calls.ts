/**
 * Test factories for the call domain. Every field has a plain default (a ringing incoming call, an
 * idle extension with no user, a missed call on extension 1), so a test spells out only the fields
 * it is about.
 */
import type {
  ActiveCall,
  CallBoard,
  CallInfo,
  CallOutcome,
  CallState,
  ExtensionInfo,
  RealtimeEvent,
  RecentCall,
} from '../../shared/domain/calls';
import { CallStore } from '../../shared/calls/store';

export function makeCall(patch: Partial<CallInfo> = {}): CallInfo {
  return {
    ivrid: 'call-1',
    callerName: '',
    callerPhone: '',
    did: '',
    direction: 'incoming',
    c2cLeg: null,
    status: 'ringing',
    startedAt: 1_000,
    answeredAt: null,
    queueId: null,
    campaignId: null,
    customData: {},
    recordingFile: null,
    ...patch,
  };
}

export function makeExtension(number: string, patch: Partial<ExtensionInfo> = {}): ExtensionInfo {
  return {
    number,
    userId: null,
    userName: '',
    sipUser: '',
    onlineUserId: null,
    representativeName: '',
    statusCode: 1,
    statusUpdatedAt: null,
    peerStatus: 'OK',
    calls: [],
    ...patch,
  };
}

export function makeRecent(patch: Partial<RecentCall> = {}): RecentCall {
  return {
    ivrid: 'call-1',
    extension: '1',
    callerName: '',
    callerPhone: '',
    did: '',
    direction: 'incoming',
    startedAt: null,
    answeredAt: null,
    endedAt: 1,
    outcome: 'missed',
    cause: '',
    queueId: null,
    ...patch,
  };
}

/** What a hand-built call state holds; every part is reached through a real call store. */
export interface CallStateSpec {
  ownExtensions?: string[];
  /** The active calls, oldest change first: the last one on an own extension is the current call. */
  calls?: ActiveCall[];
  /**
   * The last call, with `call` as it was before it ended: it is put on its (own) extension and
   * hung up at `endedAt` with the cause that gives `outcome` (the store's copy says 'ended').
   */
  lastCall?: CallState['lastCall'];
}

/** The hang-up cause that gives an outcome (the call's direction and answer time do the rest). */
const CAUSE_OF: Partial<Record<CallOutcome, string>> = {
  answered: 'Normal hangup',
  missed: 'Normal hangup',
  'answered-elsewhere': 'Answered elsewhere',
  rejected: 'Call Rejected',
  busy: 'User busy',
  failed: 'No user responding',
};

function newCall(number: string, call: CallInfo, listed: CallInfo[], at: number): RealtimeEvent {
  return {
    kind: 'extension',
    reason: 'NEWCALL',
    at,
    extension: makeExtension(number, { calls: listed }),
    call,
    hangup: null,
  };
}

/**
 * A call store holding what `spec` asks for, reached by events as the server would send them: a
 * snapshot listing the own extensions (so each has a board record), the last call rung and hung
 * up, then a NEWCALL per active call in the order given. The own extensions' calls are stored as
 * the same `CallInfo` objects, other agents' as equal copies (the board changes those in place).
 * Throws when the store does not end up as asked, so a fixture cannot describe a state the store
 * never makes.
 */
export function callStoreOf(spec: CallStateSpec = {}): CallStore {
  const ownExtensions = spec.ownExtensions ?? [];
  const calls = spec.calls ?? [];
  const store = new CallStore(ownExtensions);
  const numbers = [...new Set([...ownExtensions, ...calls.map((active) => active.extension)])];
  // Without own extensions a snapshot of one extension would make it own: leave it out then.
  if (ownExtensions.length > 0) {
    const extensions = numbers.map((number) => makeExtension(number));
    store.apply({ kind: 'extensionsSnapshot', at: 0, extensions });
  }
  const last = spec.lastCall;
  if (last) {
    const { extension, call, endedAt, outcome } = last;
    store.apply(newCall(extension, call, [call], endedAt));
    const hangup = { cause: CAUSE_OF[outcome] ?? outcome, callerId: '', ivrid: call.ivrid };
    store.apply({
      kind: 'extension',
      reason: 'HANGUP',
      at: endedAt,
      extension: makeExtension(extension),
      call,
      hangup,
    });
    const got = store.state.lastCall;
    const wanted = `${extension}:${call.ivrid} ${outcome} at ${endedAt}`;
    const seen = got && `${got.extension}:${got.call.ivrid} ${got.outcome} at ${got.endedAt}`;
    if (seen !== wanted) throw new Error(`callStoreOf: last call ${seen ?? 'none'}, not ${wanted}`);
  }
  const listed = new Map<string, CallInfo[]>();
  for (const { extension, call } of calls) {
    const list = listed.get(extension) ?? [];
    if (list.some((c) => c.ivrid === call.ivrid)) {
      throw new Error(`callStoreOf: ${extension}:${call.ivrid} listed twice`);
    }
    list.push(call);
    listed.set(extension, list);
    store.apply(newCall(extension, call, [...list], 1));
  }
  for (const { extension, call } of calls) {
    // Own calls are the very objects given; another agent's are the board's own copies.
    const stored = store.board.activeCall(extension, call.ivrid)?.call;
    const own = ownExtensions.includes(extension);
    if (own ? stored !== call : JSON.stringify(stored) !== JSON.stringify(call)) {
      throw new Error(`callStoreOf: ${extension}:${call.ivrid} is not stored as given`);
    }
  }
  return store;
}

/** The agent's side of `callStoreOf(spec)`: a state the call store really hands out. */
export function callStateOf(spec: CallStateSpec = {}): CallState {
  return callStoreOf(spec).state;
}

/** The board's active call keys (`extension:ivrid`), oldest change first. */
export function activeCallKeys(board: CallBoard): string[] {
  return [...board.activeCalls()].map((active) => `${active.extension}:${active.call.ivrid}`);
}
