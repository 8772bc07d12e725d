/**
 * The history's words in the window's language. ICU MessageFormat (intl-messageformat, the engine
 * main's messages use), so "1 missed call" and Hebrew's dual are the languages' own plurals.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { i18n } from '../i18n.svelte';
import { historyEn, historyHe, type HistoryKey } from '../i18n/history';

const dictionaries = { en: historyEn, he: historyHe } as const;
const compiled = new Map<string, IntlMessageFormat>();

export function ht(key: HistoryKey, params: Record<string, string | number> = {}): string {
  const locale = i18n.locale;
  const id = `${locale}:${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(dictionaries[locale][key], locale);
    compiled.set(id, format);
  }
  return String(format.format(params));
}
