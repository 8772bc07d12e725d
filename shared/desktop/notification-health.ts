import type { NotificationHealth } from '../ipc/desktop';

export interface HealthInput {
  /** The host found somewhere to send notifications to. */
  available: boolean;
  /** Why not, when not available (e.g. "notify-send is not installed …"). */
  reason: string | null;
  /** The last refusal by the system, while no notification has gone through since. */
  refused: string | null;
  platform: string;
}

/**
 * What the window and the tray say about call alerts. "No service" and "blocked" are told apart:
 * the first is not something the agent switched off, so they are never sent to their settings
 * for it.
 */
export function notificationHealth(input: HealthInput): NotificationHealth {
  if (!input.available) {
    const why = input.reason ?? 'this desktop has no notification service';
    return {
      status: 'no-service',
      text: `Call alerts cannot be shown here: ${why}. ${noServiceFix(input.platform)} Until then, ringing calls show in the window and the tray.`,
      trayLine: 'No notification service: alerts cannot show',
    };
  }
  if (input.refused !== null) {
    return {
      status: 'blocked',
      text: `The system refused Ringside's call alert. ${blockedFix(input.platform)} Then use "Test ring" to check.`,
      trayLine: 'Alerts blocked by the system (see the window)',
    };
  }
  return { status: 'ok', text: '', trayLine: '' };
}

function noServiceFix(platform: string): string {
  if (platform === 'linux')
    return 'Ringside needs a desktop notification server on the session bus (GNOME, KDE and most desktops have one; on a bare window manager start one such as dunst) and notify-send (Debian/Ubuntu: apt install libnotify-bin).';
  return 'Ask your IT department whether notifications are disabled for this computer.';
}

function blockedFix(platform: string): string {
  if (platform === 'win32')
    return 'Open Settings > System > Notifications, turn notifications on for Ringside, and check that Do not disturb (Focus assist) lets them through.';
  if (platform === 'darwin')
    return 'Open System Settings > Notifications > Ringside, turn on "Allow notifications" with the Alerts style, and check that no Focus mode holds them back.';
  return "Check your desktop's notification settings and its do-not-disturb mode.";
}
