import { randomUUID } from 'node:crypto';
import type { ShortcutStatus } from '../../../shared/desktop/accelerators';
import { planShortcuts, shortcutActions } from '../../../shared/desktop/accelerators';
import {
  alertModeOf,
  decideAlert,
  dndActive,
  switchesFor,
  type AlertDecision,
  type WindowLook,
} from '../../../shared/desktop/alert-policy';
import { callLinkOf, type CallLink } from '../../../shared/desktop/call-link';
import { badgeOf } from '../../../shared/desktop/missed-badge';
import { notificationHealth } from '../../../shared/desktop/notification-health';
import type { Handlers } from '../../../shared/ipc/define';
import type { DesktopView } from '../../../shared/ipc/desktop';
import type { desktopMethods, DesktopSettingsPatch } from '../../../shared/ipc/desktop-methods';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { Clock, Logger } from '../ports';
import type { SettingsStore, SettingsUpdate } from '../settings';
import type { Message } from '../../../shared/messages/catalogue';
import { say } from '../../../shared/messages/translate';

export interface DesktopDeps {
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
  platform: string;
  /** Whether the host has anywhere to send notifications, and why not. */
  notifications: { available: boolean; reason: string | null; reasonSays?: Message | null };
  /**
   * Missed calls the agent has not seen, as the call history counts them (it keeps them across
   * restarts), and marking them seen.
   */
  missed: { count: () => number; markSeen: () => void };
  /** Opens the caller's Rocket.Chat room for a call about to be placed; answers its call id. */
  openOutboundRoom: (callerPhone: string) => Promise<string>;
  /** The Electron app (start at login, shortcuts) rather than the headless host. */
  desktopApp: boolean;
}

/**
 * The agent's desktop: how calls alert them (mode, do-not-disturb), what they missed, the phone
 * links they clicked, and what the host reports about notifications and shortcuts. The host
 * (Electron or headless) applies it; this service only decides and remembers.
 */
export class DesktopService {
  readonly handlers: Handlers<typeof desktopMethods>;
  private link: (CallLink & { id: string }) | null = null;
  private refused: string | null = null;
  private shortcuts: ShortcutStatus[] | null = null;
  private dndTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly log: Logger;

  constructor(private readonly deps: DesktopDeps) {
    this.log = deps.logger.child('desktop');
    this.handlers = {
      updateDesktopSettings: (patch) => {
        this.update(patch);
        return this.view();
      },
      markMissedSeen: () => this.markMissedSeen(),
      openCallLink: (url) => {
        if (!this.openLink(url))
          throw new UserFacingError('not-a-phone-link', say('desktop.not-a-phone-link'));
      },
      confirmCallLink: (id) => this.confirmLink(id),
      cancelCallLink: (id) => {
        if (this.link?.id === id) this.setLink(null);
      },
      closeHintShown: () => {
        this.deps.settings.update({ desktop: { closeHintShown: true } });
      },
    };
    this.scheduleDndEnd();
  }

  view(): DesktopView {
    const { notifications, desktop } = this.deps.settings.get();
    const now = this.deps.clock.now();
    const active = dndActive(desktop.dnd, now);
    return {
      alertMode: alertModeOf(notifications),
      dnd: { active, until: active ? desktop.dnd.until : null },
      missed: badgeOf(this.deps.missed.count()),
      callLink: this.link,
      startAtLogin: desktop.startAtLogin,
      closeHintShown: desktop.closeHintShown,
      shortcuts:
        this.shortcuts ??
        planShortcuts(desktop.shortcuts, this.deps.platform).statuses.map((status) =>
          status.state === 'pending' && !this.deps.desktopApp
            ? { ...status, state: 'off', problem: 'Global shortcuts work in the desktop app only.' }
            : status,
        ),
      notifications: notificationHealth({
        ...this.deps.notifications,
        refused: this.refused,
        platform: this.deps.platform,
      }),
      desktopApp: this.deps.desktopApp,
    };
  }

  /** What to do for a call that starts ringing now, given the window (null: no window of its own). */
  decide(window: WindowLook | null): AlertDecision {
    const { notifications, desktop } = this.deps.settings.get();
    return decideAlert({
      mode: alertModeOf(notifications),
      dnd: desktop.dnd,
      now: this.deps.clock.now(),
      notificationsAvailable: this.deps.notifications.available,
      window,
    });
  }

  /** The system refused a notification (message for the log) or let one through (null). */
  notificationOutcome(refusal: string | null): void {
    if (refusal === this.refused) return;
    this.refused = refusal;
    this.emit();
  }

  /** The host's answer after registering the global shortcuts. */
  reportShortcuts(statuses: ShortcutStatus[]): void {
    this.shortcuts = statuses;
    this.emit();
  }

  /**
   * A link from outside (argv, macOS open-url, `--open-url`, IPC): kept for the agent to confirm
   * when it is a phone number; true if so. A newer link replaces one still waiting.
   */
  openLink(url: string): boolean {
    const link = callLinkOf(url);
    if (!link) {
      this.log.warn('ignored a link that is not a phone number');
      return false;
    }
    this.log.info('a phone link was opened', { digits: link.number.replace(/\D/g, '').length });
    this.setLink({ ...link, id: randomUUID() });
    return true;
  }

  /** The window was shown and focused on the recent calls: what was missed counts as seen. */
  markMissedSeen(): void {
    if (this.deps.missed.count() > 0) this.deps.missed.markSeen();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    if (this.dndTimer) clearTimeout(this.dndTimer);
    this.dndTimer = null;
  }

  private async confirmLink(id: string): Promise<void> {
    const link = this.link;
    if (link?.id !== id) throw new UserFacingError('link-gone', say('desktop.link-gone'));
    await this.deps.openOutboundRoom(link.number);
    if (this.link?.id === id) this.setLink(null);
  }

  private update(patch: DesktopSettingsPatch): void {
    const now = this.deps.clock.now();
    const update: SettingsUpdate = {};
    if (patch.alertMode) update.notifications = switchesFor(patch.alertMode);
    const shortcuts = Object.fromEntries(
      shortcutActions.flatMap((action) => {
        const value = patch.shortcuts?.[action];
        return value === undefined ? [] : [[action, value]];
      }),
    );
    const desktop = {
      ...(patch.startAtLogin === undefined ? {} : { startAtLogin: patch.startAtLogin }),
      ...(Object.keys(shortcuts).length > 0 ? { shortcuts } : {}),
      ...(patch.dnd
        ? {
            dnd: patch.dnd.on
              ? { on: true, until: patch.dnd.minutes ? now + patch.dnd.minutes * 60_000 : null }
              : { on: false, until: null },
          }
        : {}),
    };
    if (Object.keys(desktop).length > 0) update.desktop = desktop;
    // A new set of shortcuts is unknown until the host has registered it.
    if (update.desktop?.shortcuts) this.shortcuts = null;
    this.deps.settings.update(update);
    this.scheduleDndEnd();
  }

  /** A time-boxed do-not-disturb ends by itself: the window and the tray hear of it when it does. */
  private scheduleDndEnd(): void {
    if (this.dndTimer) clearTimeout(this.dndTimer);
    this.dndTimer = null;
    const { dnd } = this.deps.settings.get().desktop;
    if (!dnd.on || dnd.until === null) return;
    const left = dnd.until - this.deps.clock.now();
    if (left <= 0) return;
    // setTimeout holds at most ~24.8 days; do-not-disturb is at most a week.
    this.dndTimer = setTimeout(() => {
      this.dndTimer = null;
      this.emit();
    }, left);
    this.dndTimer.unref?.();
  }

  private setLink(link: (CallLink & { id: string }) | null): void {
    this.link = link;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
