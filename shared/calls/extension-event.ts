/**
 * ExtensionEvent: one extension's call changed (NEWCALL, ANSWER, HOLD, UNHOLD, HANGUP) or its
 * agent's status did. Only that extension, its calls and the current call are read or written.
 */
import type { CallInfo, RealtimeEvent } from '../domain/calls';
import type { BoardWriter } from './board-writer';
import { mergeCall } from './merge';
import { hangupOutcome } from './recent';

export type ExtensionEvent = Extract<RealtimeEvent, { kind: 'extension' }>;

/** The call an ExtensionEvent is about: `currentCall`, else what the extension's list implies. */
function targetCall(event: ExtensionEvent, board: BoardWriter): CallInfo | null {
  if (event.call) return event.call;
  const listed = event.extension.calls;
  if (listed.length === 1) return listed[0] ?? null;
  if (event.reason !== 'NEWCALL') return null;
  const number = event.extension.number;
  const unknown = listed.filter((c) => !board.find(number, c.ivrid));
  return unknown[unknown.length - 1] ?? null;
}

function applyHangup(board: BoardWriter, event: ExtensionEvent): void {
  const ext = event.extension.number;
  const hangup = event.hangup ?? { cause: 'Unknown', callerId: '', ivrid: '' };
  const ivrid = hangup.ivrid || event.call?.ivrid || '';
  if (ivrid === '') {
    // No id anywhere: whatever the extension no longer lists is what hung up.
    const still = new Set(event.extension.calls.map((c) => c.ivrid));
    // A copy: ending a call changes the extension's list.
    for (const call of [...board.callsOf(ext)]) {
      const active = still.has(call.ivrid) ? undefined : board.find(ext, call.ivrid);
      if (active) {
        board.endCall(active, hangupOutcome(active.call, hangup.cause), hangup.cause);
      }
    }
    return;
  }
  const known = board.find(ext, ivrid);
  const described = event.call?.ivrid === ivrid ? event.call : null;
  const call = described ? mergeCall(known?.call, described) : known?.call;
  // A HANGUP for a call never seen and not described: nothing to end, nothing to record.
  if (!call) return;
  const outcome = hangupOutcome(call, hangup.cause);
  board.endCall({ extension: ext, call }, outcome, hangup.cause, hangup.callerId);
}

export function applyExtensionEvent(board: BoardWriter, event: ExtensionEvent): void {
  const ext = event.extension.number;
  if (event.reason === 'userStatusUpdate' && board.extension(ext)) {
    // A status change says nothing about the rest of the record.
    board.setStatus(ext, event.extension.statusCode, event.extension.statusUpdatedAt);
    return;
  }
  // The extension's data from the payload; its calls stay the tracked ones (the payload's own
  // `calls` can be stale on HOLD/UNHOLD).
  board.setExtension(event.extension);
  switch (event.reason) {
    case 'NEWCALL':
    case 'ANSWER':
    case 'HOLD':
    case 'UNHOLD': {
      const target = targetCall(event, board);
      if (target) board.takeCall(ext, target, event.reason, event.at);
      break;
    }
    case 'HANGUP':
      applyHangup(board, event);
      break;
    case 'userStatusUpdate':
      // An extension first seen in a status change: its record was taken above.
      break;
    default:
      // Unknown reason: the extension's data is refreshed, its calls are left alone.
      break;
  }
}
