/**
 * What the window is sent of the call state. Built from the own extensions' records and the
 * state's own fields, never by walking the board.
 */
import type { CallBoard, CallState, ExtensionInfo } from '../domain/calls';
import type { CallsView } from '../ipc/snapshot';

export function callsView(state: CallState): CallsView {
  const own: ExtensionInfo[] = [];
  for (const number of state.ownExtensions) {
    const record = state.own[number];
    if (record) own.push(record);
  }
  return {
    ownExtensions: state.ownExtensions,
    own,
    currentCall: state.currentCall,
    lastCall: state.lastCall,
    queues: state.queues,
  };
}

/** Whether two views would show the same thing (every part is replaced, never mutated). */
export function sameCallsView(a: CallsView, b: CallsView): boolean {
  return (
    a.ownExtensions === b.ownExtensions &&
    a.currentCall === b.currentCall &&
    a.lastCall === b.lastCall &&
    a.queues === b.queues &&
    a.own.length === b.own.length &&
    a.own.every((record, i) => record === b.own[i])
  );
}

/** The whole board as a list, for a window that (re)connects. */
export function boardList(board: CallBoard): ExtensionInfo[] {
  return [...board.values()];
}
