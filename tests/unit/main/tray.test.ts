import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { createTray, trayMenuTemplate } from '../../../electron/main/adapters/tray';
import { trayIconPng } from '../../../electron/main/services/tray-icons';
import type { TrayKind, TrayState } from '../../../shared/tray/tray-state';

const connected: TrayState = {
  kind: 'connected',
  tooltip: 'Ringside\nConnected',
  lines: ['Connected'],
};
const ringing: TrayState = {
  kind: 'ringing',
  tooltip: 'Ringside\nRinging: 050-123-4567',
  lines: ['Ringing: 050-123-4567'],
};

class FakeTray {
  static last: FakeTray | null = null;
  images: unknown[] = [];
  tooltips: string[] = [];
  menus: MenuItemConstructorOptions[][] = [];
  listeners = new Map<string, () => void>();
  destroyed = false;
  constructor(image: unknown) {
    this.images.push(image);
    FakeTray.last = this;
  }
  setImage(image: unknown): void {
    this.images.push(image);
  }
  setToolTip(text: string): void {
    this.tooltips.push(text);
  }
  setContextMenu(menu: MenuItemConstructorOptions[]): void {
    this.menus.push(menu);
  }
  on(event: string, listener: () => void): void {
    this.listeners.set(event, listener);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function setup() {
  const actions: string[] = [];
  const controller = createTray({
    Tray: FakeTray as unknown as typeof Tray,
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template as unknown as Menu,
    },
    imageFor: (kind: TrayKind) => `image:${kind}` as unknown as NativeImage,
    initial: connected,
    onShow: () => actions.push('show'),
    onQuit: () => actions.push('quit'),
  });
  const tray = FakeTray.last;
  if (!tray) throw new Error('no tray');
  return { controller, tray, actions };
}

describe('createTray', () => {
  it('renders the initial state: icon, tooltip, menu', () => {
    const { tray } = setup();
    expect(tray.images[0]).toBe('image:connected');
    expect(tray.tooltips).toEqual(['Ringside\nConnected']);
    expect(tray.menus[0]?.map((item) => item.label ?? item.type)).toEqual([
      'Connected',
      'separator',
      'Show Ringside',
      'Quit Ringside',
    ]);
    expect(tray.menus[0]?.[0]?.enabled).toBe(false);
  });

  it('re-renders when the state changes and not when it does not', () => {
    const { controller, tray } = setup();
    controller.render(ringing);
    controller.render(ringing);
    expect(tray.images.at(-1)).toBe('image:ringing');
    expect(tray.tooltips).toEqual(['Ringside\nConnected', 'Ringside\nRinging: 050-123-4567']);
    expect(tray.menus).toHaveLength(2);
    controller.render({ ...ringing, lines: [...ringing.lines, 'Call alerts are turned off'] });
    expect(tray.menus).toHaveLength(3);
  });

  it('opens the window on click and from the menu, quits from the menu, and is disposed once', () => {
    const { controller, tray, actions } = setup();
    tray.listeners.get('click')?.();
    const menu = tray.menus[0] ?? [];
    const click = (label: string): void => {
      (menu.find((item) => item.label === label)?.click as (() => void) | undefined)?.();
    };
    click('Show Ringside');
    click('Quit Ringside');
    expect(actions).toEqual(['show', 'show', 'quit']);
    controller.dispose();
    controller.render(ringing);
    expect(tray.destroyed).toBe(true);
    expect(tray.tooltips).toHaveLength(1);
  });

  it('builds the menu from the status lines', () => {
    const template = trayMenuTemplate(
      {
        kind: 'offline',
        tooltip: '',
        lines: ['Offline: no network', 'Call alerts are turned off'],
      },
      () => undefined,
      () => undefined,
    );
    expect(template.slice(0, 2)).toEqual([
      { label: 'Offline: no network', enabled: false },
      { label: 'Call alerts are turned off', enabled: false },
    ]);
  });
});

describe('trayIconPng', () => {
  function decode(png: Buffer): {
    width: number;
    height: number;
    alphaAt: (x: number, y: number) => number;
  } {
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const idatLength = png.readUInt32BE(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    return { width, height, alphaAt: (x, y) => rows[y * (width * 4 + 1) + 1 + x * 4 + 3] ?? -1 };
  }

  it('draws a valid PNG per state, each different, transparent at the corners', () => {
    const kinds: TrayKind[] = ['connected', 'connecting', 'offline', 'ringing', 'in-call'];
    const pngs = kinds.map((kind) => trayIconPng(kind, 32));
    expect(new Set(pngs.map((png) => png.toString('base64'))).size).toBe(kinds.length);
    for (const png of pngs) {
      const image = decode(png);
      expect([image.width, image.height]).toEqual([32, 32]);
      expect(image.alphaAt(0, 0)).toBe(0);
    }
    expect(decode(trayIconPng('connected', 32)).alphaAt(16, 16)).toBe(255);
    // The connecting ring is hollow: nothing in the middle.
    expect(decode(trayIconPng('connecting', 32)).alphaAt(16, 16)).toBe(0);
  });
});
