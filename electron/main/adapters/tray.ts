import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, nativeImage, Tray } from 'electron';
import type { AlertMode } from '../../../shared/desktop/alert-policy';
import type { TrayKind, TrayState } from '../../../shared/tray/tray-state';

/**
 * Every tray look with a committed icon set in resources/tray/ (drawn by build/make-icons.mjs).
 * It may run ahead of TrayKind; the check below makes a TrayKind without icons a compile error.
 */
export const TRAY_ICON_KINDS = [
  'connected',
  'connecting',
  'offline',
  'ringing',
  'in-call',
  'missed',
] as const;
export type TrayIconKind = (typeof TRAY_ICON_KINDS)[number];
const everyKindHasIcons: [TrayKind] extends [TrayIconKind] ? true : false = true;
void everyKindHasIcons;

/**
 * Where the tray icons are: electron-builder copies resources/tray/ next to the asar
 * (`extraResources`), and an unpackaged run reads them from the project.
 */
export function trayIconDir(host: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): string {
  return host.isPackaged
    ? join(host.resourcesPath, 'tray')
    : join(host.appPath, 'resources', 'tray');
}

/**
 * The file for a look on a platform. macOS: a Template image (black + alpha), which the menu bar
 * tints for light and dark mode; Electron picks `…Template@2x.png` beside it on Retina screens.
 * Windows: an .ico, from which Windows picks the size for the display's scaling. Elsewhere: a PNG,
 * with `@2x` picked by Electron on scaled displays.
 */
export function trayIconFile(kind: TrayIconKind, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `${kind}Template.png`;
  if (platform === 'win32') return `${kind}.ico`;
  return `${kind}.png`;
}

/**
 * Loads each look once, from the files. A missing or unreadable file yields Electron's empty image
 * (a blank tray slot rather than a crash) and is reported once.
 */
export function trayImages(options: {
  nativeImage: Pick<typeof nativeImage, 'createFromPath'>;
  dir: string;
  platform: NodeJS.Platform;
  onMissing: (path: string) => void;
}): (kind: TrayIconKind) => NativeImage {
  const images = new Map<TrayIconKind, NativeImage>();
  return (kind) => {
    let image = images.get(kind);
    if (!image) {
      const path = join(options.dir, trayIconFile(kind, options.platform));
      image = options.nativeImage.createFromPath(path);
      if (image.isEmpty()) options.onMissing(path);
      images.set(kind, image);
    }
    return image;
  };
}

export interface TrayOptions {
  Tray: typeof Tray;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  imageFor: (kind: TrayKind) => NativeImage;
  initial: TrayState;
  onShow: () => void;
  onQuit: () => void;
  /** The desktop items: Test ring and the alert mode; without them the menu offers neither. */
  desktop?: TrayDesktopActions;
}

export interface TrayDesktopActions {
  onTestRing: () => void;
  onAlertMode: (mode: AlertMode) => void;
}

const ALERT_MODE_LABELS: readonly [AlertMode, string][] = [
  ['notify-and-focus', 'Alert and bring the window forward'],
  ['notify', 'Alert only'],
  ['off', 'No alerts (desk phone only)'],
];

export interface TrayController {
  /** Re-renders from state; does nothing when nothing visible changed. */
  render(state: TrayState): void;
  dispose(): void;
}

/** The menu: the status lines (not clickable), then Show and Quit. */
export function trayMenuTemplate(
  state: TrayState,
  onShow: () => void,
  onQuit: () => void,
  desktop?: TrayDesktopActions,
): MenuItemConstructorOptions[] {
  const desktopItems: MenuItemConstructorOptions[] = desktop
    ? [
        { label: 'Test ring', click: desktop.onTestRing },
        { type: 'separator' },
        ...ALERT_MODE_LABELS.map(([mode, label]): MenuItemConstructorOptions => ({
          label,
          type: 'radio',
          checked: state.alertMode === mode,
          click: () => desktop.onAlertMode(mode),
        })),
        { type: 'separator' },
      ]
    : [];
  return [
    ...state.lines.map((line): MenuItemConstructorOptions => ({ label: line, enabled: false })),
    { type: 'separator' },
    { label: state.menu?.show ?? 'Show Ringside', click: onShow },
    ...desktopItems,
    { label: state.menu?.quit ?? 'Quit Ringside', click: onQuit },
  ];
}

/**
 * The tray icon as a pure rendering of the app's state: icon, tooltip and menu all come from one
 * TrayState, so the icon can never say "connected" while the link is down.
 */
export function createTray(options: TrayOptions): TrayController {
  const tray = new options.Tray(options.imageFor(options.initial.kind));
  let last = '';
  const render = (state: TrayState): void => {
    const key = JSON.stringify(state);
    if (key === last || tray.isDestroyed()) return;
    const previous = last ? (JSON.parse(last) as TrayState) : null;
    last = key;
    if (previous?.kind !== state.kind) tray.setImage(options.imageFor(state.kind));
    tray.setToolTip(state.tooltip);
    tray.setContextMenu(
      options.Menu.buildFromTemplate(
        trayMenuTemplate(state, options.onShow, options.onQuit, options.desktop),
      ),
    );
  };
  // Windows and Linux: a click on the icon opens the window (macOS opens the menu instead).
  tray.on('click', options.onShow);
  render(options.initial);
  return {
    render,
    dispose: () => {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
