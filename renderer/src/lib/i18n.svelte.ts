/**
 * Two languages do not need an i18n library: a typed dictionary per language (a missing Hebrew
 * string is a compile error), `{name}` parameters, and the platform's `Intl` for times and ages.
 * One lookup, `t`, for the whole window: a feature's words live in their own file under `i18n/`
 * and join the dictionary under the feature's name (`t('signalwire.send')`).
 */
import { statusLabel } from '@shared/voicenter/status';
import { en, type MessageKey as AppKey } from './i18n/en';
import { he, heStatusLabels } from './i18n/he';
import { rocketchatEn, rocketchatHe, type RocketChatKey } from './i18n/rocketchat';
import { signalwireEn, signalwireHe, type SignalWireKey } from './i18n/signalwire';

export type MessageKey = AppKey | `rocketchat.${RocketChatKey}` | `signalwire.${SignalWireKey}`;

/** A feature's words under `<feature>.`, so its keys can never clash with another's. */
function under<F extends string, K extends string>(
  feature: F,
  words: Record<K, string>,
): Record<`${F}.${K}`, string> {
  return Object.fromEntries(
    Object.entries(words).map(([key, text]) => [`${feature}.${key}`, text]),
  ) as Record<`${F}.${K}`, string>;
}

export type Locale = 'en' | 'he';
export const locales: readonly { id: Locale; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'he', label: 'עברית' },
];

const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  en: { ...en, ...under('rocketchat', rocketchatEn), ...under('signalwire', signalwireEn) },
  he: { ...he, ...under('rocketchat', rocketchatHe), ...under('signalwire', signalwireHe) },
};
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
