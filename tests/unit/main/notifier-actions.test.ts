import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Notification } from 'electron';
import { createElectronNotifier } from '../../../electron/main/adapters/electron-notifier';
import { silentLogger } from '../../../electron/core/logging/logger';

class FakeNotification extends EventEmitter {
  static made: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeNotification.made.push(this);
  }
  show(): void {
    this.emit('show', {});
  }
  close(): void {
    this.emit('close', {});
  }
}

const alert = {
  id: 'ivr-1',
  title: 'Incoming call',
  body: 'Dana Levi 050-123-4567',
  actions: [
    { id: 'show', label: 'Show' },
    { id: 'open-room', label: 'Open room' },
  ],
};

function notifier(platform: NodeJS.Platform) {
  FakeNotification.made = [];
  return createElectronNotifier({
    Notification: FakeNotification as unknown as typeof Notification,
    logger: silentLogger,
    settleMs: 20,
    platform,
  });
}

describe('notification buttons', () => {
  it('macOS: Show and Open room as buttons; the chosen one reaches the click handler', async () => {
    const chosen: (string | undefined)[] = [];
    await notifier('darwin').notify(alert, (action) => chosen.push(action));
    const [shown] = FakeNotification.made;
    expect(shown?.options.actions).toEqual([
      { type: 'button', text: 'Show' },
      { type: 'button', text: 'Open room' },
    ]);
    shown?.emit('action', {}, 1);
    expect(chosen).toEqual(['open-room']);
  });

  it('Windows: no buttons (Electron would need a toastXml); a click still shows the call', async () => {
    const chosen: (string | undefined)[] = [];
    await notifier('win32').notify(alert, (action) => chosen.push(action));
    const [shown] = FakeNotification.made;
    expect(shown?.options.actions).toBeUndefined();
    shown?.emit('click', {});
    expect(chosen).toEqual([undefined]);
  });
});
