import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createRingsideCore, type CoreDeps } from '../core/compose';
import type { RingsideCore } from '../core/types';
import { HostNotices } from '../core/calls/notices';
import { tuneEngineForEventStreams } from '../core/infra/engine-flags';
import { createLogger, type RootLogger } from '../core/logging';
import type { Notifier } from '../core/ports';
import { createNotifier } from '../core/notify';
import { securityHeaders } from '../core/security/csp';
import { DataFolderWatch, FileKeyCipher, openConfBackend, openSettings } from '../core/settings';
import { attachIpcSocket } from './ipc-socket';
import { startDemoServices, type DemoSims } from '../demo/start-demo';
import { createStaticHandler } from './static-files';
import type { Message } from '../../shared/messages/catalogue';

export interface HeadlessHostOptions {
  /** Default 0: a free port. */
  port?: number;
  /** A JSON config file that pre-seeds settings and credentials (see docs/configuration.md). */
  configPath?: string;
  /** Where settings, secrets, the outbox and logs live. */
  dataDir: string;
  /** The built renderer. Default `out/renderer`. */
  rendererDir?: string;
  /** Test hooks passed to the core (shorter timers, faster demo). */
  core?: Pick<
    CoreDeps,
    'voicenterTimings' | 'demoSpeed' | 'restTimeoutMs' | 'signalwireLoopbackHttp'
  >;
  /** Also log to stdout. */
  verbose?: boolean;
  /**
   * Replaces the desktop notifier (node-notifier). Tests pass a recording one to click a call's
   * notification, which no real notification server lets a test do.
   */
  notifier?: {
    notifier: Notifier;
    available: boolean;
    reason?: string | null;
    reasonSays?: Message | null;
  };
  /**
   * A `tel:`/`callto:` link handed to the core once it has started, as the desktop app hands the
   * link it was launched with (`npm run web -- --open-url tel:…`).
   */
  openUrl?: string;
}

export interface HeadlessHost {
  /** The page to open, with the per-run token in the fragment (never sent in a request line). */
  url: string;
  token: string;
  core: RingsideCore<DemoSims>;
  logger: RootLogger;
  /** Failed writes to the data folder so far, per file. */
  dataFolder: DataFolderWatch;
  stop(): Promise<void>;
}

/**
 * Ringside without Electron: the same main-process services in plain Node, the built renderer
 * served on 127.0.0.1, and the IPC contract carried over a WebSocket that only this run's token
 * opens. It lets the whole app be exercised end to end in real Chromium, here and in CI, and run
 * where Electron cannot start.
 */
export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  tuneEngineForEventStreams();
  const dataDir = resolve(options.dataDir);
  // Problems the agent must hear about, found before the core exists to show them.
  const hostNotices = new HostNotices();
  const dataFolder = new DataFolderWatch(dataDir);
  dataFolder.onProblem((_problem, says) => hostNotices.add('error', says, 'data-folder'));
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    // Every writer below reports its own failure; Ringside runs on memory until then.
    dataFolder.failed('folder', error);
  }
  const logger = createLogger({
    name: 'ringside',
    file: join(dataDir, 'logs', 'ringside.log'),
    stdout: options.verbose ?? false,
    onFileError: (error) => dataFolder.failed('log', error),
  });
  const log = logger.child('headless');

  const { settings, secrets, configProblemSays } = openSettings({
    openBackend: (name) => openConfBackend({ dir: dataDir, name, logger }),
    cipher: () => new FileKeyCipher(join(dataDir, 'secret.key')),
    configPath: options.configPath ?? null,
    logger,
    dataFolder,
  });
  if (configProblemSays) hostNotices.add('warning', configProblemSays, 'config-file');

  const notifier = options.notifier ?? createNotifier({ appName: 'Ringside', logger });
  const core = createRingsideCore({
    settings,
    secrets,
    notifier: notifier.notifier,
    notificationsAvailable: notifier.available,
    notificationsProblem: notifier.reason ?? null,
    notificationsProblemSays: notifier.reasonSays ?? null,
    logger,
    dataDir,
    recentLogLines: () => logger.recentLines(),
    hostNotices,
    startDemo: startDemoServices,
    ...options.core,
  });

  const token = randomBytes(24).toString('base64url');
  const server: Server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  // After listening, a server error (out of file descriptors on accept) is logged, not fatal.
  server.on('error', (error) => log.error('the web server failed', { error }));
  const { port } = server.address() as AddressInfo;
  const serveStatic = createStaticHandler(
    resolve(options.rendererDir ?? 'out/renderer'),
    securityHeaders([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
  );
  server.on('request', (req, res) => {
    serveStatic(req, res).catch((error: unknown) => {
      log.error('serving a file failed', { error });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const ipc = attachIpcSocket(server, core, token, log);

  await core.start();
  if (options.openUrl) core.desktop.openLink(options.openUrl);
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  log.info('headless host listening', { port });

  return {
    url,
    token,
    core,
    logger,
    dataFolder,
    async stop() {
      await ipc.close();
      // close() waits for every connection to end; a browser's connection in use would keep it
      // (and the stop) waiting, so they are all closed right after it.
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await core.stop();
      await logger.close();
    },
  };
}
