import type { App, BrowserWindow, Dock, NativeImage } from 'electron';
import type { MissedBadge } from '../../../shared/desktop/missed-badge';

export interface BadgeOptions {
  platform: NodeJS.Platform;
  app: Pick<App, 'setBadgeCount'>;
  /** `app.dock` (macOS only). */
  dock?: Pick<Dock, 'setBadge'> | undefined;
  window: () => Pick<BrowserWindow, 'setOverlayIcon' | 'isDestroyed'> | null;
  /** The small image Windows lays over the taskbar button (the tray's "missed" icon). */
  overlay: () => NativeImage;
}

/**
 * Missed calls on the app's icon: the dock badge on macOS ("3", "9+"), an overlay icon on the
 * Windows taskbar button (with the count as its accessible description), and the launcher count
 * on Linux desktops that show one (Unity, KDE, via `app.setBadgeCount`). The tray shows them too
 * (shared/tray/tray-state.ts). Renders only what changed.
 */
export function createBadge(options: BadgeOptions): { render(badge: MissedBadge): void } {
  let shown: string | null = null;
  return {
    render(badge) {
      if (badge.label === shown) return;
      shown = badge.label;
      if (options.platform === 'darwin') {
        options.dock?.setBadge(badge.label);
        return;
      }
      if (options.platform === 'win32') {
        const window = options.window();
        if (!window || window.isDestroyed()) {
          shown = null;
          return;
        }
        const words = badge.count === 1 ? '1 missed call' : `${badge.count} missed calls`;
        window.setOverlayIcon(
          badge.count > 0 ? options.overlay() : null,
          badge.count > 0 ? words : '',
        );
        return;
      }
      options.app.setBadgeCount(badge.count);
    },
  };
}
