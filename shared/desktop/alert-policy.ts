/**
 * How a ringing call reaches the agent, decided from their alert mode, do-not-disturb and what the
 * window looks like at that moment. Pure, so the core (notifications) and the Electron host
 * (window to the front, taskbar flash, dock bounce) decide from the same rules.
 */

/** "Notification + window to the front", "notification only", or nothing (desk-phone agents). */
export type AlertMode = 'notify-and-focus' | 'notify' | 'off';
export const alertModes: readonly AlertMode[] = ['notify-and-focus', 'notify', 'off'];

/** Do-not-disturb: off, on until a time, or on until the agent turns it off (`until: null`). */
export interface DoNotDisturb {
  on: boolean;
  until: number | null;
}

/** The two stored notification switches the alert mode is made of (kept for older settings files). */
export interface NotificationSwitches {
  enabled: boolean;
  focusWindowOnRing: boolean;
}

export function alertModeOf(switches: NotificationSwitches): AlertMode {
  if (!switches.enabled) return 'off';
  return switches.focusWindowOnRing ? 'notify-and-focus' : 'notify';
}

export function switchesFor(mode: AlertMode): NotificationSwitches {
  return { enabled: mode !== 'off', focusWindowOnRing: mode === 'notify-and-focus' };
}

/** Whether do-not-disturb holds at `now`; a time-boxed one ends by itself. */
export function dndActive(dnd: DoNotDisturb, now: number): boolean {
  return dnd.on && (dnd.until === null || now < dnd.until);
}

/** The window as the host sees it; null where the host has no window of its own (headless). */
export interface WindowLook {
  visible: boolean;
  focused: boolean;
}

export interface AlertInput {
  mode: AlertMode;
  dnd: DoNotDisturb;
  now: number;
  /** The host can raise desktop notifications at all. */
  notificationsAvailable: boolean;
  window: WindowLook | null;
}

export interface AlertDecision {
  /** Raise the desktop notification (kept up while the call rings). */
  notify: boolean;
  /** Show and focus the window. */
  bringToFront: boolean;
  /** Flash the taskbar button (Windows) or bounce the dock icon (macOS) until the ring stops. */
  attention: boolean;
  /** Why the agent is not alerted at all; null when they are. */
  silencedBy: 'off' | 'dnd' | null;
}

const SILENT = { notify: false, bringToFront: false, attention: false } as const;

/**
 * - off or do-not-disturb: nothing at all (the tray and window still show the ringing call);
 * - otherwise a notification where the host can raise one, the window to the front when the mode
 *   says so, and the taskbar/dock asks for attention whenever the window is hidden or unfocused,
 *   also when it was just brought forward (Windows may refuse to hand focus to a background app
 *   and only then is the flash seen) and when notifications cannot be shown (it is then the only
 *   cue besides the tray).
 */
export function decideAlert(input: AlertInput): AlertDecision {
  if (input.mode === 'off') return { ...SILENT, silencedBy: 'off' };
  if (dndActive(input.dnd, input.now)) return { ...SILENT, silencedBy: 'dnd' };
  const window = input.window;
  return {
    notify: input.notificationsAvailable,
    bringToFront: input.mode === 'notify-and-focus' && window !== null,
    attention: window !== null && !(window.visible && window.focused),
    silencedBy: null,
  };
}
