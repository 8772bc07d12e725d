import type { CallInfo, CallState, RealtimeEvent } from '../../../shared/domain/calls';
import { ownActiveCalls } from '../../../shared/calls/derive';
import { formatPhoneForDisplay } from '../../../shared/phone/normalise';
import type { CallAlert, Logger, Notifier } from '../ports';

/** The words of a ringing call's notification: "Incoming call" / "Test Voicenter 050-123-4567, line 072-277-6772". */
export function callAlertFor(call: CallInfo): CallAlert {
  const number = formatPhoneForDisplay(call.callerPhone);
  const name = call.callerName.trim();
  const who =
    name && name !== call.callerPhone && name !== number
      ? `${name} ${number}`
      : number || 'Unknown caller';
  const line = call.did ? `, line ${formatPhoneForDisplay(call.did)}` : '';
  return { id: call.ivrid, title: 'Incoming call', body: `${who}${line}` };
}

export interface CallAlertsDeps {
  notifier: Notifier;
  logger: Logger;
  enabled: () => boolean;
  /** The agent clicked the notification of this call (or one of its buttons: `action`). */
  onClick: (ivrid: string, action?: CallAlertAction) => void;
  /** The OS refused the notification: tell the agent in the window instead. */
  onFailure: (message: string) => void;
  /** The OS took a notification: an earlier refusal no longer holds. */
  onShown?: () => void;
}

export type CallAlertAction = 'show' | 'open-room';
/** The buttons of a call's notification, where the platform shows buttons. */
export const CALL_ALERT_ACTIONS: readonly { id: CallAlertAction; label: string }[] = [
  { id: 'show', label: 'Show' },
  { id: 'open-room', label: 'Open room' },
];
const isAction = (id: string | undefined): id is CallAlertAction =>
  CALL_ALERT_ACTIONS.some((action) => action.id === id);

/**
 * Raises one native notification per call that rings for this agent (incoming NEWCALL on one of
 * the agent's own extensions), and takes it away once the call stops ringing, so a toast never
 * outlives the ring.
 */
export class CallAlerts {
  private readonly alerted = new Set<string>();
  private readonly showing = new Set<string>();

  constructor(private readonly deps: CallAlertsDeps) {}

  handle(event: RealtimeEvent, _before: CallState, after: CallState): void {
    const current = after.currentCall;
    if (
      event.kind === 'extension' &&
      event.reason === 'NEWCALL' &&
      current &&
      current.call.status === 'ringing' &&
      current.call.direction === 'incoming' &&
      !this.alerted.has(current.call.ivrid)
    ) {
      this.alerted.add(current.call.ivrid);
      this.trimMemory();
      if (this.deps.enabled()) this.show(callAlertFor(current.call));
    }
    // Stop showing alerts for calls that are no longer ringing here (answered, ended, elsewhere).
    for (const id of [...this.showing]) {
      const stillRinging = ownActiveCalls(after).some(
        (active) => active.call.ivrid === id && active.call.status === 'ringing',
      );
      if (!stillRinging) {
        this.showing.delete(id);
        this.deps.notifier.dismiss(id);
      }
    }
  }

  /** The "test ring" self-check: the same path as a real call. */
  async testRing(): Promise<void> {
    await this.deps.notifier.notify(
      {
        id: 'ringside-test-ring',
        title: 'Incoming call (test)',
        body: 'This is how Ringside tells you a call is ringing.',
      },
      () => undefined,
    );
  }

  private show(alert: CallAlert): void {
    this.showing.add(alert.id);
    this.deps.notifier
      .notify({ ...alert, actions: CALL_ALERT_ACTIONS }, (action) =>
        this.deps.onClick(alert.id, isAction(action) ? action : undefined),
      )
      .then(() => this.deps.onShown?.())
      .catch((error: unknown) => {
        this.deps.logger.warn('notification failed', { error });
        this.deps.onFailure(
          'Ringside could not show a desktop notification for the ringing call. Check that notifications are allowed for Ringside in your system settings.',
        );
      });
  }

  private trimMemory(): void {
    if (this.alerted.size <= 500) return;
    const oldest = this.alerted.values().next().value;
    if (oldest !== undefined) this.alerted.delete(oldest);
  }
}
