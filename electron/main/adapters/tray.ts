import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TrayKind, TrayState } from '../../../shared/tray/tray-state';

export interface TrayOptions {
  Tray: typeof Tray;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  imageFor: (kind: TrayKind) => NativeImage;
  initial: TrayState;
  onShow: () => void;
  onQuit: () => void;
}

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
): MenuItemConstructorOptions[] {
  return [
    ...state.lines.map((line): MenuItemConstructorOptions => ({ label: line, enabled: false })),
    { type: 'separator' },
    { label: 'Show Ringside', click: onShow },
    { label: 'Quit Ringside', click: onQuit },
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
      options.Menu.buildFromTemplate(trayMenuTemplate(state, options.onShow, options.onQuit)),
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
