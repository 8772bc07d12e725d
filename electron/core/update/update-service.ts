import type { UpdateStatus } from '../../../shared/ipc/update';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { Clock, Logger } from '../ports';
import { say } from '../../../shared/messages/translate';

/** What the updater reports (electron-updater's events, reduced to what the policy reads). */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/**
 * The app's updater as the policy needs it; in Electron a thin adapter over electron-updater
 * (electron/main/adapters/auto-updater.ts). It downloads what it finds in the background, checks
 * the download's signature, and installs only when `install()` is called.
 */
export interface Updater {
  /** A generic HTTPS feed, or null for the feed the build was made with (app-update.yml). */
  useFeed(url: string | null): void;
  check(): Promise<void>;
  /** Quits the app and installs the downloaded version. */
  install(): void;
  onEvent(listener: (event: UpdaterEvent) => void): () => void;
}

/** The administrator's word (the `updates` settings section). */
export interface UpdateSettings {
  enabled: boolean;
  feedUrl: string | null;
}

/** Repeats `run` every `ms`; answers a stop function. */
export type Every = (ms: number, run: () => void) => () => void;

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface UpdateServiceDeps {
  /** Null where this build cannot update itself (not packaged, the headless host, Linux deb). */
  updater: Updater | null;
  settings: () => UpdateSettings;
  /** True while a call of the agent's rings or is under way: no restart then. */
  onCall: () => boolean;
  logger: Logger;
  clock: Clock;
  every?: Every;
  intervalMs?: number;
}

/** What the window and the host use: the status, its changes, and the agent's consent. */
export interface UpdateControl {
  status(): UpdateStatus;
  onStatus(listener: (status: UpdateStatus) => void): () => void;
  /** The agent's consent to restart now; throws a UserFacingError when it cannot be done now. */
  restartToUpdate(): void;
}

const defaultEvery: Every = (ms, run) => {
  const timer = setInterval(run, ms);
  // A pending look must never keep a quitting app alive.
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * When Ringside looks for, downloads and installs its own updates: on start and then daily,
 * downloading in the background; installed only when the agent agrees and never while a call
 * rings or is under way; not at all when an administrator turned updates off. The download's
 * signature is checked by the updater (electron-updater) before it counts as ready.
 */
export class UpdateService implements UpdateControl {
  private current: UpdateStatus;
  private readonly listeners = new Set<(status: UpdateStatus) => void>();
  private stopTimer: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private checking = false;
  private lastSent = '';
  private readonly log: Logger;

  constructor(private readonly deps: UpdateServiceDeps) {
    this.log = deps.logger.child('update');
    this.current = this.offStatus() ?? { state: 'idle', checkedAt: null };
  }

  /** Looks now and every day after, unless updates are off. */
  start(): void {
    const off = this.offStatus();
    const updater = this.deps.updater;
    if (off || !updater) {
      if (off) this.set(off);
      this.log.info('updates are off', { reason: off?.reason });
      return;
    }
    const { feedUrl } = this.deps.settings();
    updater.useFeed(feedUrl);
    this.unsubscribe = updater.onEvent((event) => this.handle(event));
    const every = this.deps.every ?? defaultEvery;
    this.stopTimer = every(this.deps.intervalMs ?? DAY_MS, () => void this.check());
    void this.check();
  }

  stop(): void {
    this.stopTimer?.();
    this.unsubscribe?.();
    this.stopTimer = null;
    this.unsubscribe = null;
  }

  status(): UpdateStatus {
    if (this.current.state === 'ready') return { ...this.current, onCall: this.deps.onCall() };
    return this.current;
  }

  onStatus(listener: (status: UpdateStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The call state changed: a ready update's "not during a call" flag may have changed too. */
  callStateChanged(): void {
    if (this.current.state === 'ready') this.emit();
  }

  restartToUpdate(): void {
    const updater = this.deps.updater;
    if (!updater || this.current.state !== 'ready') {
      throw new UserFacingError('update-not-ready', say('update.not-ready'));
    }
    if (this.deps.onCall()) {
      throw new UserFacingError('update-during-call', say('update.during-call'));
    }
    this.log.info('restarting to install an update', { version: this.current.version });
    updater.install();
  }

  private async check(): Promise<void> {
    const updater = this.deps.updater;
    // A downloaded update stays ready; a look already under way is not started twice.
    if (!updater || this.checking || this.current.state === 'ready') return;
    this.checking = true;
    try {
      await updater.check();
    } catch (error) {
      this.log.warn('could not look for updates', { error });
      this.set({ state: 'failed', checkedAt: this.deps.clock.now() });
    } finally {
      this.checking = false;
    }
  }

  private handle(event: UpdaterEvent): void {
    switch (event.type) {
      case 'checking':
        if (this.current.state !== 'downloading') this.set({ state: 'checking' });
        return;
      case 'available':
        this.log.info('a new version is downloading', { version: event.version });
        this.set({ state: 'downloading', version: event.version, percent: null });
        return;
      case 'not-available':
        this.set({ state: 'idle', checkedAt: this.deps.clock.now() });
        return;
      case 'progress':
        if (this.current.state === 'downloading') {
          this.set({ ...this.current, percent: Math.max(0, Math.min(100, event.percent)) });
        }
        return;
      case 'downloaded':
        this.log.info('an update is ready to install', { version: event.version });
        this.set({ state: 'ready', version: event.version, onCall: false });
        return;
      case 'error':
        // electron-updater also reports a download whose signature does not match here.
        this.log.warn('the update failed', { reason: event.message });
        if (this.current.state !== 'ready')
          this.set({ state: 'failed', checkedAt: this.deps.clock.now() });
        return;
    }
  }

  private offStatus(): Extract<UpdateStatus, { state: 'off' }> | null {
    if (!this.deps.settings().enabled) return { state: 'off', reason: 'disabled-by-admin' };
    if (!this.deps.updater) return { state: 'off', reason: 'not-supported' };
    return null;
  }

  private set(status: UpdateStatus): void {
    this.current = status;
    this.emit();
  }

  /** Tells the listeners, once per change (the call state is read on every view update). */
  private emit(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastSent) return;
    this.lastSent = key;
    for (const listener of this.listeners) listener(status);
  }
}
