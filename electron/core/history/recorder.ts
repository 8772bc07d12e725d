/**
 * Feeds the history from the call store's recent calls: the store already decides how each call
 * ended (`shared/calls/recent.ts`), so the history records exactly what the window's recent list
 * says, outcomes included, and keeps it past the store's cap and past restarts.
 *
 * It follows the store's `recent` list by reference: a new list means entries were added, and the
 * entries not in the previous list are the new ones. Checking costs one comparison per event, so
 * following every change (queue abandonments are not own-call events) is cheap on a busy board.
 */
import type { CallBoard, CallState, RecentCall } from '../../../shared/domain/calls';
import { entryFromRecent, type HistoryEntry } from '../../../shared/history/entry';
import type { PhoneRegion } from '../../../shared/phone/normalise';
import type { CallHistory } from './call-history';

export interface RecorderSource {
  readonly state: CallState;
  readonly board: CallBoard;
  onChange(listener: () => void): () => void;
}

/** Who took a call: the agent at the extension it was answered on, when Ringside can see it. */
export function takenBy(call: RecentCall, state: CallState, board: CallBoard): string {
  if (call.outcome === 'answered' || (call.outcome === 'ended-while-offline' && call.answeredAt)) {
    return nameAt(state.own[call.extension] ?? board.get(call.extension), call.extension);
  }
  if (call.outcome === 'answered-elsewhere') {
    // Rare, and the other leg is still up at this moment: a walk of the active calls is fine.
    for (const active of board.activeCalls()) {
      if (active.call.ivrid === call.ivrid && active.extension !== call.extension) {
        return nameAt(board.get(active.extension), active.extension);
      }
    }
  }
  return '';
}

function nameAt(
  record: { representativeName: string; userName: string } | undefined,
  extension: string,
): string {
  return record?.representativeName.trim() || record?.userName.trim() || extension;
}

export function followRecentCalls(
  source: RecorderSource,
  history: CallHistory,
  region: () => PhoneRegion,
  enrich: (entry: HistoryEntry) => HistoryEntry = (entry) => entry,
): () => void {
  let seen: readonly RecentCall[] = source.state.recent;
  return source.onChange(() => {
    const state = source.state;
    const recent = state.recent;
    if (recent === seen) return;
    const before = new Set(seen);
    seen = recent;
    // Oldest first, so the history files them in the order they happened.
    const added = recent.filter((call) => !before.has(call)).reverse();
    for (const call of added) {
      history.add(enrich(entryFromRecent(call, region(), takenBy(call, state, source.board))));
    }
  });
}
