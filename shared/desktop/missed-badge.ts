/** What the dock, the taskbar overlay and the tray show for missed calls. */
export interface MissedBadge {
  count: number;
  /** The dock / overlay text: '' when nothing was missed, '9+' beyond nine. */
  label: string;
}

export function badgeOf(count: number): MissedBadge {
  const safe = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  return { count: safe, label: safe === 0 ? '' : safe > 9 ? '9+' : String(safe) };
}
