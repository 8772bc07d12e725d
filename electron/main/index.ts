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
  globalShortcut,
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
import { callLinkFromArgv } from '../../shared/desktop/call-link';
import { trayStateOf } from '../../shared/tray/tray-state';
import { createRingsideCore } from '../core/compose';
import { HostNotices } from '../core/calls/notices';
import { tuneEngineForEventStreams } from '../core/infra/engine-flags';
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
import { wireDesktop } from './adapters/desktop';
import { createElectronNotifier } from './adapters/electron-notifier';
import { createEventSender, registerIpc, trustedFrameFor } from './adapters/ipc';
import { createOpenExternal } from './adapters/open-external';
import { createCopyText, createSaveTextFile } from './adapters/history-export';
import { watchPower } from './adapters/power';
import { startsHidden } from './adapters/login-item';
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
  tuneEngineForEventStreams();
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
  const launchLink = callLinkFromArgv(process.argv);
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
  let notificationsProblem: string | null = notificationsAvailable
    ? null
    : 'this system reports that it cannot show notifications';
  const notifier = createPlatformNotifier(process.platform, {
    electron: () => createElectronNotifier({ Notification, logger: logger.child('notify') }),
    nodeNotifier: () => {
      const plain = createNotifier({ appName: 'Ringside', logger });
      notificationsAvailable = plain.available;
      notificationsProblem = plain.reason;
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
    notificationsProblem,
    desktopApp: true,
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
      // Started at login (or with --hidden): Ringside stays in the tray until the agent opens it.
      if (!startsHidden(app, process.platform, process.argv)) created.show();
    });
    // Closing the window keeps Ringside in the tray; Quit is in the tray menu.
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
      desktop.closedToTray();
    });
    // The agent looking at the window has seen the recent calls: the missed-call badge clears.
    created.on('focus', () => core.desktop.markMissedSeen());
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

  const send = createEventSender(
    () => window?.webContents ?? null,
    appBase,
    (event, error) => log.warn('could not update the window', { event, error }),
  );
  // The window's link: its updates (with the board records it watches) and its IPC handlers.
  const windowLink = core.connectWindow((update) => send('update', update));
  disposers.push(
    () => windowLink.close(),
    registerIpc(ipcMain, windowLink.handlers, trustedFrameFor(appBase), (method, error) =>
      log.error('an action failed', { method, error }),
    ),
  );

  const desktop = wireDesktop({
    platform: process.platform,
    app,
    globalShortcut,
    core,
    window: () => window,
    showWindow,
    notifier,
    settings: () => settings.get().desktop,
    overlay: () => imageFor('missed'),
    log,
  });
  disposers.push(() => desktop.dispose());

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
    desktop: {
      onTestRing: () => {
        Promise.resolve(core.handlers.testRing()).catch((error: unknown) =>
          log.warn('the test ring from the tray failed', { error }),
        );
      },
      onAlertMode: (alertMode) => void core.handlers.updateDesktopSettings({ alertMode }),
    },
  });
  disposers.push(() => tray.dispose());

  // The tray and the ring follow the view; a new ring alerts as the agent's alert mode says.
  const unsubscribeSnapshot = core.onUpdate((update) => {
    // Board-only updates change neither.
    if (Object.keys(update.view).length === 0) return;
    updates.callStateChanged();
    const view = core.view();
    tray.render(trayStateOf(view, view.settings.language?.locale));
    desktop.viewChanged(view);
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

  // tel: and callto: links (the window asks "Call …?"), and second launches.
  onLink = (url) => {
    core.desktop.openLink(url);
    showWindow();
  };
  for (const url of pendingLinks.splice(0)) onLink(url);
  app.on('second-instance', (_event, argv) => {
    if (argv.includes(QUIT_ARG)) {
      app.quit();
      return;
    }
    const link = callLinkFromArgv(argv);
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
