import nodeNotifier from 'node-notifier';
import type { CallAlert, Logger, Notifier } from '../ports';
import { silentLogger } from '../logging/logger';

/** The part of a node-notifier notifier this class uses (tests pass a recording fake). */
export interface NotificationBackend {
  notify(
    options: Record<string, unknown>,
    callback: (error: Error | string | null, response?: string) => void,
  ): unknown;
}

export interface NodeNotifierOptions {
  /** Shown as the sender (D-Bus app name on Linux). */
  appName: string;
  /** Windows AppUserModelID, so toasts carry the app's identity. */
  appId?: string;
  /** Absolute path of an icon file. */
  icon?: string;
  /** How long an alert stays up when the server honours it (a ring rarely lasts longer). Default 30 s. */
  timeoutSeconds?: number;
  /**
   * On macOS and Windows node-notifier answers only after the agent reacted or the alert timed
   * out; `notify` resolves once this long has passed without an error. Default 1500 ms.
   */
  settleMs?: number;
  platform?: NodeJS.Platform;
  backend?: NotificationBackend;
  logger?: Logger;
}

const CLICKED = new Set(['activate', 'clicked', 'click', 'contentsclicked']);

/**
 * Native call alerts through node-notifier, for plain Node: the Electron app on Linux and the
 * headless host everywhere. On Linux node-notifier runs `notify-send`, which talks to the desktop's
 * notification server over D-Bus.
 *
 * One alert per call id: a second `notify` with the same id and the same words while the first is
 * still up does nothing; with new words it is sent with the same replacement tag
 * (`x-canonical-private-synchronous`, honoured by dunst, notify-osd, xfce4-notifyd and others), so
 * the server replaces it. On macOS (`group`) and Windows (`id`) the tag is native.
 *
 * Linux limits, because node-notifier's `notify-send` offers no click callback and no way to close
 * a notification: clicking the alert does not raise the window (`onClick` is not called) and
 * `dismiss` cannot take it down early; it expires after `timeoutSeconds`. The agent sees the call
 * when they open the window, which always shows the ringing call first.
 */
export class NodeNotifierNotifier implements Notifier {
  private readonly platform: NodeJS.Platform;
  private readonly backend: NotificationBackend;
  private readonly logger: Logger;
  private readonly timeoutSeconds: number;
  /** Alerts believed to be on screen: id -> words and when they expire. */
  private readonly shown = new Map<string, { words: string; until: number }>();

  constructor(private readonly options: NodeNotifierOptions) {
    this.platform = options.platform ?? process.platform;
    this.backend = options.backend ?? defaultBackend(this.platform);
    this.logger = options.logger ?? silentLogger;
    this.timeoutSeconds = options.timeoutSeconds ?? 30;
  }

  notify(alert: CallAlert, onClick: () => void): Promise<void> {
    const title = clean(alert.title, 120);
    const body = clean(alert.body, 400);
    const words = `${title}\n${body}`;
    const now = Date.now();
    const previous = this.shown.get(alert.id);
    if (previous && previous.words === words && previous.until > now) return Promise.resolve();
    this.shown.set(alert.id, { words, until: now + this.timeoutSeconds * 1000 });
    this.trim(now);

    const interactive = this.platform === 'darwin' || this.platform === 'win32';
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null): void => {
        if (settled) {
          if (error) this.logger.warn('notification failed after it was shown', { error });
          return;
        }
        settled = true;
        if (error) {
          this.shown.delete(alert.id);
          reject(error);
        } else {
          resolve();
        }
      };
      const timer = interactive
        ? setTimeout(() => settle(null), this.options.settleMs ?? 1500)
        : null;
      try {
        this.backend.notify(this.optionsFor(alert.id, title, body), (error, response) => {
          if (timer) clearTimeout(timer);
          if (error instanceof Error) {
            settle(new Error(`The desktop refused the notification: ${lastLine(error.message)}`));
            return;
          }
          if (typeof error === 'string' && error.trim() !== '') {
            this.logger.debug('notifier said something on stderr', { stderr: firstLine(error) });
          }
          settle(null);
          if (response && CLICKED.has(response.toLowerCase())) onClick();
        });
      } catch (error) {
        if (timer) clearTimeout(timer);
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  dismiss(id: string): void {
    if (!this.shown.delete(id)) return;
    // notify-send cannot close a notification; it expires on its own (see the class comment).
    if (this.platform !== 'darwin' && this.platform !== 'win32') return;
    this.backend.notify({ remove: this.tagFor(id) }, (error) => {
      if (error instanceof Error) this.logger.debug('could not remove a notification', { error });
    });
  }

  private optionsFor(id: string, title: string, body: string): Record<string, unknown> {
    const common = { title, message: body, icon: this.options.icon };
    if (this.platform === 'darwin') {
      return {
        ...common,
        group: this.tagFor(id),
        wait: true,
        timeout: this.timeoutSeconds,
        sound: true,
      };
    }
    if (this.platform === 'win32') {
      return { ...common, id: numericTag(id), appID: this.options.appId, wait: true, sound: true };
    }
    return {
      ...common,
      'app-name': this.options.appName,
      urgency: 'normal',
      // Seconds: node-notifier multiplies by 1000 for notify-send.
      timeout: this.timeoutSeconds,
      hint: `string:x-canonical-private-synchronous:${this.tagFor(id)}`,
    };
  }

  private tagFor(id: string): string {
    return `ringside-${id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80)}`;
  }

  private trim(now: number): void {
    for (const [id, entry] of this.shown) if (entry.until <= now) this.shown.delete(id);
  }
}

function defaultBackend(platform: NodeJS.Platform): NotificationBackend {
  if (platform === 'darwin') return new nodeNotifier.NotificationCenter();
  if (platform === 'win32') return new nodeNotifier.WindowsToaster();
  return new nodeNotifier.NotifySend();
}

/** Caller names come from the network: no control characters, bounded length. */
function clean(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
const firstLine = (text: string): string => lines(text)[0] ?? '';
/** exec's message is "Command failed: <command line>\n<stderr>": the reason is at the end. */
const lastLine = (text: string): string => lines(text).at(-1) ?? '';

/** SnoreToast ids are numbers: a stable 31-bit hash of the call id. */
function numericTag(id: string): number {
  let hash = 0;
  for (const char of id) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return hash & 0x7fffffff;
}
