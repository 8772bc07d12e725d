import type { DesktopView } from '@shared/ipc/desktop';
import { formatDateTime } from './format';
import { i18n, t } from './i18n.svelte';

/** "Do not disturb is on", and until when where it ends by itself, in the window's language. */
export function dndActiveText(dnd: DesktopView['dnd']): string {
  return dnd.until === null
    ? t('desktop.dndActive')
    : t('desktop.dndActiveUntil', { time: formatDateTime(dnd.until, i18n.locale) });
}
