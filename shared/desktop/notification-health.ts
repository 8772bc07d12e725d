import type { NotificationHealth } from '../ipc/desktop';
import type { Message } from '../messages/catalogue';
import { english, say } from '../messages/translate';

export interface HealthInput {
  /** The host found somewhere to send notifications to. */
  available: boolean;
  /** Why not, when not available (e.g. "notify-send is not installed …"). */
  reason: string | null;
  /** The same, as a code the window puts in the agent's language. */
  reasonSays?: Message | null;
  /** The last refusal by the system, while no notification has gone through since. */
  refused: string | null;
  platform: string;
}

/**
 * What the window and the tray say about call alerts. "No service" and "blocked" are told apart:
 * the first is not something the agent switched off, so they are never sent to their settings
 * for it.
 */
/** The programs a Linux desktop needs for alerts, named in the words (isolated, as names). */
export const LINUX_NOTIFY = {
  example: 'dunst',
  tool: 'notify-send',
  install: 'apt install libnotify-bin',
} as const;

export function notificationHealth(input: HealthInput): NotificationHealth {
  if (!input.available) {
    const why =
      input.reasonSays ??
      (input.reason ? say('plain', { text: input.reason }) : say('desktop.no-service-here'));
    const platform = input.platform === 'linux' ? 'linux' : 'other';
    return words(
      'no-service',
      say('desktop.no-service', { why, platform, ...LINUX_NOTIFY }),
      say('desktop.tray-no-service'),
    );
  }
  if (input.refused !== null) {
    const platform =
      input.platform === 'win32' || input.platform === 'darwin' ? input.platform : 'other';
    return words('blocked', say('desktop.blocked', { platform }), say('desktop.tray-blocked'));
  }
  return { status: 'ok', text: '', trayLine: '' };
}

function words(
  status: NotificationHealth['status'],
  says: Message,
  traySays: Message,
): NotificationHealth {
  return { status, text: english(says), trayLine: english(traySays), says, traySays };
}
