import type { Notifier } from '../ports';

export type NotifierKind = 'electron' | 'node-notifier';

/**
 * Which notification path a platform gets in the Electron app:
 * - macOS and Windows: Electron's own `Notification`. It carries the app's identity (name and icon
 *   in Notification Center / Action Center, the Windows AppUserModelID), survives packaging (no
 *   helper binaries to unpack from the asar) and reports clicks reliably.
 * - Linux (and anything else): node-notifier -> `notify-send` -> the desktop's D-Bus notification
 *   server, the same path the headless host uses, and the one CI observes for real.
 */
export function notifierKindFor(platform: NodeJS.Platform): NotifierKind {
  return platform === 'darwin' || platform === 'win32' ? 'electron' : 'node-notifier';
}

export function createPlatformNotifier(
  platform: NodeJS.Platform,
  factories: { electron: () => Notifier; nodeNotifier: () => Notifier },
): Notifier {
  return notifierKindFor(platform) === 'electron' ? factories.electron() : factories.nodeNotifier();
}
