import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Notification } from 'electron';
import { createElectronNotifier } from '../../../electron/main/adapters/electron-notifier';
import { silentLogger } from '../../../electron/core/logging/logger';
import {
  createPlatformNotifier,
  notifierKindFor,
} from '../../../electron/core/notify/choose-notifier';
import {
  NodeNotifierNotifier,
  type NotificationBackend,
} from '../../../electron/core/notify/node-notifier-notifier';
import type { Notifier } from '../../../electron/core/ports';

const alert = { id: 'ivr-1', title: 'Incoming call', body: 'Test Voicenter 050-123-4567' };

class FakeNotification extends EventEmitter {
  static supported = true;
  static made: FakeNotification[] = [];
  static behaviour: 'show' | 'fail' | 'silent' = 'show';
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  closed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeNotification.made.push(this);
  }
  show(): void {
    if (FakeNotification.behaviour === 'show') this.emit('show', {});
    if (FakeNotification.behaviour === 'fail') this.emit('failed', {}, 'toast blocked by policy');
  }
  close(): void {
    this.closed = true;
    this.emit('close', {});
  }
}

function electronNotifier(): Notifier {
  FakeNotification.made = [];
  FakeNotification.supported = true;
  FakeNotification.behaviour = 'show';
  return createElectronNotifier({
    Notification: FakeNotification as unknown as typeof Notification,
    logger: silentLogger,
    settleMs: 20,
  });
}

describe('createElectronNotifier', () => {
  it('shows one notification and calls back on click', async () => {
    const notifier = electronNotifier();
    const clicks: string[] = [];
    await notifier.notify(alert, () => clicks.push('clicked'));
    const [shown] = FakeNotification.made;
    expect(shown?.options).toMatchObject({
      title: 'Incoming call',
      body: 'Test Voicenter 050-123-4567',
      timeoutType: 'never',
    });
    shown?.emit('click', {});
    expect(clicks).toEqual(['clicked']);
  });

  it('keeps one notification per call: same words do nothing, new words replace', async () => {
    const notifier = electronNotifier();
    await notifier.notify(alert, () => undefined);
    await notifier.notify(alert, () => undefined);
    expect(FakeNotification.made).toHaveLength(1);
    await notifier.notify(
      { ...alert, body: 'Test Voicenter 050-123-4567 (Sales)' },
      () => undefined,
    );
    expect(FakeNotification.made).toHaveLength(2);
    expect(FakeNotification.made[0]?.closed).toBe(true);
    expect(FakeNotification.made[1]?.closed).toBe(false);
  });

  it('takes the alert down when the call stops ringing', async () => {
    const notifier = electronNotifier();
    await notifier.notify(alert, () => undefined);
    notifier.dismiss('ivr-1');
    notifier.dismiss('unknown');
    expect(FakeNotification.made[0]?.closed).toBe(true);
    // Shown again after a dismiss: a new notification.
    await notifier.notify(alert, () => undefined);
    expect(FakeNotification.made).toHaveLength(2);
  });

  it('rejects when the system refuses, or has no notifications at all', async () => {
    const notifier = electronNotifier();
    FakeNotification.behaviour = 'fail';
    await expect(notifier.notify(alert, () => undefined)).rejects.toThrow(
      'toast blocked by policy',
    );
    FakeNotification.supported = false;
    await expect(notifier.notify({ ...alert, id: 'ivr-2' }, () => undefined)).rejects.toThrow(
      /does not support/,
    );
  });

  it('resolves when the system never says "shown" (Do Not Disturb)', async () => {
    const notifier = electronNotifier();
    FakeNotification.behaviour = 'silent';
    await expect(notifier.notify(alert, () => undefined)).resolves.toBeUndefined();
  });
});

class FakeBackend implements NotificationBackend {
  calls: Record<string, unknown>[] = [];
  answer: { error: Error | string | null; response?: string } = { error: null, response: '' };
  notify(
    options: Record<string, unknown>,
    callback: (error: Error | string | null, response?: string) => void,
  ): void {
    this.calls.push(options);
    const { error, response } = this.answer;
    setTimeout(() => callback(error, response), 1);
  }
}

describe('NodeNotifierNotifier', () => {
  it('on Linux: app name, expiry and a replacement tag per call; no click, no close', async () => {
    const backend = new FakeBackend();
    const notifier = new NodeNotifierNotifier({
      appName: 'Ringside',
      platform: 'linux',
      backend,
      timeoutSeconds: 25,
    });
    await notifier.notify(
      { ...alert, body: 'Test\u0007 Voicenter\n050-123-4567' },
      () => undefined,
    );
    expect(backend.calls[0]).toMatchObject({
      title: 'Incoming call',
      message: 'Test  Voicenter 050-123-4567',
      'app-name': 'Ringside',
      timeout: 25,
      hint: 'string:x-canonical-private-synchronous:ringside-ivr-1',
    });
    notifier.dismiss('ivr-1');
    expect(backend.calls).toHaveLength(1);
  });

  it('on macOS: grouped per call, waits for the click, removes on dismiss', async () => {
    const backend = new FakeBackend();
    backend.answer = { error: null, response: 'activate' };
    const notifier = new NodeNotifierNotifier({
      appName: 'Ringside',
      platform: 'darwin',
      backend,
      settleMs: 500,
    });
    const clicks: string[] = [];
    await notifier.notify(alert, () => clicks.push('clicked'));
    expect(backend.calls[0]).toMatchObject({ group: 'ringside-ivr-1', wait: true });
    expect(clicks).toEqual(['clicked']);
    notifier.dismiss('ivr-1');
    expect(backend.calls[1]).toEqual({ remove: 'ringside-ivr-1' });
  });

  it('does not send the same alert twice while it is up', async () => {
    const backend = new FakeBackend();
    const notifier = new NodeNotifierNotifier({ appName: 'Ringside', platform: 'linux', backend });
    await notifier.notify(alert, () => undefined);
    await notifier.notify(alert, () => undefined);
    expect(backend.calls).toHaveLength(1);
  });

  it('rejects with the reason when the notifier fails, and may try again afterwards', async () => {
    const backend = new FakeBackend();
    backend.answer = {
      error: new Error('Command failed: notify-send "x"\nGDBus.Error: no server'),
    };
    const notifier = new NodeNotifierNotifier({ appName: 'Ringside', platform: 'linux', backend });
    await expect(notifier.notify(alert, () => undefined)).rejects.toThrow(
      'The desktop refused the notification: GDBus.Error: no server',
    );
    backend.answer = { error: null };
    await notifier.notify(alert, () => undefined);
    expect(backend.calls).toHaveLength(2);
  });
});

describe('notifier choice', () => {
  it.each([
    ['darwin', 'electron'],
    ['win32', 'electron'],
    ['linux', 'node-notifier'],
    ['freebsd', 'node-notifier'],
  ] as const)('%s -> %s', (platform, kind) => {
    expect(notifierKindFor(platform)).toBe(kind);
    const made: string[] = [];
    const dummy: Notifier = { notify: () => Promise.resolve(), dismiss: () => undefined };
    createPlatformNotifier(platform, {
      electron: () => (made.push('electron'), dummy),
      nodeNotifier: () => (made.push('node-notifier'), dummy),
    });
    expect(made).toEqual([kind]);
  });
});
