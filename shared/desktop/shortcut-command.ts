import type { ShortcutAction } from './accelerators';
import type { AppSnapshot } from '../ipc/snapshot';

/** What a global shortcut does now, given the app's state. */
export type ShortcutCommand =
  | { kind: 'show-window' }
  | { kind: 'open-room'; ivrid: string }
  | { kind: 'room-action'; ivrid: string; action: 'hold' | 'unhold' | 'end' }
  /** Nothing to act on: the window comes forward with the reason. */
  | { kind: 'nothing'; reason: string };

/**
 * Ringside does not hold the call (the agent's phone does), so hold, unhold and end act on the
 * current call's Rocket.Chat room, exactly as the window's buttons do; "open room" opens it.
 */
export function shortcutCommand(
  action: ShortcutAction,
  view: Pick<AppSnapshot, 'calls' | 'rocketchat'>,
): ShortcutCommand {
  if (action === 'showWindow') return { kind: 'show-window' };
  const current = view.calls.currentCall;
  if (!current || current.call.status === 'ended')
    return { kind: 'nothing', reason: 'There is no current call.' };
  const ivrid = current.call.ivrid;
  if (action === 'openRoom') return { kind: 'open-room', ivrid };
  const room = view.rocketchat.rooms.find((candidate) => candidate.ivrid === ivrid);
  if (!room || !room.open || !room.callActive)
    return { kind: 'nothing', reason: "The current call's room is not open." };
  if (action === 'endCall') return { kind: 'room-action', ivrid, action: 'end' };
  return { kind: 'room-action', ivrid, action: room.held ? 'unhold' : 'hold' };
}
