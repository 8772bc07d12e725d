import { describe, expect, it } from 'vitest';
import type { BrowserWindow, GlobalShortcut, NativeImage } from 'electron';
import { wireDesktop } from '../../../electron/main/adapters/desktop';
import { DesktopService } from '../../../electron/core/desktop/desktop-service';
import { silentLogger } from '../../../electron/core/logging/logger';
import type { CallAlert, Notifier } from '../../../electron/core/ports';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import type { RingsideCore } from '../../../electron/core/types';
import type { CallStatus } from '../../../shared/domain/calls';
import type { AppSnapshot } from '../../../shared/ipc/snapshot';
import { makeCall } from '../../support/calls';
import { MemoryBackend } from '../../support/memory-backend';

/** The Electron side as the agent would see it: what happened to the window, dock, shortcuts. */
function rig(platform: NodeJS.Platform = 'win32') {
  const seen: string[] = [];
  const settings = new SettingsStore(new MemoryBackend({}));
  const desktop = new DesktopService({
    settings,
    clock: { now: () => 1_700_000_000_000 },
    logger: silentLogger,
    platform,
    notifications: { available: true, reason: null },
    missed: { count: () => 0, markSeen: () => undefined },
    openOutboundRoom: () => Promise.resolve('link-1'),
    desktopApp: true,
  });
  let look = { visible: false, focused: false };
  const window = {
    isDestroyed: () => false,
    isVisible: () => look.visible,
    isFocused: () => look.focused,
    flashFrame: (flag: boolean) => seen.push(`flash ${flag}`),
    setOverlayIcon: (_image: unknown, words: string) => seen.push(`overlay "${words}"`),
  } as unknown as BrowserWindow;
  const registered: string[] = [];
  const globalShortcut = {
    unregisterAll: () => seen.push('shortcuts cleared'),
    register: (accelerator: string) => {
      registered.push(accelerator);
      return accelerator !== 'Ctrl+Alt+E';
    },
  } as unknown as Pick<GlobalShortcut, 'register' | 'unregisterAll'>;
  const alerts: CallAlert[] = [];
  const notifier: Notifier = {
    notify: (alert) => {
      alerts.push(alert);
      return Promise.resolve();
    },
    dismiss: () => undefined,
  };
  let current: { status: CallStatus } | null = null;
  const view = (): AppSnapshot =>
    ({
      calls: {
        currentCall: current
          ? { extension: '201', call: makeCall({ ivrid: 'ivr-1', status: current.status }) }
          : null,
      },
      rocketchat: { rooms: [] },
      desktop: desktop.view(),
    }) as unknown as AppSnapshot;
  const core = {
    desktop,
    view,
    handlers: {
      closeHintShown: () => desktop.handlers.closeHintShown(),
      openRoom: () => undefined,
      roomAction: () => undefined,
    },
  } as unknown as Pick<RingsideCore, 'desktop' | 'handlers' | 'view'>;
  const wiring = wireDesktop({
    platform,
    app: {
      setBadgeCount: () => true,
      setLoginItemSettings: (value: unknown) => void seen.push(`login ${JSON.stringify(value)}`),
    },
    globalShortcut,
    core,
    window: () => window,
    showWindow: () => seen.push('show window'),
    notifier,
    settings: () => settings.get().desktop,
    overlay: () => 'missed' as unknown as NativeImage,
    log: silentLogger,
  });
  return {
    seen,
    settings,
    desktop,
    alerts,
    registered,
    wiring,
    ring: (status: CallStatus | null) => {
      current = status ? { status } : null;
      wiring.viewChanged(view());
    },
    windowIs: (next: { visible: boolean; focused: boolean }) => void (look = next),
  };
}

describe('wireDesktop', () => {
  it('a ring with the window hidden flashes the taskbar until the ring stops; the window stays put unless asked', () => {
    const { seen, ring } = rig();
    ring('ringing');
    ring('ringing');
    expect(seen.filter((entry) => entry.startsWith('flash') || entry === 'show window')).toEqual([
      'flash true',
    ]);
    ring('talking');
    expect(seen).toContain('flash false');
  });

  it('"alert and bring the window forward" shows the window; a focused window is not flashed', async () => {
    const { seen, ring, desktop, windowIs } = rig();
    await desktop.handlers.updateDesktopSettings({ alertMode: 'notify-and-focus' });
    windowIs({ visible: true, focused: true });
    ring('ringing');
    expect(seen).toContain('show window');
    expect(seen).not.toContain('flash true');
  });

  it('do-not-disturb: neither the window nor the taskbar moves', async () => {
    const { seen, ring, desktop } = rig();
    await desktop.handlers.updateDesktopSettings({
      alertMode: 'notify-and-focus',
      dnd: { on: true },
    });
    ring('ringing');
    expect(seen.filter((entry) => entry.startsWith('flash') || entry === 'show window')).toEqual(
      [],
    );
  });

  it('start at login and the shortcuts follow the settings; what the system refused is reported', () => {
    const { seen, ring, desktop, settings, registered } = rig();
    ring(null);
    expect(seen).toContain('login {"openAtLogin":false,"args":["--hidden"]}');
    settings.update({
      desktop: {
        startAtLogin: true,
        shortcuts: { showWindow: 'Ctrl+Alt+R', endCall: 'Ctrl+Alt+E' },
      },
    });
    ring(null);
    expect(seen).toContain('login {"openAtLogin":true,"args":["--hidden"]}');
    expect(registered).toEqual(['Ctrl+Alt+R', 'Ctrl+Alt+E']);
    expect(desktop.view().shortcuts.map((status) => status.state)).toEqual([
      'active',
      'off',
      'off',
      'taken',
    ]);
  });

  it('closing the window to the tray says so once', async () => {
    const { alerts, wiring, desktop } = rig();
    wiring.closedToTray();
    await Promise.resolve();
    wiring.closedToTray();
    expect(alerts.map((alert) => alert.title)).toEqual(['Ringside is still running']);
    expect(desktop.view().closeHintShown).toBe(true);
  });
});
