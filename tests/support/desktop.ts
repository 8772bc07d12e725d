import type { DesktopView } from '@shared/ipc/desktop';

/** A desktop view with everything quiet: alerts on, nothing missed, no link waiting. */
export function desktopView(patch: Partial<DesktopView> = {}): DesktopView {
  return {
    alertMode: 'notify',
    dnd: { active: false, until: null },
    missed: { count: 0, label: '' },
    callLink: null,
    startAtLogin: false,
    closeHintShown: false,
    shortcuts: [],
    notifications: { status: 'ok', text: '', trayLine: '' },
    desktopApp: true,
    ...patch,
  };
}
