import type { GlobalShortcut } from 'electron';
import {
  afterRegistration,
  planShortcuts,
  type ShortcutAction,
  type ShortcutSettings,
  type ShortcutStatus,
} from '../../../shared/desktop/accelerators';

/**
 * Registers the agent's global shortcuts, replacing any earlier set. Two actions on one key and
 * unreadable accelerators are never handed to Electron; a key another program holds makes
 * `register` answer false (or throw, for one Electron cannot read): each comes back as a status
 * for the window instead of failing silently.
 */
export function applyShortcuts(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregisterAll'>,
  settings: ShortcutSettings,
  platform: string,
  run: (action: ShortcutAction) => void,
): ShortcutStatus[] {
  globalShortcut.unregisterAll();
  const plan = planShortcuts(settings, platform);
  const actionOf = new Map(plan.register.map((entry) => [entry.accelerator, entry.action]));
  return afterRegistration(plan, (accelerator) => {
    const action = actionOf.get(accelerator);
    if (!action) return false;
    try {
      return globalShortcut.register(accelerator, () => run(action));
    } catch {
      return false;
    }
  });
}
