/** The desktop side as the window and the tray see it: alerting, missed calls, links, start-up, shortcuts. */
import type { ShortcutStatus } from '../desktop/accelerators';
import type { AlertMode } from '../desktop/alert-policy';
import type { CallLink } from '../desktop/call-link';
import type { Message } from '../messages/catalogue';

/**
 * Whether call alerts can reach the desktop:
 * - ok: as far as Ringside knows;
 * - no-service: nothing to send them to (Linux without a notification server, notify-send missing,
 *   Electron's `Notification.isSupported()` false): the OS settings are not the cause;
 * - blocked: the system refused a notification (turned off for Ringside, Focus Assist, …).
 */
export interface NotificationHealth {
  status: 'ok' | 'no-service' | 'blocked';
  /** What is wrong and how to fix it, for the window; '' when ok. */
  text: string;
  /** The same, short, for the tray menu; '' when ok. */
  trayLine: string;
  /** `text` and `trayLine` as codes the window and the tray put in the agent's language. */
  says?: Message;
  traySays?: Message;
}

export interface DesktopView {
  alertMode: AlertMode;
  /** `until: null` while on means "until turned off". */
  dnd: { active: boolean; until: number | null };
  missed: { count: number; label: string };
  /** A `tel:`/`callto:` link waiting for the agent's "Call" or "Cancel"; null when none. */
  callLink: (CallLink & { id: string }) | null;
  startAtLogin: boolean;
  /** The "Ringside is still running in the tray" hint was shown once already. */
  closeHintShown: boolean;
  shortcuts: ShortcutStatus[];
  notifications: NotificationHealth;
  /** Start at login and global shortcuts exist only in the desktop app, not the headless host. */
  desktopApp: boolean;
}
