import type { CallInfo, CallState, RealtimeEvent } from '../../../shared/domain/calls';
import { ownActiveCalls } from '../../../shared/calls/derive';
import { formatPhoneForDisplay } from '../../../shared/phone/normalise';
import type { Message } from '../../../shared/messages/catalogue';
import type { Locale } from '../../../shared/messages/locale';
import { english, say, translate } from '../../../shared/messages/translate';
import type { CallAlert, Logger, Notifier } from '../ports';

/**
 * A notification's words in the agent's language, names and numbers isolated (FSI … PDI) so a
 * Hebrew sentence keeps them whole; without a language, the plain English (logs, tests).
 */
const wordsIn =
  (locale: Locale | undefined) =>
  (message: Message): string =>
    locale ? translate(locale, message) : english(message);

/** The words of a ringing call's notification: "Incoming call" / "Test Voicenter 050-123-4567, line 072-277-6772". */
export function callAlertFor(call: CallInfo, locale?: Locale): CallAlert {
  const words = wordsIn(locale);
  const number = formatPhoneForDisplay(call.callerPhone);
  const name = call.callerName.trim();
  const who =
    name && name !== call.callerPhone && name !== number
      ? say('notify.caller-named', { name, number })
      : number
        ? say('notify.caller-number', { number })
        : say('notify.caller-unknown');
  const body = call.did
    ? say('notify.ring-body-line', { who, line: formatPhoneForDisplay(call.did) })
    : say('notify.ring-body', { who });
  return { id: call.ivrid, title: words(say('notify.incoming-call')), body: words(body) };
}

export interface CallAlertsDeps {
  notifier: Notifier;
  logger: Logger;
  enabled: () => boolean;
  /** The agent clicked the notification of this call (or one of its buttons: `action`). */
  onClick: (ivrid: string, action?: CallAlertAction) => void;
  /** The OS refused the notification: tell the agent in the window instead (`says`: as a code). */
  onFailure: (message: string, says?: Message) => void;
  /** The agent's language for the notifications' words (plain English without it). */
  locale?: () => Locale;
  /** The OS took a notification: an earlier refusal no longer holds. */
  onShown?: () => void;
  /**
   * A line about the caller from what Ringside already holds (the history), added under the
   * call's words; null when there is nothing to say. Synchronous and local: the alert never waits.
   */
  callerLine?: (call: CallInfo) => Message | null;
}

export type CallAlertAction = 'show' | 'open-room';
/** The buttons of a call's notification, where the platform shows buttons. */
export const CALL_ALERT_ACTIONS: readonly { id: CallAlertAction; label: string }[] = [
  { id: 'show', label: 'Show' },
  { id: 'open-room', label: 'Open room' },
];
const ACTION_WORDS: Readonly<Record<CallAlertAction, Message>> = {
  show: say('notify.action-show'),
  'open-room': say('notify.action-open-room'),
};
/** The buttons in the agent's language. */
const actionsIn = (locale: Locale | undefined): { id: CallAlertAction; label: string }[] =>
  CALL_ALERT_ACTIONS.map((action) => ({
    id: action.id,
    label: wordsIn(locale)(ACTION_WORDS[action.id]),
  }));
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
      if (this.deps.enabled()) this.show(this.alertFor(current.call));
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
    const words = wordsIn(this.deps.locale?.());
    await this.deps.notifier.notify(
      {
        id: 'ringside-test-ring',
        title: words(say('notify.test-title')),
        body: words(say('notify.test-body')),
      },
      () => undefined,
    );
  }

  private alertFor(call: CallInfo): CallAlert {
    const locale = this.deps.locale?.();
    const alert = callAlertFor(call, locale);
    const line = this.deps.callerLine?.(call) ?? null;
    return line ? { ...alert, body: `${alert.body}\n${wordsIn(locale)(line)}` } : alert;
  }

  private show(alert: CallAlert): void {
    this.showing.add(alert.id);
    this.deps.notifier
      .notify({ ...alert, actions: actionsIn(this.deps.locale?.()) }, (action) =>
        this.deps.onClick(alert.id, isAction(action) ? action : undefined),
      )
      .then(() => this.deps.onShown?.())
      .catch((error: unknown) => {
        this.deps.logger.warn('notification failed', { error });
        const says = say('notify.alert-failed');
        this.deps.onFailure(english(says), says);
      });
  }

  private trimMemory(): void {
    if (this.alerted.size <= 500) return;
    const oldest = this.alerted.values().next().value;
    if (oldest !== undefined) this.alerted.delete(oldest);
  }
}
