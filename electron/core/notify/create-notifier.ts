import { spawnSync } from 'node:child_process';
import type { Logger, Notifier } from '../ports';
import { NodeNotifierNotifier, type NodeNotifierOptions } from './node-notifier-notifier';

export interface PlainNodeNotifier {
  notifier: Notifier;
  /** False when alerts cannot work on this machine (the window then says so). */
  available: boolean;
  /** Why not, in plain words; null when available. */
  reason: string | null;
}

/**
 * The notifier for plain Node (the headless host): node-notifier, plus an honest answer to "can
 * alerts work here at all?". On Linux that needs `notify-send` and a session bus; node-notifier
 * ships its own helpers for macOS and Windows.
 */
export function createNotifier(
  options: Omit<NodeNotifierOptions, 'logger'> & { logger: Logger },
): PlainNodeNotifier {
  const platform = options.platform ?? process.platform;
  const notifier = new NodeNotifierNotifier({ ...options, logger: options.logger.child('notify') });
  const reason = platform === 'darwin' || platform === 'win32' ? null : linuxProblem();
  if (reason) options.logger.warn('desktop alerts are not available', { reason });
  return { notifier, available: reason === null, reason };
}

function linuxProblem(): string | null {
  if (spawnSync('which', ['notify-send']).status !== 0) {
    return 'notify-send is not installed (Debian/Ubuntu: apt install libnotify-bin)';
  }
  if (!process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.XDG_RUNTIME_DIR) {
    return 'there is no desktop session bus to send alerts to';
  }
  return null;
}
