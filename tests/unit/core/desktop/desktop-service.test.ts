import { describe, expect, it } from 'vitest';
import { DesktopService } from '@core/desktop/desktop-service';
import { silentLogger } from '@core/logging/logger';
import { SettingsStore } from '@core/settings/settings-store';
import { UserFacingError } from '@shared/ipc/dispatch';
import { MemoryBackend } from '@tests/support/memory-backend';

const NOW = 1_700_000_000_000;

function rig(options: { available?: boolean; reason?: string | null; desktopApp?: boolean } = {}) {
  const settings = new SettingsStore(new MemoryBackend({}));
  let now = NOW;
  let missed = 2;
  const opened: string[] = [];
  let refuseRoom: Error | null = null;
  const service = new DesktopService({
    settings,
    clock: { now: () => now },
    logger: silentLogger,
    platform: 'win32',
    notifications: { available: options.available ?? true, reason: options.reason ?? null },
    missed: { count: () => missed, markSeen: () => void (missed = 0) },
    openOutboundRoom: (phone) => {
      if (refuseRoom) return Promise.reject(refuseRoom);
      opened.push(phone);
      return Promise.resolve(`link-${opened.length}`);
    },
    desktopApp: options.desktopApp ?? true,
  });
  let changes = 0;
  service.onChange(() => (changes += 1));
  return {
    service,
    settings,
    opened,
    changes: () => changes,
    advance: (ms: number) => void (now += ms),
    refuseRoom: (error: Error | null) => void (refuseRoom = error),
  };
}

describe('DesktopService', () => {
  it('keeps the alert mode in the stored notification switches, and decides from it', async () => {
    const { service, settings } = rig();
    expect(service.view().alertMode).toBe('notify');
    await service.handlers.updateDesktopSettings({ alertMode: 'notify-and-focus' });
    expect(settings.get().notifications).toMatchObject({ enabled: true, focusWindowOnRing: true });
    expect(service.decide({ visible: false, focused: false })).toMatchObject({
      notify: true,
      bringToFront: true,
      attention: true,
    });
    const view = await service.handlers.updateDesktopSettings({ alertMode: 'off' });
    expect(view.alertMode).toBe('off');
    expect(service.decide(null).notify).toBe(false);
  });

  it('do-not-disturb for a time holds until then and ends by itself; "until turned off" holds', async () => {
    const { service, advance } = rig();
    await service.handlers.updateDesktopSettings({ dnd: { on: true, minutes: 30 } });
    expect(service.view().dnd).toEqual({ active: true, until: NOW + 30 * 60_000 });
    expect(service.decide(null)).toMatchObject({ notify: false, silencedBy: 'dnd' });
    advance(30 * 60_000);
    expect(service.view().dnd.active).toBe(false);
    expect(service.decide(null).notify).toBe(true);
    await service.handlers.updateDesktopSettings({ dnd: { on: true } });
    advance(7 * 24 * 60 * 60_000);
    expect(service.view().dnd).toEqual({ active: true, until: null });
    await service.handlers.updateDesktopSettings({ dnd: { on: false } });
    expect(service.view().dnd.active).toBe(false);
    service.stop();
  });

  it('keeps a phone link for confirmation, and confirming opens the outbound room once', async () => {
    const { service, opened, changes } = rig();
    expect(service.openLink('tel:050" --inspect')).toBe(false);
    expect(service.view().callLink).toBeNull();
    expect(service.openLink('tel:+972-50-765-4321')).toBe(true);
    const link = service.view().callLink;
    expect(link).toMatchObject({ number: '+972507654321', display: '050-765-4321' });
    expect(changes()).toBe(1);
    await service.handlers.confirmCallLink(link?.id ?? '');
    expect(opened).toEqual(['+972507654321']);
    expect(service.view().callLink).toBeNull();
    await expect(service.handlers.confirmCallLink(link?.id ?? '')).rejects.toMatchObject({
      code: 'link-gone',
    });
  });

  it('a link that cannot open its room stays for another try; cancel drops it', async () => {
    const { service, refuseRoom } = rig();
    service.openLink('callto:0507654321');
    const id = service.view().callLink?.id ?? '';
    refuseRoom(new UserFacingError('rocketchat-signed-out', 'Sign in to Rocket.Chat first.'));
    await expect(service.handlers.confirmCallLink(id)).rejects.toThrow('Sign in to Rocket.Chat');
    expect(service.view().callLink?.id).toBe(id);
    await service.handlers.cancelCallLink(id);
    expect(service.view().callLink).toBeNull();
  });

  it('refuses a link from the window that is not a phone number, in words', async () => {
    const { service } = rig();
    await expect(
      Promise.resolve().then(() => service.handlers.openCallLink('https://example.com')),
    ).rejects.toMatchObject({ code: 'not-a-phone-link' });
  });

  it('counts missed calls from the history and marks them seen', async () => {
    const { service } = rig();
    expect(service.view().missed).toEqual({ count: 2, label: '2' });
    await service.handlers.markMissedSeen();
    expect(service.view().missed).toEqual({ count: 0, label: '' });
  });

  it('tells "no notification service" apart from "blocked", and clears a refusal once one goes through', () => {
    const none = rig({ available: false, reason: 'notify-send is not installed' });
    expect(none.service.view().notifications).toMatchObject({ status: 'no-service' });
    expect(none.service.view().notifications.text).toContain('notify-send is not installed');
    expect(none.service.view().notifications.text).not.toContain('Settings > System');

    const { service } = rig();
    service.notificationOutcome('The system refused the notification: blocked');
    expect(service.view().notifications.status).toBe('blocked');
    expect(service.view().notifications.text).toContain('Settings > System > Notifications');
    service.notificationOutcome(null);
    expect(service.view().notifications.status).toBe('ok');
  });

  it('shows the shortcuts as planned until the host reports, and the host’s word after', async () => {
    const { service } = rig();
    await service.handlers.updateDesktopSettings({
      shortcuts: { showWindow: 'Ctrl+Alt+R', openRoom: 'Alt+Ctrl+R' },
    });
    expect(service.view().shortcuts.map((status) => status.state)).toEqual([
      'duplicate',
      'duplicate',
      'off',
      'off',
    ]);
    service.reportShortcuts([
      { action: 'showWindow', accelerator: 'Ctrl+Alt+R', state: 'taken', problem: 'taken' },
    ]);
    expect(service.view().shortcuts).toHaveLength(1);
    const headless = rig({ desktopApp: false });
    await headless.service.handlers.updateDesktopSettings({ shortcuts: { endCall: 'Ctrl+Alt+E' } });
    expect(headless.service.view().shortcuts[3]).toMatchObject({
      state: 'off',
      problem: 'Global shortcuts work in the desktop app only.',
    });
  });
});
