import type { App, BrowserWindow, Dock, GlobalShortcut, NativeImage } from 'electron';
import type { ShortcutAction, ShortcutSettings } from '../../../shared/desktop/accelerators';
import { shortcutCommand } from '../../../shared/desktop/shortcut-command';
import type { AppSnapshot } from '../../../shared/ipc/snapshot';
import type { Logger, Notifier } from '../../core/ports';
import type { RingsideCore } from '../../core/types';
import { createAttention } from './attention';
import { createBadge } from './badge';
import { applyLoginItem } from './login-item';
import { applyShortcuts } from './shortcuts';

export interface DesktopOptions {
  platform: NodeJS.Platform;
  app: Pick<App, 'setBadgeCount' | 'setLoginItemSettings'> & { dock?: Dock | undefined };
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregisterAll'>;
  core: Pick<RingsideCore, 'desktop' | 'handlers' | 'view'>;
  window: () => BrowserWindow | null;
  showWindow: () => void;
  notifier: Notifier;
  /** The agent's start-at-login and shortcut settings, as stored. */
  settings: () => { startAtLogin: boolean; shortcuts: ShortcutSettings };
  /** The Windows taskbar overlay for missed calls. */
  overlay: () => NativeImage;
  log: Logger;
}

export interface DesktopWiring {
  /** After every change of the view: rings, the badge, start at login, shortcuts. */
  viewChanged(view: AppSnapshot): void;
  /** The window was closed to the tray (not quit). */
  closedToTray(): void;
  dispose(): void;
}

/**
 * The Electron desktop around the core: a new ring brings the window forward and asks for the
 * agent's attention as the core's alert policy decides from the window as it is, the missed-call
 * badge follows the view, and the login item and global shortcuts follow the settings (their
 * results reported back to the core, so the window can say what failed).
 */
export function wireDesktop(options: DesktopOptions): DesktopWiring {
  const { core, log } = options;
  const attention = createAttention({
    platform: options.platform,
    window: options.window,
    dock: options.app.dock,
  });
  const badge = createBadge({
    platform: options.platform,
    app: options.app,
    dock: options.app.dock,
    window: options.window,
    overlay: options.overlay,
  });
  let ringingId: string | null = null;
  let loginItem: boolean | null = null;
  let shortcutsKey: string | null = null;

  const run = (action: ShortcutAction): void => {
    const command = shortcutCommand(action, core.view());
    const failed = (error: unknown): void => log.warn('a shortcut failed', { action, error });
    switch (command.kind) {
      case 'show-window':
        options.showWindow();
        return;
      case 'open-room':
        void Promise.resolve(core.handlers.openRoom(command.ivrid)).catch(failed);
        return;
      case 'room-action':
        void Promise.resolve(core.handlers.roomAction(command.ivrid, command.action)).catch(failed);
        return;
      case 'nothing':
        log.info('a shortcut had nothing to act on', { action, reason: command.reason });
        options.showWindow();
        return;
    }
  };

  const followSettings = (): void => {
    const { startAtLogin, shortcuts } = options.settings();
    if (startAtLogin !== loginItem) {
      loginItem = startAtLogin;
      if (applyLoginItem(options.app, options.platform, startAtLogin) === 'unsupported')
        log.info('start at login is not available on this platform');
    }
    const key = JSON.stringify(shortcuts);
    if (key !== shortcutsKey) {
      shortcutsKey = key;
      core.desktop.reportShortcuts(
        applyShortcuts(options.globalShortcut, shortcuts, options.platform, run),
      );
    }
  };

  return {
    viewChanged(view) {
      followSettings();
      badge.render(view.desktop.missed);
      const current = view.calls.currentCall;
      const nowRinging = current?.call.status === 'ringing' ? current.call.ivrid : null;
      if (nowRinging && nowRinging !== ringingId) {
        const window = options.window();
        const look =
          window && !window.isDestroyed()
            ? { visible: window.isVisible(), focused: window.isFocused() }
            : { visible: false, focused: false };
        const decision = core.desktop.decide(look);
        if (decision.bringToFront) options.showWindow();
        if (decision.attention) attention.start();
      }
      if (!nowRinging) attention.stop();
      ringingId = nowRinging;
    },
    closedToTray() {
      if (core.view().desktop.closeHintShown) return;
      void Promise.resolve(core.handlers.closeHintShown()).catch(() => undefined);
      options.notifier
        .notify(
          {
            id: 'ringside-close-hint',
            title: 'Ringside is still running',
            body: 'It keeps listening for your calls in the tray. Quit it from the tray menu.',
          },
          options.showWindow,
        )
        .catch((error: unknown) => log.info('the close-to-tray hint was not shown', { error }));
    },
    dispose() {
      attention.stop();
      options.globalShortcut.unregisterAll();
    },
  };
}
