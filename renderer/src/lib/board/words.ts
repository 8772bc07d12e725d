/**
 * The team board's words in the window's language, and its status names: an administrator's
 * names (settings, configuration file) over the app's own, unknown codes as "Status N".
 */
import { i18n } from '../i18n.svelte';
import { boardEn, boardHe, type BoardKey } from '../i18n/board';

const dictionaries = { en: boardEn, he: boardHe } as const;

export function bt(key: BoardKey, params: Record<string, string | number> = {}): string {
  return dictionaries[i18n.locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
