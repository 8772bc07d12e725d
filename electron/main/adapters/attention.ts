import type { BrowserWindow, Dock } from 'electron';

export interface AttentionOptions {
  platform: NodeJS.Platform;
  /** The main window, when there is one. */
  window: () => Pick<BrowserWindow, 'flashFrame' | 'isDestroyed'> | null;
  /** `app.dock` (macOS only). */
  dock?: Pick<Dock, 'bounce' | 'cancelBounce'> | undefined;
}

export interface Attention {
  /** Asks for the agent's attention until `stop` (a ring is answered or ends). */
  start(): void;
  stop(): void;
}

/**
 * The taskbar button flashes (Windows, and Linux where the window manager supports it) or the dock
 * icon bounces (macOS, "critical": until the app is activated or the bounce is cancelled) while a
 * call rings and the window is hidden or unfocused. Windows stops flashing by itself once the
 * window gets the focus; `stop` ends it for a ring that ended first.
 */
export function createAttention(options: AttentionOptions): Attention {
  let bounceId: number | null = null;
  let flashing = false;
  const mac = options.platform === 'darwin';
  return {
    start() {
      if (mac) {
        if (bounceId === null && options.dock) bounceId = options.dock.bounce('critical');
        return;
      }
      const window = options.window();
      if (!window || window.isDestroyed()) return;
      window.flashFrame(true);
      flashing = true;
    },
    stop() {
      if (mac) {
        if (bounceId !== null) options.dock?.cancelBounce(bounceId);
        bounceId = null;
        return;
      }
      if (!flashing) return;
      flashing = false;
      const window = options.window();
      if (window && !window.isDestroyed()) window.flashFrame(false);
    },
  };
}
