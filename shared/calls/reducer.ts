/**
 * Call state from normalised realtime events. Pure: never mutates its inputs, returns the same
 * state object when an event changes nothing.
 *
 * Decisions worth knowing:
 * - `activeCalls` keeps insertion order as "order of last change": every update re-inserts its
 *   key at the end (keys are `ext:ivrid`, never integer-like, so JS keeps that order).
 *   `currentCall` is the most recently changed active call on an own extension, so a call that
 *   starts ringing while the agent talks becomes current, and when it ends the talking call is
 *   current again.
 * - Own extensions are the configured list; when it is empty and a snapshot lists exactly one
 *   extension (what a user login sees), that one becomes own and stays so until
 *   `setOwnExtensions` is called.
 * - The board's `ExtensionInfo.calls` is derived from `activeCalls` (same calls, same order), so
 *   the board and the call card never disagree (the payload's own `calls` can be stale on
 *   HOLD/UNHOLD). The reducer also uses it as the per-extension index of `activeCalls`.
 * - Structural sharing: an event copies only what it changes (see `draft.ts`). Records of
 *   extensions, calls and queues it does not touch are the previous state's objects, so an event
 *   costs what its extension costs, not what the board costs. Snapshots rebuild the board.
 */
import type {
  ActiveCall,
  CallInfo,
  CallState,
  ExtensionInfo,
  QueueInfo,
  RealtimeEvent,
} from '../domain/calls';
import { activeCallKey, CallDraft, pickCurrent } from './draft';
import { reduceExtensionEvent } from './extension-event';
import { mergeCall } from './merge';
import { addRecent } from './recent';

export { RECENT_CALLS_CAP } from './recent';
export { activeCallKey } from './draft';

type QueueEvent = Extract<RealtimeEvent, { kind: 'queue' }>;

function cleanList(list: readonly string[]): string[] {
  return [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];
}

export function initialCallState(ownExtensions: string[]): CallState {
  return {
    ownExtensions: cleanList(ownExtensions),
    extensions: {},
    activeCalls: {},
    currentCall: null,
    lastCall: null,
    queues: {},
    recent: [],
    lastEventAt: null,
  };
}

export function setOwnExtensions(state: CallState, list: string[]): CallState {
  const ownExtensions = cleanList(list);
  return { ...state, ownExtensions, currentCall: pickCurrent(state.activeCalls, ownExtensions) };
}

/** A snapshot replaces the board: calls it still lists are kept (merged), others ended. */
function reduceSnapshot(state: CallState, extensions: ExtensionInfo[], at: number): CallState {
  const draft = new CallDraft(state, at);
  if (draft.ownExtensions.length === 0 && extensions.length === 1 && extensions[0]) {
    draft.ownExtensions = [extensions[0].number];
  }
  const listed = new Map<string, CallInfo>();
  for (const ext of extensions) {
    for (const call of ext.calls) listed.set(activeCallKey(ext.number, call.ivrid), call);
  }
  const ghosts: ActiveCall[] = [];
  const next: Record<string, ActiveCall> = {};
  for (const [key, active] of Object.entries(state.activeCalls)) {
    const call = listed.get(key);
    if (call) next[key] = { extension: active.extension, call: mergeCall(active.call, call) };
    else ghosts.push(active);
  }
  for (const ext of extensions) {
    for (const call of ext.calls) {
      const key = activeCallKey(ext.number, call.ivrid);
      if (!(key in next)) next[key] = { extension: ext.number, call };
    }
  }
  const byExt = new Map<string, CallInfo[]>();
  for (const { extension, call } of Object.values(next)) {
    const list = byExt.get(extension);
    if (list) list.push(call);
    else byExt.set(extension, [call]);
  }
  const board: Record<string, ExtensionInfo> = {};
  for (const ext of extensions) board[ext.number] = { ...ext, calls: byExt.get(ext.number) ?? [] };
  draft.replaceBoard(board, next);
  for (const ghost of ghosts) draft.endCall(ghost, at, 'ended-while-offline', '');
  return draft.finish();
}

function reduceQueueEvent(state: CallState, event: QueueEvent): CallState {
  const id = String(event.queue.id);
  const before = state.queues[id];
  const next: CallState = {
    ...state,
    queues: { ...state.queues, [id]: event.queue },
    lastEventAt: event.at,
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

export function reduceCallState(state: CallState, event: RealtimeEvent): CallState {
  switch (event.kind) {
    case 'loginSuccess':
    case 'dialers':
      return { ...state, lastEventAt: event.at };
    case 'queuesSnapshot': {
      const queues: Record<string, QueueInfo> = {};
      for (const q of event.queues) queues[String(q.id)] = q;
      return { ...state, queues, lastEventAt: event.at };
    }
    case 'extensionsSnapshot':
      return reduceSnapshot(state, event.extensions, event.at);
    case 'extension':
      return reduceExtensionEvent(state, event);
    case 'queue':
      return reduceQueueEvent(state, event);
    case 'monitoredSetChanged':
    case 'keepaliveResponse':
      return state;
  }
}
