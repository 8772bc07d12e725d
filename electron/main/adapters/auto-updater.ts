import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../../core/ports';
import type { Updater } from '../../core/update';

/** The parts of electron-updater's `autoUpdater` Ringside touches (tests pass a fake). */
export type AutoUpdaterLike = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowDowngrade'
  | 'disableWebInstaller'
  | 'logger'
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'quitAndInstall'
  | 'on'
  | 'off'
>;

/**
 * electron-updater as the update policy's Updater (electron/core/update/). It downloads in the
 * background and installs only when asked (never on its own at quit). Its signature checks stay
 * as electron-updater ships them: the Windows installer's publisher and the macOS app's code
 * signature must match the running app's; web installers, which may carry none, are refused.
 */
export function createAutoUpdater(options: {
  autoUpdater: AutoUpdaterLike;
  logger: Logger;
  /** Runs just before the app quits to install: the host lets its windows close. */
  beforeInstall: () => void;
}): Updater {
  const { autoUpdater } = options;
  const log = options.logger.child('electron-updater');
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.disableWebInstaller = true;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info(String(message)),
    warn: (message?: unknown) => log.warn(String(message)),
    error: (message?: unknown) => log.error(String(message)),
    debug: (message: string) => log.debug(message),
  };
  return {
    useFeed(url) {
      if (url) autoUpdater.setFeedURL({ provider: 'generic', url });
    },
    async check() {
      await autoUpdater.checkForUpdates();
    },
    install() {
      options.beforeInstall();
      // Silent (the per-user installer needs no questions) and start Ringside again afterwards.
      autoUpdater.quitAndInstall(true, true);
    },
    onEvent(listener) {
      const handlers: [string, (...args: never[]) => void][] = [
        ['checking-for-update', () => listener({ type: 'checking' })],
        [
          'update-available',
          (info: { version: string }) => listener({ type: 'available', version: info.version }),
        ],
        ['update-not-available', () => listener({ type: 'not-available' })],
        [
          'download-progress',
          (progress: { percent: number }) =>
            listener({ type: 'progress', percent: progress.percent }),
        ],
        [
          'update-downloaded',
          (info: { version: string }) => listener({ type: 'downloaded', version: info.version }),
        ],
        ['error', (error: Error) => listener({ type: 'error', message: error.message })],
      ];
      const emitter = autoUpdater as unknown as {
        on(event: string, handler: (...args: never[]) => void): void;
        off(event: string, handler: (...args: never[]) => void): void;
      };
      for (const [event, handler] of handlers) emitter.on(event, handler);
      return () => {
        for (const [event, handler] of handlers) emitter.off(event, handler);
      };
    },
  };
}
