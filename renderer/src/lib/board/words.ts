/**
 * The team board's words (`i18n/board.ts`, joined to the window's dictionary under `board.`), in
 * the window's language.
 */
import { t } from '../i18n.svelte';
import type { BoardKey } from '../i18n/board';

export function bt(key: BoardKey, params: Record<string, string | number> = {}): string {
  return t(`board.${key}`, params);
}
