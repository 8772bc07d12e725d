import type { NativeImage, Notification } from 'electron';
import type { CallAlert, Logger, Notifier } from '../../core/ports';

export interface ElectronNotifierOptions {
  Notification: typeof Notification;
  icon?: NativeImage;
  logger: Logger;
  /** Buttons on the alert are macOS-only in Electron; default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Resolve `notify` after this long if the OS never says "shown" (Focus Assist, Do Not Disturb). Default 2000 ms. */
  settleMs?: number;
}

/**
 * Call alerts through Electron's own `Notification`, used on macOS and Windows: the alert carries
 * Ringside's name and icon in Notification Center / Action Center (on Windows only because
 * `app.setAppUserModelId` was called at start), it needs no helper binary unpacked from the asar,
 * and its click event is reliable, so a click brings the call to the front.
 *
 * One alert per call id: the same words again do nothing; new words close the old alert and show
 * the new one. Each Notification is kept referenced until it closes, because an unreferenced one
 * can be garbage-collected and its click silently lost.
 */
export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  const shown = new Map<string, { notification: Notification; words: string }>();

  const forget = (id: string, notification: Notification): void => {
    if (shown.get(id)?.notification === notification) shown.delete(id);
  };

  return {
    notify(alert: CallAlert, onClick: (action?: string) => void): Promise<void> {
      if (!options.Notification.isSupported()) {
        return Promise.reject(new Error('This system does not support desktop notifications.'));
      }
      const words = `${alert.title}\n${alert.body}`;
      const buttons =
        (options.platform ?? process.platform) === 'darwin' ? (alert.actions ?? []) : [];
      const previous = shown.get(alert.id);
      if (previous?.words === words) return Promise.resolve();
      if (previous) {
        shown.delete(alert.id);
        previous.notification.removeAllListeners();
        previous.notification.close();
      }

      const notification = new options.Notification({
        title: alert.title,
        body: alert.body,
        silent: false,
        // Windows: the toast stays until the call stops ringing (dismiss) instead of fading after 5 s.
        timeoutType: 'never',
        ...(options.icon ? { icon: options.icon } : {}),
        // macOS shows buttons (Show, Open room) on an alert-style notification. Windows would
        // need a hand-written toastXml with a protocol activation; the toast's click does "Show".
        ...(buttons.length > 0
          ? { actions: buttons.map((button) => ({ type: 'button' as const, text: button.label })) }
          : {}),
      });
      shown.set(alert.id, { notification, words });

      return new Promise<void>((resolve, reject) => {
        let settled = false;
        const settle = (error: Error | null): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const timer = setTimeout(() => settle(null), options.settleMs ?? 2000);
        notification.on('show', () => settle(null));
        notification.on('failed', (_event, error) => {
          forget(alert.id, notification);
          settle(new Error(`The system refused the notification: ${error}`));
        });
        notification.on('click', () => {
          forget(alert.id, notification);
          onClick();
        });
        notification.on('action', (_event, index) => {
          forget(alert.id, notification);
          onClick(buttons[index]?.id);
        });
        notification.on('close', () => forget(alert.id, notification));
        notification.show();
      });
    },

    dismiss(id: string): void {
      const entry = shown.get(id);
      if (!entry) return;
      shown.delete(id);
      entry.notification.removeAllListeners();
      entry.notification.close();
    },
  };
}
