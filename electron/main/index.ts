/**
 * The Electron composition root: one linear `start()` that wires the real adapters around the
 * core and collects a disposer for everything it sets up. Nothing registers at import time except
 * the call to `start()` at the bottom.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import Store from 'electron-store';
// CommonJS: its autoUpdater is a getter the ESM named-import scan cannot see.
import electronUpdater from 'electron-updater';
import { parseTelUrl, telUrlFromArgv } from '../../shared/tel/parse';
import { trayStateOf } from '../../shared/tray/tray-state';
import { createRingsideCore } from '../core/compose';
import { HostNotices } from '../core/calls/notices';
import { createLogger } from '../core/logging';
import { createNotifier, createPlatformNotifier } from '../core/notify';
import { systemClock } from '../core/ports';
import {
  configPathFrom,
  DataFolderWatch,
  openRecovering,
  openSettings,
  type SettingsBackend,
} from '../core/settings';
import type { Logger } from '../core/ports';
import { isOnCall, UpdateService } from '../core/update';
import { startDemoServices } from '../demo/start-demo';
import { registerAppScheme, serveApp } from './adapters/app-protocol';
import { createAutoUpdater } from './adapters/auto-updater';
import { createElectronNotifier } from './adapters/electron-notifier';
import { createEventSender, registerIpc, trustedFrameFor } from './adapters/ipc';
import { createOpenExternal } from './adapters/open-external';
import { createCopyText, createSaveTextFile } from './adapters/history-export';
import { watchPower } from './adapters/power';
import { createSafeStorageCipher } from './adapters/safe-storage-cipher';
import { createTray, trayIconDir, trayImages } from './adapters/tray';
import { createMainWindow, guardContents, secureSession } from './adapters/window';
import { APP_BASE, cspFor } from './security/policy';
import { watchNetwork } from './platform/network-watch';

/** Must match `appId` in electron-builder.yml: Windows ties toasts and the taskbar to it. */
const APP_ID = 'il.co.ringside.desktop';
const LINK_SCHEMES = ['tel', 'callto'] as const;
const QUIT_ARG = '--quit';

async function start(): Promise<void> {
  registerAppScheme(protocol);
  // A separate profile (tests, a second agent on one machine); before anything reads userData.
  if (process.env.RINGSIDE_USER_DATA) app.setPath('userData', process.env.RINGSIDE_USER_DATA);
  // Never two copies: a second launch (or a tel: link on Windows/Linux) goes to the first one.
  // `--quit` asks a running copy to quit (IT scripts, the packaged-app test) and starts nothing.
  if (!app.requestSingleInstanceLock() || process.argv.includes(QUIT_ARG)) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  // Links can arrive before the window exists (macOS sends open-url before ready).
  const pendingLinks: string[] = [];
  let onLink = (url: string): void => void pendingLinks.push(url);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    onLink(url);
  });
  const launchLink = telUrlFromArgv(process.argv);
  if (launchLink) pendingLinks.push(launchLink);

  await app.whenReady();
  const mainDir = dirname(fileURLToPath(import.meta.url));
  const dataDir = app.getPath('userData');
  // What the agent must hear about before the core exists: the config file, the data folder.
  const hostNotices = new HostNotices();
  const dataFolder = new DataFolderWatch(dataDir);
  dataFolder.onProblem((_problem, says) => hostNotices.add('error', says, 'data-folder'));
  const logger = createLogger({
    name: 'ringside',
    file: join(dataDir, 'logs', 'ringside.log'),
    stdout: !app.isPackaged,
    level: app.isPackaged ? 'info' : 'debug',
    onFileError: (error) => dataFolder.failed('log', error),
  });
  const log = logger.child('main');
  process.on('uncaughtException', (error) => log.error('uncaught exception', { error }));
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error }));
  log.info('starting', {
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron,
  });

  // Settings, secrets and the deployment's configuration file: the same path as the headless host.
  const { settings, secrets, configProblemSays } = openSettings({
    openBackend: (name) => openStore(name, dataDir, log),
    cipher: () => createSafeStorageCipher(safeStorage, process.platform),
    configPath: configPathFrom(process.argv, process.env),
    logger,
    dataFolder,
  });
  // The "system" language follows the OS's (Chromium's own reading of it).
  settings.systemLocale = app.getLocale();
  if (!secrets.persistent) log.warn('no OS key store: secrets are kept in memory only');
  if (configProblemSays) hostNotices.add('warning', configProblemSays, 'config-file');

  // Notifications: Electron's own on macOS/Windows, node-notifier -> notify-send on Linux.
  let notificationsAvailable = Notification.isSupported();
  const notifier = createPlatformNotifier(process.platform, {
    electron: () => createElectronNotifier({ Notification, logger: logger.child('notify') }),
    nodeNotifier: () => {
      const plain = createNotifier({ appName: 'Ringside', logger });
      notificationsAvailable = plain.available;
      return plain.notifier;
    },
  });

  // The app's own updates: looked for on start and daily, installed only with the agent's consent
  // and never during a call (core/update/). Only a packaged app has a feed (app-update.yml).
  let onCall = (): boolean => false;
  let beforeUpdateInstall = (): void => undefined;
  const updates = new UpdateService({
    updater: app.isPackaged
      ? createAutoUpdater({
          autoUpdater: electronUpdater.autoUpdater,
          logger,
          beforeInstall: () => beforeUpdateInstall(),
        })
      : null,
    settings: () => settings.get().updates,
    onCall: () => onCall(),
    logger,
    clock: systemClock,
  });

  const openExternal = createOpenExternal(shell);
  const core = createRingsideCore({
    settings,
    secrets,
    notifier,
    logger,
    clock: systemClock,
    dataDir,
    notificationsAvailable,
    recentLogLines: () => logger.recentLines(),
    openExternal,
    hostNotices,
    startDemo: startDemoServices,
    updates,
    // The window is made after the core; the dialog sits over it once it exists.
    saveTextFile: createSaveTextFile(dialog, () => window),
    copyText: createCopyText(clipboard),
  });
  onCall = () => isOnCall(core.view());
  const disposers: (() => void)[] = [];

  // The window's security: its origin, CSP, permissions, and navigation guards on every contents.
  const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
  const appBase = devServerUrl ?? APP_BASE;
  secureSession(session.defaultSession, appBase, devServerUrl);
  if (!devServerUrl) {
    disposers.push(
      serveApp(protocol, (url) => net.fetch(url), join(mainDir, '../renderer'), cspFor(null)),
    );
  }
  app.on('web-contents-created', (_event, contents) => {
    guardContents(contents, appBase, (url) => {
      openExternal(url).catch((error: unknown) => log.warn('could not open a link', { error }));
    });
  });

  let quitting = false;
  // Installing an update closes the windows before before-quit: they must not hide to the tray.
  beforeUpdateInstall = () => {
    quitting = true;
  };
  let window: BrowserWindow | null = null;
  const openWindow = (): BrowserWindow => {
    const created = createMainWindow({
      BrowserWindow,
      preload: join(mainDir, '../preload/index.cjs'),
    });
    created.once('ready-to-show', () => {
      if (!process.argv.includes('--hidden')) created.show();
    });
    // Closing the window keeps Ringside in the tray; Quit is in the tray menu.
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    created.loadURL(devServerUrl ?? `${APP_BASE}/index.html`).catch((error: unknown) => {
      log.error('the window could not load the app', { error });
    });
    return created;
  };
  const showWindow = (): void => {
    if (!window || window.isDestroyed()) window = openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  window = openWindow();

  disposers.push(
    registerIpc(ipcMain, core.handlers, trustedFrameFor(appBase), (method, error) =>
      log.error('an action failed', { method, error }),
    ),
  );
  const send = createEventSender(
    () => window?.webContents ?? null,
    appBase,
    (event, error) => log.warn('could not update the window', { event, error }),
  );

  const imageFor = trayImages({
    nativeImage,
    dir: trayIconDir({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    }),
    platform: process.platform,
    onMissing: (path) => log.error('a tray icon is missing', { path }),
  });
  const tray = createTray({
    Tray,
    Menu,
    imageFor,
    initial: trayStateOf(core.view(), settings.locale()),
    onShow: showWindow,
    onQuit: () => app.quit(),
  });
  disposers.push(() => tray.dispose());

  // State to the window and the tray; the window comes forward on a new ring only if the agent chose it.
  let ringingId: string | null = null;
  const unsubscribeSnapshot = core.onUpdate((update) => {
    send('update', update);
    // The tray and the ring follow the view; board-only updates change neither.
    if (Object.keys(update.view).length === 0) return;
    updates.callStateChanged();
    const view = core.view();
    tray.render(trayStateOf(view, view.settings.language?.locale));
    const current = view.calls.currentCall;
    const nowRinging = current?.call.status === 'ringing' ? current.call.ivrid : null;
    if (nowRinging && nowRinging !== ringingId && view.settings.notifications.focusWindowOnRing)
      showWindow();
    ringingId = nowRinging;
  });
  const unsubscribeFocus = core.onFocusCall((ivrid) => {
    showWindow();
    send('focusCall', { ivrid });
  });
  disposers.push(unsubscribeSnapshot, unsubscribeFocus);

  // Deaf after sleep or a network change: reconnect at once.
  disposers.push(watchPower(powerMonitor, (reason) => core.reconnectNow(reason)));
  const network = watchNetwork({
    isOnline: () => net.isOnline(),
    onChange: (reason) => core.reconnectNow(reason),
  });
  disposers.push(() => network.stop());

  // tel: and callto: links, and second launches.
  onLink = (url) => {
    showWindow();
    const link = parseTelUrl(url);
    if (link)
      log.info('a phone link was opened', { digits: link.number.replace(/\D/g, '').length });
    else log.warn('ignored a link that is not a phone number');
  };
  for (const url of pendingLinks.splice(0)) onLink(url);
  app.on('second-instance', (_event, argv) => {
    if (argv.includes(QUIT_ARG)) {
      app.quit();
      return;
    }
    const link = telUrlFromArgv(argv);
    if (link) onLink(link);
    else showWindow();
  });
  app.on('activate', showWindow);
  // A tray app stays alive without windows.
  app.on('window-all-closed', () => undefined);
  if (app.isPackaged) claimLinkSchemes(log);

  let cleanedUp = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (cleanedUp) return;
    event.preventDefault();
    void (async () => {
      await core.stop().catch((error: unknown) => log.error('stopping the core failed', { error }));
      for (const dispose of disposers.reverse()) {
        try {
          dispose();
        } catch (error) {
          log.error('a disposer failed', { error });
        }
      }
      log.info('quit');
      await logger.close();
      cleanedUp = true;
      app.quit();
    })();
  });

  await core.start();
  disposers.push(updates.onStatus((status) => send('updateStatus', status)));
  disposers.push(() => updates.stop());
  updates.start();
}

function openStore(name: string, dataDir: string, log: Logger): SettingsBackend {
  return openRecovering(
    () =>
      new Store<Record<string, unknown>>({
        name,
        clearInvalidConfig: false,
        configFileMode: 0o600,
      }),
    join(dataDir, `${name}.json`),
    log,
  );
}

/**
 * Registers for tel:/callto: only where no other program handles them: the agent's softphone
 * usually owns tel:, and Ringside must not take it away. The installer declares both schemes, so
 * the agent can still choose Ringside in the system settings.
 */
function claimLinkSchemes(log: Logger): void {
  for (const scheme of LINK_SCHEMES) {
    if (app.isDefaultProtocolClient(scheme)) continue;
    if (app.getApplicationNameForProtocol(`${scheme}:`) !== '') continue;
    if (app.setAsDefaultProtocolClient(scheme))
      log.info('registered as the handler of a link scheme', { scheme });
  }
}

start().catch((error: unknown) => {
  console.error('Ringside could not start:', error);
  dialog.showErrorBox(
    'Ringside could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
});
