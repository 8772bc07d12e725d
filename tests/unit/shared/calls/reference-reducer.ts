/**
 * The call state as first written, a pure reducer: every event copies the whole board and
 * re-derives every extension's calls and the current call from `activeCalls`. Too slow for a
 * large board, but obviously right, so it is the model the call store is checked against
 * (`reference-model.test.ts`, `invariants.test.ts`). Do not optimise this file.
 *
 * Its state is plain records: the whole board in `extensions`, and `activeCalls` in order of last
 * change (the most recently changed call last, by key insertion order), which is the order of the
 * store's `board.activeCalls()`.
 */
import type {
  ActiveCall,
  CallInfo,
  CallOutcome,
  CallState,
  ExtensionInfo,
  QueueInfo,
  RealtimeEvent,
} from '../../../../shared/domain/calls';
import { applyReason, mergeCall } from '../../../../shared/calls/merge';
import { addRecent, hangupOutcome, recentFromCall } from '../../../../shared/calls/recent';

/** The agent's side as `CallState` has it, with the whole board instead of the own records. */
export interface ModelState extends Omit<CallState, 'own'> {
  /** Every extension on the board. */
  extensions: Record<string, ExtensionInfo>;
  /** Every active call on the board, keyed `${extension}:${ivrid}`, oldest change first. */
  activeCalls: Record<string, ActiveCall>;
}

type ExtensionEvent = Extract<RealtimeEvent, { kind: 'extension' }>;
type QueueEvent = Extract<RealtimeEvent, { kind: 'queue' }>;
type Ended = Map<string, { active: ActiveCall; outcome: CallOutcome }>;

function activeCallKey(extension: string, ivrid: string): string {
  return `${extension}:${ivrid}`;
}

function cleanList(list: readonly string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];
}

function pickCurrent(
  active: Record<string, ActiveCall>,
  own: readonly string[],
): ActiveCall | null {
  const calls = Object.values(active);
  for (let i = calls.length - 1; i >= 0; i--) {
    const candidate = calls[i];
    if (candidate && own.includes(candidate.extension)) return candidate;
  }
  return null;
}

export function initialModel(ownExtensions: string[]): ModelState {
  return {
    ownExtensions: cleanList(ownExtensions),
    extensions: {},
    activeCalls: {},
    currentCall: null,
    lastCall: null,
    queues: {},
    recent: [],
  };
}

export function referenceSetOwnExtensions(state: ModelState, list: string[]): ModelState {
  const ownExtensions = cleanList(list);
  return { ...state, ownExtensions, currentCall: pickCurrent(state.activeCalls, ownExtensions) };
}

function callsByExtension(active: Record<string, ActiveCall>): Map<string, CallInfo[]> {
  const out = new Map<string, CallInfo[]>();
  for (const { extension, call } of Object.values(active)) {
    const list = out.get(extension);
    if (list) list.push(call);
    else out.set(extension, [call]);
  }
  return out;
}

/** Re-inserts `key` last, marking it the most recently changed call. */
function touch(active: Record<string, ActiveCall>, value: ActiveCall): void {
  const key = activeCallKey(value.extension, value.call.ivrid);
  delete active[key];
  active[key] = value;
}

interface Draft {
  ownExtensions: string[];
  extensions: Record<string, ExtensionInfo>;
  activeCalls: Record<string, ActiveCall>;
  queues: Record<string, QueueInfo>;
  recent: ModelState['recent'];
}

/** Recomputes `currentCall`, and keeps the current call in `lastCall` if it just ended. */
function settle(prev: ModelState, draft: Draft, ended: Ended, at: number): ModelState {
  let lastCall = prev.lastCall;
  const was = prev.currentCall;
  if (was) {
    const key = activeCallKey(was.extension, was.call.ivrid);
    if (!(key in draft.activeCalls)) {
      const end = ended.get(key);
      const last = end?.active ?? was;
      lastCall = {
        extension: last.extension,
        call: { ...last.call, status: 'ended' },
        endedAt: at,
        outcome: end?.outcome ?? 'ended-while-offline',
      };
    }
  }
  return { ...draft, currentCall: pickCurrent(draft.activeCalls, draft.ownExtensions), lastCall };
}

function draftOf(state: ModelState): Draft {
  return {
    ownExtensions: state.ownExtensions,
    extensions: { ...state.extensions },
    activeCalls: { ...state.activeCalls },
    queues: state.queues,
    recent: state.recent,
  };
}

function endCall(
  draft: Draft,
  ended: Ended,
  active: ActiveCall,
  at: number,
  outcome: CallOutcome,
  cause: string,
  fallbackPhone = '',
): void {
  const key = activeCallKey(active.extension, active.call.ivrid);
  delete draft.activeCalls[key];
  ended.set(key, { active, outcome });
  if (draft.ownExtensions.includes(active.extension)) {
    draft.recent = addRecent(
      draft.recent,
      recentFromCall(active, at, outcome, cause, fallbackPhone),
    );
  }
}

function reduceSnapshot(state: ModelState, extensions: ExtensionInfo[], at: number): ModelState {
  const draft = draftOf(state);
  if (draft.ownExtensions.length === 0 && extensions.length === 1 && extensions[0]) {
    draft.ownExtensions = [extensions[0].number];
  }
  const listed = new Map<string, CallInfo>();
  for (const ext of extensions) {
    for (const call of ext.calls) listed.set(activeCallKey(ext.number, call.ivrid), call);
  }
  const ended: Ended = new Map();
  const next: Record<string, ActiveCall> = {};
  for (const [key, active] of Object.entries(state.activeCalls)) {
    const call = listed.get(key);
    if (call) next[key] = { extension: active.extension, call: mergeCall(active.call, call) };
    else endCall(draft, ended, active, at, 'ended-while-offline', '');
  }
  for (const ext of extensions) {
    for (const call of ext.calls) {
      const key = activeCallKey(ext.number, call.ivrid);
      if (!(key in next)) next[key] = { extension: ext.number, call };
    }
  }
  draft.activeCalls = next;
  const byExt = callsByExtension(next);
  draft.extensions = {};
  for (const ext of extensions) {
    draft.extensions[ext.number] = { ...ext, calls: byExt.get(ext.number) ?? [] };
  }
  return settle(state, draft, ended, at);
}

/** The call an ExtensionEvent is about: `currentCall`, else what the extension's list implies. */
function targetCall(event: ExtensionEvent, active: Record<string, ActiveCall>): CallInfo | null {
  if (event.call) return event.call;
  const listed = event.extension.calls;
  if (listed.length === 1) return listed[0] ?? null;
  if (event.reason !== 'NEWCALL') return null;
  const unknown = listed.filter((c) => !(activeCallKey(event.extension.number, c.ivrid) in active));
  return unknown[unknown.length - 1] ?? null;
}

function reduceHangup(draft: Draft, ended: Ended, event: ExtensionEvent): void {
  const ext = event.extension.number;
  const hangup = event.hangup ?? { cause: 'Unknown', callerId: '', ivrid: '' };
  const ivrid = hangup.ivrid || event.call?.ivrid || '';
  if (ivrid === '') {
    // No id anywhere: whatever the extension no longer lists is what hung up.
    const still = new Set(event.extension.calls.map((c) => c.ivrid));
    for (const active of Object.values(draft.activeCalls)) {
      if (active.extension === ext && !still.has(active.call.ivrid)) {
        endCall(
          draft,
          ended,
          active,
          event.at,
          hangupOutcome(active.call, hangup.cause),
          hangup.cause,
        );
      }
    }
    return;
  }
  const known = draft.activeCalls[activeCallKey(ext, ivrid)];
  const described = event.call?.ivrid === ivrid ? event.call : null;
  const call = described ? mergeCall(known?.call, described) : known?.call;
  // A HANGUP for a call never seen and not described: nothing to end, nothing to record.
  if (!call) return;
  const active: ActiveCall = { extension: ext, call };
  const outcome = hangupOutcome(call, hangup.cause);
  endCall(draft, ended, active, event.at, outcome, hangup.cause, hangup.callerId);
}

function reduceExtensionEvent(state: ModelState, event: ExtensionEvent): ModelState {
  const draft = draftOf(state);
  const ended: Ended = new Map();
  const ext = event.extension.number;
  switch (event.reason) {
    case 'NEWCALL':
    case 'ANSWER':
    case 'HOLD':
    case 'UNHOLD': {
      const target = targetCall(event, draft.activeCalls);
      if (target) {
        const known = draft.activeCalls[activeCallKey(ext, target.ivrid)];
        const call = applyReason(mergeCall(known?.call, target), event.reason, event.at);
        touch(draft.activeCalls, { extension: ext, call });
      }
      break;
    }
    case 'HANGUP':
      reduceHangup(draft, ended, event);
      break;
    case 'userStatusUpdate': {
      const existing = draft.extensions[ext];
      if (existing) {
        draft.extensions[ext] = {
          ...existing,
          statusCode: event.extension.statusCode,
          statusUpdatedAt: event.extension.statusUpdatedAt,
        };
        return settle(state, draft, ended, event.at);
      }
      break;
    }
    default:
      // Unknown reason: refresh the extension's data below, leave calls alone.
      break;
  }
  const calls = callsByExtension(draft.activeCalls).get(ext) ?? [];
  draft.extensions[ext] = { ...event.extension, calls };
  return settle(state, draft, ended, event.at);
}

function reduceQueueEvent(state: ModelState, event: QueueEvent): ModelState {
  const id = String(event.queue.id);
  const before = state.queues[id];
  const next: ModelState = {
    ...state,
    queues: { ...state.queues, [id]: event.queue },
  };
  if (event.reason !== 'ABANDONED') return next;
  // The server names the abandoned call; failing that, the one call that left the list.
  const gone = (before?.calls ?? []).filter(
    (c) => !event.queue.calls.some((n) => n.ivrid === c.ivrid),
  );
  const ivrid = event.ivrid ?? (gone.length === 1 ? gone[0]?.ivrid : undefined);
  if (!ivrid) return next;
  const entry = before?.calls.find((c) => c.ivrid === ivrid);
  const recent = addRecent(state.recent, {
    ivrid,
    extension: '',
    callerName: entry?.callerName ?? '',
    callerPhone: entry?.callerId ?? '',
    did: '',
    direction: 'incoming',
    startedAt: entry?.joinedAt ?? null,
    answeredAt: null,
    endedAt: event.at,
    outcome: 'abandoned',
    cause: '',
    queueId: event.queue.id,
  });
  return { ...next, recent };
}

export function referenceReduce(state: ModelState, event: RealtimeEvent): ModelState {
  switch (event.kind) {
    case 'queuesSnapshot': {
      const queues: Record<string, QueueInfo> = {};
      for (const q of event.queues) queues[String(q.id)] = q;
      return { ...state, queues };
    }
    case 'extensionsSnapshot':
      return reduceSnapshot(state, event.extensions, event.at);
    case 'extension':
      return reduceExtensionEvent(state, event);
    case 'queue':
      return reduceQueueEvent(state, event);
    case 'loginSuccess':
    case 'dialers':
    case 'monitoredSetChanged':
    case 'keepaliveResponse':
      return state;
  }
}
