import io from 'socket.io-client';
import type { ActionHandlers } from '../../shared/ipc/contract';
import type { AppSnapshot } from '../../shared/ipc/snapshot';
import { callsView } from '../../shared/calls/view';
import { UserFacingError } from '../../shared/ipc/dispatch';
import { say } from '../../shared/messages/translate';
import { createEventParser } from '../../shared/voicenter/parse';
import { VOICENTER_SECRET, type SecretStore, type SettingsStore } from './settings';
import { answerUnsavedChanges } from './settings/unsaved-changes';
import { VoicenterRealtimeClient } from './voicenter/realtime-client';
import type { Timings, VoicenterCredentials } from './voicenter/types';
import { systemClock, type Clock, type Logger, type Notifier } from './ports';
import type { RingsideCore } from './types';
import { CallAlerts } from './calls/call-alerts';
import type { DemoServices, StartDemo } from './demo';
import { Notices, type HostNotices } from './calls/notices';
import { Telephony, type RealtimeClientLike } from './calls/telephony';
import { coreHandlers } from './handlers';
import { updateHandlers, type UpdateControl } from './update';
import { createIntegrations, type Integrations } from './integrations/compose';
import { buildDiagnostics } from './diagnostics';
import { ViewPublisher } from './calls/view-publisher';
import { createHistory, type SaveTextFile } from './history/compose';
import { DesktopService } from './desktop/desktop-service';
import type { Message } from '../../shared/messages/catalogue';

export interface CoreDeps<D extends DemoServices = DemoServices> {
  settings: SettingsStore;
  secrets: SecretStore;
  notifier: Notifier;
  logger: Logger;
  clock?: Clock;
  /** The user data folder: the outbox and per-caller visitor tokens live here. */
  dataDir: string;
  /** Whether this host can raise native notifications at all. */
  notificationsAvailable: boolean;
  /** Why not, in plain words (no notification service, notify-send missing). */
  notificationsProblem?: string | null;
  /** The same, as a code the window puts in the agent's language. */
  notificationsProblemSays?: Message | null;
  /** The Electron app: start at login and global shortcuts exist (not in the headless host). */
  desktopApp?: boolean;
  /** Whose words the window gets for notification and shortcut fixes; `process.platform` by default. */
  platform?: string;
  /** Recent (already redacted) log lines, for the diagnostics export. */
  recentLogLines?: () => string[];
  /** Opens a URL the agent chose in their browser (Electron: `shell.openExternal`). */
  openExternal?: (url: string) => Promise<void>;
  /** Tests shorten the realtime client's timers. */
  voicenterTimings?: Partial<Timings>;
  /**
   * Builds the Voicenter realtime client for a sign-in; by default the real one over
   * socket.io. Tests of the wiring hand in a client they feed events into.
   */
  voicenterClient?: (credentials: VoicenterCredentials) => RealtimeClientLike;
  /**
   * Starts the built-in demo (`electron/demo/`): the host provides it, so the core never loads
   * the simulators.
   */
  startDemo: StartDemo<D>;
  /** Tests speed up the demo scenarios. */
  demoSpeed?: number;
  /** Tests shorten the Rocket.Chat and SignalWire request timeouts. */
  restTimeoutMs?: number;
  /** Tests point SignalWire at their own server on this computer over plain http. */
  signalwireLoopbackHttp?: boolean;
  /** What the host found before the core existed or finds outside it (config file, data folder). */
  hostNotices?: HostNotices;
  /** The app's own updates (electron/core/update/); a host that cannot update leaves it out. */
  updates?: UpdateControl;
  /** Saves the history's CSV where the agent chooses (Electron: a save dialog); else it is downloaded. */
  saveTextFile?: SaveTextFile;
  /** Puts text on the clipboard (Electron); else the window copies it. */
  copyText?: (text: string) => void;
}

export function createRingsideCore<D extends DemoServices>(deps: CoreDeps<D>): RingsideCore<D> {
  const clock = deps.clock ?? systemClock;
  const log = deps.logger.child('core');
  const notices = new Notices(clock);
  deps.hostNotices?.deliverTo(notices);
  const telephony = new Telephony(log, deps.settings.get().voicenter.ownExtensions);
  const focusListeners = new Set<(ivrid: string) => void>();
  let demo: D | null = null;

  const integrations: Integrations = createIntegrations({
    settings: deps.settings,
    secrets: deps.secrets,
    logger: deps.logger,
    clock,
    dataDir: deps.dataDir,
    notices,
    openExternal: deps.openExternal,
    restTimeoutMs: deps.restTimeoutMs,
    signalwireLoopbackHttp: deps.signalwireLoopbackHttp,
  });

  const desktop = new DesktopService({
    settings: deps.settings,
    clock,
    logger: deps.logger,
    platform: deps.platform ?? process.platform,
    notifications: {
      available: deps.notificationsAvailable,
      reason: deps.notificationsProblem ?? null,
      reasonSays: deps.notificationsProblemSays ?? null,
    },
    // One count of missed calls: the history's, which outlives a restart.
    missed: {
      count: () => history.view(telephony.state).missedUnseen,
      markSeen: () => void history.handlers.markHistorySeen(),
    },
    openOutboundRoom: (callerPhone) => integrations.openOutboundRoom(callerPhone),
    desktopApp: deps.desktopApp ?? false,
  });

  const history = createHistory({
    settings: deps.settings,
    logger: deps.logger,
    now: () => clock.now(),
    dataDir: deps.dataDir,
    saveTextFile: deps.saveTextFile,
    copyText: deps.copyText,
    lookupVisitor: (phone, signal) => integrations.lookUpCaller(phone, signal),
    onSaveFailed: () => notices.add('warning', say('history.not-saved'), 'history-not-saved'),
    raiseNotice: (key, message) => void notices.add('info', message, key),
    clearNotice: (key) => notices.dismiss(key),
  });

  const alerts = new CallAlerts({
    notifier: deps.notifier,
    logger: log,
    // The alert mode and do-not-disturb decide; where the host has no notification service at
    // all, the window says so once, and trying anyway would only add a failure notice per call.
    enabled: () => desktop.decide(null).notify,
    onClick: (ivrid, action) => {
      focusListeners.forEach((listener) => listener(ivrid));
      if (action === 'open-room')
        void Promise.resolve(integrations.handlers.openRoom(ivrid)).catch((error: unknown) =>
          notices.add(
            'warning',
            error instanceof UserFacingError
              ? (error.says ?? error.message)
              : 'The room could not be opened.',
            'notification-open-room',
          ),
        );
    },
    locale: () => deps.settings.locale(),
    // The window's and the tray's alert health says it, with the platform's way to fix it: one
    // message, not a notice per failed call beside it.
    onFailure: (message) => desktop.notificationOutcome(message),
    onShown: () => desktop.notificationOutcome(null),
    callerLine: (call) => history.callerLine(call),
  });

  function mode(): AppSnapshot['mode'] {
    return deps.settings.get().app.mode;
  }

  function view(): AppSnapshot {
    return {
      mode: mode(),
      connection: telephony.connectionView,
      calls: callsView(telephony.state),
      recent: telephony.state.recent,
      settings: {
        ...deps.settings.view((key) => deps.secrets.has(key)),
        language: deps.settings.languageView(),
        board: { statusNames: deps.settings.get().board.statusNames },
      },
      notices: notices.list(),
      notificationsAvailable: deps.notificationsAvailable,
      ...integrations.views(),
      history: history.view(telephony.state),
      desktop: desktop.view(),
      now: clock.now(),
    };
  }

  const publisher = new ViewPublisher({ view, board: () => telephony.board, clock });
  const schedulePush = () => publisher.viewChanged();

  // The alert first: it must never wait for the followers or the window.
  telephony.onOwnCallEvent((event, before, after) => alerts.handle(event, before, after));
  telephony.onOwnCallEvent((event, before, after) => history.onCallEvent(event, before, after));
  history.follow(telephony);
  telephony.onOwnCallEvent((event, before, after) =>
    integrations.onCallEvent(event, before, after),
  );
  telephony.onBoardChange((change) => {
    if (change.kind === 'one') publisher.extensionChanged(change.extension);
    else publisher.boardReset();
  });

  telephony.onChange(schedulePush);
  notices.onChange(schedulePush);
  integrations.onChange(schedulePush);
  integrations.onChange(() => history.roomsChanged(integrations.views().rocketchat.rooms));
  history.onChange(schedulePush);
  desktop.onChange(schedulePush);
  // The settings store is the host's and outlives the core: let go of it on stop.
  const offSettings = deps.settings.onChange((settings, changed) => {
    if (changed.includes('voicenter')) telephony.setOwnExtensions(settings.voicenter.ownExtensions);
    schedulePush();
  });

  function clientFor(credentials: VoicenterCredentials): RealtimeClientLike {
    if (deps.voicenterClient) return deps.voicenterClient(credentials);
    return new VoicenterRealtimeClient({
      credentials,
      io,
      parser: createEventParser(),
      logger: deps.logger,
      clock,
      ...(deps.voicenterTimings ? { timings: deps.voicenterTimings } : {}),
    });
  }

  async function stopDemo(): Promise<void> {
    const running = demo;
    demo = null;
    if (running) {
      await integrations.leaveDemo();
      await running.stop();
    }
  }

  async function connectDemo(): Promise<void> {
    await telephony.disconnect();
    if (!demo) {
      const { seed, scenario } = deps.settings.get().demo;
      demo = await deps.startDemo({ seed, scenario, speed: deps.demoSpeed ?? 1 }, deps.logger);
      await integrations.useDemo(demo);
    }
    await telephony.use(
      clientFor(demo.voicenterCredentials),
      deps.settings.get().voicenter.ownExtensions,
    );
  }

  function storedAccount(): VoicenterCredentials | null {
    const secret = deps.secrets.get(VOICENTER_SECRET);
    if (!secret) return null;
    const { loginType, identity, loginBaseUrl } = deps.settings.get().voicenter;
    return { loginType, identity, secret, loginBaseUrl };
  }

  async function connectAccount(credentials: VoicenterCredentials): Promise<void> {
    await stopDemo();
    await telephony.use(clientFor(credentials), deps.settings.get().voicenter.ownExtensions);
  }

  async function startForMode(): Promise<void> {
    const current = mode();
    if (current === 'account') {
      const account = storedAccount();
      if (account) return connectAccount(account);
      notices.add(
        'warning',
        say(deps.secrets.persistent ? 'settings.sign-in-incomplete' : 'settings.secrets-not-kept'),
        'voicenter-signin-needed',
      );
      await telephony.disconnect();
      return;
    }
    if (current === 'demo' && deps.settings.get().demo.enabled) return connectDemo();
    await telephony.disconnect();
  }

  const handlers: ActionHandlers = {
    ...updateHandlers(deps.updates ?? null),
    ...coreHandlers({
      settings: deps.settings,
      secrets: deps.secrets,
      notices,
      telephony,
      testRing: async () => {
        const health = desktop.view().notifications;
        // Nothing to send to: the agent's settings are not the cause, so do not point at them.
        if (health.status === 'no-service')
          throw new UserFacingError('no-notification-service', health.says ?? health.text);
        try {
          await alerts.testRing();
          desktop.notificationOutcome(null);
        } catch (error) {
          desktop.notificationOutcome(error instanceof Error ? error.message : String(error));
          throw error;
        }
      },
      connectAccount,
      connectDemo: async () => {
        if (!deps.settings.get().demo.enabled) {
          throw new UserFacingError('demo-disabled', say('settings.demo-disabled'));
        }
        deps.settings.update({ app: { mode: 'demo' } });
        await connectDemo();
      },
      signOut: async () => {
        await telephony.disconnect();
        await stopDemo();
      },
      diagnostics: () => buildDiagnostics(view(), telephony.board, deps.recentLogLines?.() ?? []),
      voicenterTimeoutMs: deps.voicenterTimings?.httpTimeoutMs,
    }),
    ...integrations.handlers,
    ...history.handlers,
    // The history keeps the wrap-up the agent sent with the call.
    wrapUp: async (ivrid, wrapUp) => {
      await integrations.handlers.wrapUp(ivrid, wrapUp);
      history.wrappedUp(ivrid, wrapUp);
    },
    ...desktop.handlers,
    // One "seen" for missed calls: the dock and tray badge and the history's count clear together.
    markMissedSeen: () => {
      desktop.markMissedSeen();
      history.history.markMissedSeen();
    },
    markHistorySeen: () => {
      desktop.markMissedSeen();
      history.history.markMissedSeen();
    },
  };

  // A change the agent made that could not be saved answers so, instead of a silent success.
  const actions = answerUnsavedChanges(handlers);

  return {
    handlers: actions,
    connectWindow(listener) {
      const subscription = publisher.subscribe(listener);
      return {
        handlers: {
          ...actions,
          getSnapshot: () => subscription.state(),
          watchBoard: (selection) => subscription.watch(selection),
        },
        state: () => subscription.state(),
        close: () => subscription.unsubscribe(),
      };
    },
    snapshot: () => publisher.state(),
    view,
    async start() {
      await history.start();
      await integrations.start();
      await startForMode();
      schedulePush();
    },
    async stop() {
      offSettings();
      focusListeners.clear();
      desktop.stop();
      publisher.stop();
      await telephony.disconnect();
      await integrations.stop();
      await history.stop();
      await stopDemo();
    },
    onUpdate(listener) {
      const subscription = publisher.subscribe(listener);
      return () => subscription.unsubscribe();
    },
    onFocusCall(listener) {
      focusListeners.add(listener);
      return () => focusListeners.delete(listener);
    },
    demo: () => demo,
    desktop,
    reconnectNow(reason) {
      log.info('reconnecting now', { reason });
      telephony.reconnectNow(reason);
    },
  };
}
