import type { App } from 'electron';

/** The argument a start at login carries on Windows, so Ringside starts hidden in the tray. */
export const HIDDEN_ARG = '--hidden';

export type LoginItemResult = 'applied' | 'unsupported';

/**
 * Start at login, hidden in the tray. Windows: a Run entry whose command carries `--hidden`.
 * macOS: a login item, and `wasOpenedAtLogin` tells the start it was one. Linux has no login item
 * in Electron (an autostart .desktop file is the desktop's own way): reported as unsupported.
 */
export function applyLoginItem(
  app: Pick<App, 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
  openAtLogin: boolean,
): LoginItemResult {
  if (platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] });
    return 'applied';
  }
  if (platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin });
    return 'applied';
  }
  return 'unsupported';
}

/** Whether this start should stay in the tray: started at login, or asked to with `--hidden`. */
export function startsHidden(
  app: Pick<App, 'getLoginItemSettings'>,
  platform: NodeJS.Platform,
  argv: readonly string[],
): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
