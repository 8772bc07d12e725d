import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../../shared/ipc/update';
import { UserFacingError } from '../../../../shared/ipc/dispatch';
import { silentLogger } from '../../../../electron/core/logging/logger';
import {
  DAY_MS,
  isOnCall,
  updateHandlers,
  UpdateService,
  type Updater,
  type UpdaterEvent,
  type UpdateSettings,
} from '../../../../electron/core/update';

/** An updater that records what the policy asked of it; the test plays electron-updater's events. */
class FakeUpdater implements Updater {
  feeds: (string | null)[] = [];
  checks = 0;
  installs = 0;
  failNextCheck = false;
  private listener: ((event: UpdaterEvent) => void) | null = null;
  useFeed(url: string | null): void {
    this.feeds.push(url);
  }
  check(): Promise<void> {
    this.checks += 1;
    if (this.failNextCheck) {
      this.failNextCheck = false;
      return Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED'));
    }
    return Promise.resolve();
  }
  install(): void {
    this.installs += 1;
  }
  onEvent(listener: (event: UpdaterEvent) => void): () => void {
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }
  emit(event: UpdaterEvent): void {
    this.listener?.(event);
  }
  get listening(): boolean {
    return this.listener !== null;
  }
}

function setup(options: { settings?: Partial<UpdateSettings>; updater?: FakeUpdater | null } = {}) {
  const updater = options.updater === undefined ? new FakeUpdater() : options.updater;
  const settings: UpdateSettings = { enabled: true, feedUrl: null, ...options.settings };
  const call = { on: false };
  const timers: { ms: number; run: () => void; stopped: boolean }[] = [];
  const statuses: UpdateStatus[] = [];
  const service = new UpdateService({
    updater,
    settings: () => settings,
    onCall: () => call.on,
    logger: silentLogger,
    clock: { now: () => 1_000 },
    every: (ms, run) => {
      const timer = { ms, run, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    },
  });
  service.onStatus((status) => statuses.push(status));
  return { service, updater, settings, call, timers, statuses };
}

/** Lets the updater's answer to a look (a resolved or rejected promise) reach the service. */
const settled = () => new Promise<void>((done) => setImmediate(done));

function downloaded(updater: FakeUpdater | null, version = '1.2.0'): void {
  updater?.emit({ type: 'checking' });
  updater?.emit({ type: 'available', version });
  updater?.emit({ type: 'progress', percent: 40 });
  updater?.emit({ type: 'downloaded', version });
}

describe('UpdateService', () => {
  it('looks on start and then daily, downloading what it finds in the background', async () => {
    const { service, updater, timers, statuses } = setup();
    service.start();
    expect(updater?.checks).toBe(1);
    expect(timers.map((timer) => timer.ms)).toEqual([DAY_MS]);
    // A look still under way is not started twice.
    timers[0]?.run();
    expect(updater?.checks).toBe(1);
    await settled();
    timers[0]?.run();
    expect(updater?.checks).toBe(2);
    downloaded(updater);
    expect(statuses).toEqual([
      { state: 'checking' },
      { state: 'downloading', version: '1.2.0', percent: null },
      { state: 'downloading', version: '1.2.0', percent: 40 },
      { state: 'ready', version: '1.2.0', onCall: false },
    ]);
    // A ready update is not looked for again until it is installed.
    timers[0]?.run();
    expect(updater?.checks).toBe(2);
    service.stop();
    expect(timers[0]?.stopped).toBe(true);
    expect(updater?.listening).toBe(false);
  });

  it('says when nothing is new and when a look failed, and tries again the next day', async () => {
    const { service, updater, timers, statuses } = setup();
    if (updater) updater.failNextCheck = true;
    service.start();
    await settled();
    expect(service.status()).toEqual({ state: 'failed', checkedAt: 1_000 });
    timers[0]?.run();
    updater?.emit({ type: 'checking' });
    updater?.emit({ type: 'not-available' });
    expect(statuses.at(-1)).toEqual({ state: 'idle', checkedAt: 1_000 });
    updater?.emit({ type: 'error', message: 'sha512 checksum mismatch' });
    expect(service.status()).toEqual({ state: 'failed', checkedAt: 1_000 });
  });

  it('installs only when the agent agrees', () => {
    const { service, updater } = setup();
    service.start();
    downloaded(updater);
    expect(updater?.installs).toBe(0);
    service.restartToUpdate();
    expect(updater?.installs).toBe(1);
  });

  it('never restarts during a call, and says when the call frees it', () => {
    const { service, updater, call, statuses } = setup();
    service.start();
    downloaded(updater);
    call.on = true;
    service.callStateChanged();
    expect(statuses.at(-1)).toEqual({ state: 'ready', version: '1.2.0', onCall: true });
    expect(() => service.restartToUpdate()).toThrow(UserFacingError);
    expect(() => service.restartToUpdate()).toThrow(/during a call/);
    expect(updater?.installs).toBe(0);
    // The view updates many times a second during a call; the window hears of the change once.
    const count = statuses.length;
    service.callStateChanged();
    expect(statuses).toHaveLength(count);
    call.on = false;
    service.callStateChanged();
    expect(statuses.at(-1)).toEqual({ state: 'ready', version: '1.2.0', onCall: false });
    service.restartToUpdate();
    expect(updater?.installs).toBe(1);
  });

  it('keeps a downloaded update ready when a later look fails', () => {
    const { service, updater } = setup();
    service.start();
    downloaded(updater);
    updater?.emit({ type: 'error', message: 'offline' });
    expect(service.status()).toMatchObject({ state: 'ready', version: '1.2.0' });
  });

  it('refuses a restart when nothing is ready', () => {
    const { service } = setup();
    service.start();
    expect(() => service.restartToUpdate()).toThrow(/no update ready/);
  });

  it('does nothing at all when the administrator turned updates off', () => {
    const { service, updater, timers } = setup({ settings: { enabled: false } });
    service.start();
    expect(service.status()).toEqual({ state: 'off', reason: 'disabled-by-admin' });
    expect([updater?.checks, updater?.feeds, timers]).toEqual([0, [], []]);
    expect(updater?.listening).toBe(false);
    expect(() => service.restartToUpdate()).toThrow(UserFacingError);
  });

  it('says so where the build cannot update itself', () => {
    const { service } = setup({ updater: null });
    service.start();
    expect(service.status()).toEqual({ state: 'off', reason: 'not-supported' });
  });

  it("uses the administrator's feed, or the build's own when none is set", () => {
    const own = setup();
    own.service.start();
    expect(own.updater?.feeds).toEqual([null]);
    const managed = setup({ settings: { feedUrl: 'https://updates.example.co.il/ringside' } });
    managed.service.start();
    expect(managed.updater?.feeds).toEqual(['https://updates.example.co.il/ringside']);
  });
});

describe('updateHandlers', () => {
  it('answers "not supported" and refuses a restart in a host without updates', async () => {
    const handlers = updateHandlers(null);
    expect(await handlers.getUpdateStatus()).toEqual({ state: 'off', reason: 'not-supported' });
    expect(() => handlers.restartToUpdate()).toThrow(UserFacingError);
  });

  it('passes the status and the consent through to the service', async () => {
    const { service, updater } = setup();
    service.start();
    downloaded(updater);
    const handlers = updateHandlers(service);
    expect(await handlers.getUpdateStatus()).toMatchObject({ state: 'ready' });
    await handlers.restartToUpdate();
    expect(updater?.installs).toBe(1);
  });
});

describe('isOnCall', () => {
  const view = (status: string | null) =>
    ({
      calls: { currentCall: status === null ? null : { call: { status } } },
    }) as unknown as Parameters<typeof isOnCall>[0];

  it('counts a ringing, dialled, talking, held or unknown call, and not an ended one or none', () => {
    for (const status of ['ringing', 'dialing', 'talking', 'hold', 'spying', 'unknown'])
      expect([status, isOnCall(view(status))]).toEqual([status, true]);
    expect(isOnCall(view('ended'))).toBe(false);
    expect(isOnCall(view(null))).toBe(false);
  });
});
