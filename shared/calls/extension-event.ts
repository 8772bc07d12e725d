/**
 * ExtensionEvent: one extension's call changed (NEWCALL, ANSWER, HOLD, UNHOLD, HANGUP) or its
 * agent's status did. Only that extension, its calls and the current call are read or written.
 */
import type { CallInfo, CallState, RealtimeEvent } from '../domain/calls';
import { CallDraft } from './draft';
import { applyReason, mergeCall } from './merge';
import { hangupOutcome } from './recent';

export type ExtensionEvent = Extract<RealtimeEvent, { kind: 'extension' }>;

/** The call an ExtensionEvent is about: `currentCall`, else what the extension's list implies. */
function targetCall(event: ExtensionEvent, draft: CallDraft): CallInfo | null {
  if (event.call) return event.call;
  const listed = event.extension.calls;
  if (listed.length === 1) return listed[0] ?? null;
  if (event.reason !== 'NEWCALL') return null;
  const number = event.extension.number;
  const unknown = listed.filter((c) => !draft.find(number, c.ivrid));
  return unknown[unknown.length - 1] ?? null;
}

function reduceHangup(draft: CallDraft, event: ExtensionEvent): void {
  const ext = event.extension.number;
  const hangup = event.hangup ?? { cause: 'Unknown', callerId: '', ivrid: '' };
  const ivrid = hangup.ivrid || event.call?.ivrid || '';
  if (ivrid === '') {
    // No id anywhere: whatever the extension no longer lists is what hung up.
    const still = new Set(event.extension.calls.map((c) => c.ivrid));
    for (const call of draft.callsOf(ext)) {
      const active = still.has(call.ivrid) ? undefined : draft.find(ext, call.ivrid);
      if (active) {
        draft.endCall(active, event.at, hangupOutcome(active.call, hangup.cause), hangup.cause);
      }
    }
    return;
  }
  const known = draft.find(ext, ivrid);
  const described = event.call?.ivrid === ivrid ? event.call : null;
  const call = described ? mergeCall(known?.call, described) : known?.call;
  // A HANGUP for a call never seen and not described: nothing to end, nothing to record.
  if (!call) return;
  const outcome = hangupOutcome(call, hangup.cause);
  draft.endCall({ extension: ext, call }, event.at, outcome, hangup.cause, hangup.callerId);
}

export function reduceExtensionEvent(state: CallState, event: ExtensionEvent): CallState {
  const draft = new CallDraft(state, event.at);
  const ext = event.extension.number;
  switch (event.reason) {
    case 'NEWCALL':
    case 'ANSWER':
    case 'HOLD':
    case 'UNHOLD': {
      const target = targetCall(event, draft);
      if (target) {
        const known = draft.find(ext, target.ivrid);
        const call = applyReason(mergeCall(known?.call, target), event.reason, event.at);
        draft.putCall({ extension: ext, call });
      }
      break;
    }
    case 'HANGUP':
      reduceHangup(draft, event);
      break;
    case 'userStatusUpdate': {
      const existing = draft.extension(ext);
      if (existing) {
        draft.setExtension({
          ...existing,
          statusCode: event.extension.statusCode,
          statusUpdatedAt: event.extension.statusUpdatedAt,
        });
        return draft.finish();
      }
      break;
    }
    default:
      // Unknown reason: refresh the extension's data below, leave calls alone.
      break;
  }
  // The payload's own `calls` can be stale (HOLD/UNHOLD): the board lists the tracked calls.
  draft.setExtension({ ...event.extension, calls: draft.callsOf(ext) });
  return draft.finish();
}
