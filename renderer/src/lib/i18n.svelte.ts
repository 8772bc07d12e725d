/**
 * Two languages do not need an i18n library: a typed dictionary per language (a missing Hebrew
 * string is a compile error), `{name}` parameters, and the platform's `Intl` for times and ages.
 */
import { en, type MessageKey } from './i18n/en';
import { he, heStatusLabels } from './i18n/he';
import { statusLabel } from '../../../shared/voicenter/status';

export type Locale = 'en' | 'he';
export const locales: readonly { id: Locale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'he', label: 'עברית' },
];

const dictionaries = { en, he } as const;
type Params = Record<string, string | number>;

/** Puts `params` into a message's `{name}` places; an unknown name stays as written. */
function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

const STORAGE_KEY = 'ringside.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'he') return saved;
  } catch {
    // Storage can be unavailable (opaque origins); fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('he') ? 'he' : 'en';
}

class I18n {
  locale = $state<Locale>(initialLocale());
  dir = $derived<'rtl' | 'ltr'>(this.locale === 'he' ? 'rtl' : 'ltr');

  setLocale(next: Locale): void {
    this.locale = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across restarts; the switch still applies now.
    }
  }

  t = (key: MessageKey, params: Params = {}): string =>
    fill(dictionaries[this.locale][key], params);

  /** The agent's telephony status (Available, Lunch, ...); unknown codes by number. */
  agentStatus = (code: number | null): string => {
    if (this.locale === 'en') return statusLabel(code);
    if (code === null) return 'לא ידוע';
    return heStatusLabels[code] ?? `סטטוס ${code}`;
  };
}

export const i18n = new I18n();
export const t = i18n.t;

/** The lookup for a component's own two dictionaries, following the app's language. */
export function translator<K extends string>(
  dictionaries: Record<Locale, Record<K, string>>,
): (key: K, params?: Params) => string {
  return (key, params = {}) => fill(dictionaries[i18n.locale][key], params);
}
