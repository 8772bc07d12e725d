import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/logging/logger';
import type { UpdaterEvent } from '../../../electron/core/update';
import {
  createAutoUpdater,
  type AutoUpdaterLike,
} from '../../../electron/main/adapters/auto-updater';

/** electron-updater's autoUpdater as far as the adapter touches it, recording what it was told. */
function fakeAutoUpdater() {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const calls: string[] = [];
  const fake = {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    allowDowngrade: true,
    disableWebInstaller: false,
    logger: null,
    feeds: [] as unknown[],
    setFeedURL(options: unknown) {
      fake.feeds.push(options);
    },
    checkForUpdates() {
      calls.push('check');
      return Promise.resolve(null);
    },
    quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
      calls.push(`quitAndInstall(${isSilent}, ${isForceRunAfter})`);
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return fake;
    },
    off(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((other) => other !== listener),
      );
      return fake;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, list) => sum + list.length, 0),
  };
  return { fake, calls, asUpdater: fake as unknown as AutoUpdaterLike };
}

describe('createAutoUpdater', () => {
  it('downloads in the background, never installs on its own, never downgrades, refuses web installers', () => {
    const { fake, asUpdater } = fakeAutoUpdater();
    createAutoUpdater({ autoUpdater: asUpdater, logger: silentLogger, beforeInstall: () => {} });
    expect(fake).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: false,
      allowDowngrade: false,
      disableWebInstaller: true,
    });
    expect(fake.logger).not.toBeNull();
  });

  it("sets a generic feed when the administrator named one, and keeps the build's own otherwise", () => {
    const { fake, asUpdater } = fakeAutoUpdater();
    const updater = createAutoUpdater({
      autoUpdater: asUpdater,
      logger: silentLogger,
      beforeInstall: () => {},
    });
    updater.useFeed(null);
    expect(fake.feeds).toEqual([]);
    updater.useFeed('https://updates.example.co.il/ringside');
    expect(fake.feeds).toEqual([
      { provider: 'generic', url: 'https://updates.example.co.il/ringside' },
    ]);
  });

  it('lets the host close its windows, then installs silently and starts Ringside again', async () => {
    const { calls, asUpdater } = fakeAutoUpdater();
    const updater = createAutoUpdater({
      autoUpdater: asUpdater,
      logger: silentLogger,
      beforeInstall: () => calls.push('beforeInstall'),
    });
    await updater.check();
    updater.install();
    expect(calls).toEqual(['check', 'beforeInstall', 'quitAndInstall(true, true)']);
  });

  it("turns electron-updater's events into the policy's, and stops listening when asked", () => {
    const { fake, asUpdater } = fakeAutoUpdater();
    const updater = createAutoUpdater({
      autoUpdater: asUpdater,
      logger: silentLogger,
      beforeInstall: () => {},
    });
    const events: UpdaterEvent[] = [];
    const stop = updater.onEvent((event) => events.push(event));
    fake.emit('checking-for-update');
    fake.emit('update-available', { version: '1.2.0', files: [] });
    fake.emit('download-progress', { percent: 12.5, total: 100, transferred: 12 });
    fake.emit('update-downloaded', { version: '1.2.0', downloadedFile: '/tmp/x' });
    fake.emit('update-not-available', { version: '1.1.0' });
    fake.emit('error', new Error('New version 1.2.0 is not signed by the application owner'));
    expect(events).toEqual([
      { type: 'checking' },
      { type: 'available', version: '1.2.0' },
      { type: 'progress', percent: 12.5 },
      { type: 'downloaded', version: '1.2.0' },
      { type: 'not-available' },
      { type: 'error', message: 'New version 1.2.0 is not signed by the application owner' },
    ]);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});
