import { spawnSync } from 'node:child_process';
import type { Logger, Notifier } from '../ports';
import { NodeNotifierNotifier, type NodeNotifierOptions } from './node-notifier-notifier';
import { english, say } from '../../../shared/messages/translate';
import { LINUX_NOTIFY } from '../../../shared/desktop/notification-health';
import type { Message } from '../../../shared/messages/catalogue';

export interface PlainNodeNotifier {
  notifier: Notifier;
  /** False when alerts cannot work on this machine (the window then says so). */
  available: boolean;
  /** Why not, in plain words; null when available. */
  reason: string | null;
  /** The same, as a code the window puts in the agent's language. */
  reasonSays: Message | null;
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
  const reasonSays = platform === 'darwin' || platform === 'win32' ? null : linuxProblem();
  const reason = reasonSays ? english(reasonSays) : null;
  if (reason) options.logger.warn('desktop alerts are not available', { reason });
  return { notifier, available: reason === null, reason, reasonSays };
}

function linuxProblem(): Message | null {
  if (spawnSync('which', ['notify-send']).status !== 0)
    return say('desktop.no-notify-send', {
      tool: LINUX_NOTIFY.tool,
      install: LINUX_NOTIFY.install,
    });
  if (!process.env.DBUS_SESSION_BUS_ADDRESS && !process.env.XDG_RUNTIME_DIR)
    return say('desktop.no-session-bus');
  return null;
}
