import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import {
  createTray,
  TRAY_ICON_KINDS,
  trayIconDir,
  trayIconFile,
  trayImages,
  trayMenuTemplate,
} from '../../../electron/main/adapters/tray';
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

describe('tray icons', () => {
  const root = join(import.meta.dirname, '../../..');
  const dir = trayIconDir({ isPackaged: false, resourcesPath: '/nowhere', appPath: root });

  it('are read from the resources next to the asar when packaged, from the project otherwise', () => {
    expect(
      trayIconDir({ isPackaged: true, resourcesPath: '/opt/Ringside/resources', appPath: '/x' }),
    ).toBe(join('/opt/Ringside/resources', 'tray'));
    expect(dir).toBe(join(root, 'resources', 'tray'));
  });

  it('picks a Template image on macOS, an .ico on Windows and a PNG elsewhere', () => {
    expect(trayIconFile('ringing', 'darwin')).toBe('ringingTemplate.png');
    expect(trayIconFile('ringing', 'win32')).toBe('ringing.ico');
    expect(trayIconFile('ringing', 'linux')).toBe('ringing.png');
  });

  it('loads each look once and reports a file that is missing', () => {
    const loaded: string[] = [];
    const missing: string[] = [];
    const imageFor = trayImages({
      nativeImage: {
        createFromPath: (path: string) => {
          loaded.push(path);
          return { isEmpty: () => path.includes('offline') } as unknown as NativeImage;
        },
      },
      dir: '/res/tray',
      platform: 'darwin',
      onMissing: (path) => missing.push(path),
    });
    expect(imageFor('connected')).toBe(imageFor('connected'));
    imageFor('offline');
    expect(loaded).toEqual([
      join('/res/tray', 'connectedTemplate.png'),
      join('/res/tray', 'offlineTemplate.png'),
    ]);
    expect(missing).toEqual([join('/res/tray', 'offlineTemplate.png')]);
  });

  const png = (file: string) => PNG.sync.read(readFileSync(join(dir, file)));

  it.each(TRAY_ICON_KINDS)(
    '%s: committed at 1x and 2x, as a macOS Template and a Windows .ico',
    (kind) => {
      for (const [file, size] of [
        [`${kind}.png`, 16],
        [`${kind}@2x.png`, 32],
        [`${kind}Template.png`, 16],
        [`${kind}Template@2x.png`, 32],
      ] as const) {
        const image = png(file);
        expect([file, image.width, image.height]).toEqual([file, size, size]);
        // Transparent corners: the shape floats on the tray's own background.
        expect(image.data[3]).toBe(0);
      }
      // A Template image is black with its shape in the alpha channel alone (macOS tints it).
      const template = png(`${kind}Template@2x.png`);
      let opaque = 0;
      for (let at = 0; at < template.data.length; at += 4) {
        if ((template.data[at + 3] ?? 0) === 0) continue;
        opaque += 1;
        expect([template.data[at], template.data[at + 1], template.data[at + 2]]).toEqual([
          0, 0, 0,
        ]);
      }
      expect(opaque).toBeGreaterThan(100);
      const ico = readFileSync(join(dir, `${kind}.ico`));
      // ICONDIR: reserved 0, type 1 (icon), then the number of sizes.
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 6]);
    },
  );

  it('each look differs from every other', () => {
    const looks = TRAY_ICON_KINDS.map((kind) =>
      png(`${kind}Template@2x.png`).data.toString('base64'),
    );
    expect(new Set(looks).size).toBe(TRAY_ICON_KINDS.length);
  });

  it('the app icon exists for every installer: PNG, .ico and .icns', () => {
    const build = join(root, 'build');
    const icon = PNG.sync.read(readFileSync(join(build, 'icon.png')));
    expect([icon.width, icon.height]).toEqual([1024, 1024]);
    expect(readFileSync(join(build, 'icon.ico')).readUInt16LE(2)).toBe(1);
    const icns = readFileSync(join(build, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(existsSync(join(build, 'make-icons.mjs'))).toBe(true);
  });
});
