import { describe, expect, it } from 'vitest';
import type { App, BrowserWindow, Dock, GlobalShortcut, NativeImage } from 'electron';
import { createAttention } from '../../../electron/main/adapters/attention';
import { createBadge } from '../../../electron/main/adapters/badge';
import { applyLoginItem, startsHidden } from '../../../electron/main/adapters/login-item';
import { applyShortcuts } from '../../../electron/main/adapters/shortcuts';
import { badgeOf } from '../../../shared/desktop/missed-badge';

/** What Electron was asked to do, in order. */
class Calls {
  readonly log: string[] = [];
  record = (entry: string): void => void this.log.push(entry);
}

function fakeWindow(calls: Calls, destroyed = false) {
  return {
    flashFrame: (flag: boolean) => calls.record(`flash ${flag}`),
    setOverlayIcon: (image: NativeImage | null, description: string) =>
      calls.record(`overlay ${image ? (image as unknown as string) : 'none'} "${description}"`),
    isDestroyed: () => destroyed,
  } as unknown as BrowserWindow;
}

function fakeDock(calls: Calls) {
  return {
    bounce: (type?: string) => {
      calls.record(`bounce ${type}`);
      return 7;
    },
    cancelBounce: (id: number) => calls.record(`cancel ${id}`),
    setBadge: (text: string) => calls.record(`badge "${text}"`),
  } as unknown as Dock;
}

describe('createAttention', () => {
  it('flashes the taskbar button on Windows until stopped', () => {
    const calls = new Calls();
    const attention = createAttention({ platform: 'win32', window: () => fakeWindow(calls) });
    attention.start();
    attention.stop();
    attention.stop();
    expect(calls.log).toEqual(['flash true', 'flash false']);
  });

  it('bounces the dock once per ring on macOS and cancels that bounce', () => {
    const calls = new Calls();
    const attention = createAttention({
      platform: 'darwin',
      window: () => fakeWindow(calls),
      dock: fakeDock(calls),
    });
    attention.start();
    attention.start();
    attention.stop();
    expect(calls.log).toEqual(['bounce critical', 'cancel 7']);
  });

  it('does nothing without a window', () => {
    const calls = new Calls();
    const attention = createAttention({ platform: 'win32', window: () => fakeWindow(calls, true) });
    attention.start();
    attention.stop();
    expect(calls.log).toEqual([]);
  });
});

describe('createBadge', () => {
  const setup = (platform: NodeJS.Platform) => {
    const calls = new Calls();
    const badge = createBadge({
      platform,
      app: { setBadgeCount: (count: number) => (calls.record(`count ${count}`), true) },
      dock: fakeDock(calls),
      window: () => fakeWindow(calls),
      overlay: () => 'missed-icon' as unknown as NativeImage,
    });
    return { calls, badge };
  };

  it('macOS: the dock badge, cleared with an empty text', () => {
    const { calls, badge } = setup('darwin');
    badge.render(badgeOf(12));
    badge.render(badgeOf(12));
    badge.render(badgeOf(0));
    expect(calls.log).toEqual(['badge "9+"', 'badge ""']);
  });

  it('Windows: an overlay icon with the count in words, removed when seen', () => {
    const { calls, badge } = setup('win32');
    badge.render(badgeOf(1));
    badge.render(badgeOf(0));
    expect(calls.log).toEqual(['overlay missed-icon "1 missed call"', 'overlay none ""']);
  });

  it('Linux: the launcher count', () => {
    const { calls, badge } = setup('linux');
    badge.render(badgeOf(3));
    expect(calls.log).toEqual(['count 3']);
  });
});

describe('login item', () => {
  const fakeApp = (wasOpenedAtLogin = false) => {
    const settings: unknown[] = [];
    return {
      settings,
      app: {
        setLoginItemSettings: (value: unknown) => void settings.push(value),
        getLoginItemSettings: () => ({ wasOpenedAtLogin }),
      } as unknown as Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>,
    };
  };

  it('Windows starts hidden through its argument; macOS through its login item', () => {
    const win = fakeApp();
    expect(applyLoginItem(win.app, 'win32', true)).toBe('applied');
    expect(win.settings).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    const mac = fakeApp();
    applyLoginItem(mac.app, 'darwin', false);
    expect(mac.settings).toEqual([{ openAtLogin: false }]);
  });

  it('Linux has no login item in Electron and says so', () => {
    const linux = fakeApp();
    expect(applyLoginItem(linux.app, 'linux', true)).toBe('unsupported');
    expect(linux.settings).toEqual([]);
  });

  it('a start at login stays in the tray', () => {
    expect(startsHidden(fakeApp().app, 'win32', ['Ringside.exe', '--hidden'])).toBe(true);
    expect(startsHidden(fakeApp().app, 'win32', ['Ringside.exe'])).toBe(false);
    expect(startsHidden(fakeApp(true).app, 'darwin', ['Ringside'])).toBe(true);
  });
});

describe('applyShortcuts', () => {
  it('registers what it can, reports a key another program holds, and never registers a duplicate', () => {
    const registered: string[] = [];
    let cleared = 0;
    const ran: string[] = [];
    const handlers = new Map<string, () => void>();
    const globalShortcut = {
      unregisterAll: () => void (cleared += 1),
      register: (accelerator: string, callback: () => void) => {
        if (accelerator === 'Ctrl+Alt+E') return false;
        registered.push(accelerator);
        handlers.set(accelerator, callback);
        return true;
      },
    } as unknown as Pick<GlobalShortcut, 'register' | 'unregisterAll'>;
    const statuses = applyShortcuts(
      globalShortcut,
      {
        showWindow: 'CmdOrCtrl+Alt+R',
        openRoom: 'Ctrl+Alt+O',
        holdToggle: 'Control+Alt+O',
        endCall: 'Ctrl+Alt+E',
      },
      'win32',
      (action) => ran.push(action),
    );
    expect(cleared).toBe(1);
    expect(registered).toEqual(['CmdOrCtrl+Alt+R']);
    expect(statuses.map((status) => status.state)).toEqual([
      'active',
      'duplicate',
      'duplicate',
      'taken',
    ]);
    handlers.get('CmdOrCtrl+Alt+R')?.();
    expect(ran).toEqual(['showWindow']);
  });

  it('an accelerator Electron throws on is reported, not thrown', () => {
    const statuses = applyShortcuts(
      {
        unregisterAll: () => undefined,
        register: () => {
          throw new Error('conversion failure');
        },
      },
      { showWindow: 'Ctrl+Alt+R', openRoom: '', holdToggle: '', endCall: '' },
      'linux',
      () => undefined,
    );
    expect(statuses[0]?.state).toBe('taken');
  });
});
