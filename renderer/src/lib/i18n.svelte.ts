/**
 * The window's language. It is a setting in main (so notifications and the tray speak it too):
 * the window follows `settings.language` from the view and changes it through `updateSettings`.
 * One lookup, `t`, for the window's own words: a feature's words live in their own file under
 * `i18n/` and join the dictionary under the feature's name (`t('signalwire.send')`); a missing
 * Hebrew string is a compile error. What main says arrives as message codes (`tm`), translated
 * by the same engine (`shared/messages`: ICU MessageFormat) in the same language.
 */
import { statusLabel } from '@shared/voicenter/status';
import type { IpcError } from '@shared/ipc/result';
import type { Message } from '@shared/messages/catalogue';
import {
  directionOf,
  localeFromTag,
  localeNames,
  type LanguageChoice,
  type Locale,
} from '@shared/messages/locale';
import { formatText, translate } from '@shared/messages/translate';
import { api } from './api';
import { en, type MessageKey as AppKey } from './i18n/en';
import { he, heStatusLabels } from './i18n/he';
import { rocketchatEn, rocketchatHe, type RocketChatKey } from './i18n/rocketchat';
import { signalwireEn, signalwireHe, type SignalWireKey } from './i18n/signalwire';
import { desktopEn, desktopHe, type DesktopKey } from './i18n/desktop';
import { boardEn, boardHe, type BoardKey } from './i18n/board';

export type MessageKey =
  | AppKey
  | `rocketchat.${RocketChatKey}`
  | `signalwire.${SignalWireKey}`
  | `desktop.${DesktopKey}`
  | `board.${BoardKey}`;

/** A feature's words under `<feature>.`, so its keys can never clash with another's. */
function under<F extends string, K extends string>(
  feature: F,
  words: Record<K, string>,
): Record<`${F}.${K}`, string> {
  return Object.fromEntries(
    Object.entries(words).map(([key, text]) => [`${feature}.${key}`, text]),
  ) as Record<`${F}.${K}`, string>;
}

export type { Locale } from '@shared/messages/locale';
export const locales: readonly { id: Locale; label: string }[] = [
  { id: 'en', label: localeNames.en },
  { id: 'he', label: localeNames.he },
];

const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  en: {
    ...en,
    ...under('rocketchat', rocketchatEn),
    ...under('signalwire', signalwireEn),
    ...under('desktop', desktopEn),
    ...under('board', boardEn),
  },
  he: {
    ...he,
    ...under('rocketchat', rocketchatHe),
    ...under('signalwire', signalwireHe),
    ...under('desktop', desktopHe),
    ...under('board', boardHe),
  },
};
type Params = Record<string, string | number>;

/** Puts `params` into a message's `{name}` places (ICU MessageFormat, the engine main uses). */
const fill = (locale: Locale, text: string, params: Params): string =>
  formatText(locale, text, params);

const STORAGE_KEY = 'ringside.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'he') return saved;
  } catch {
    // Storage can be unavailable (opaque origins); fall back to the browser's language.
  }
  return localeFromTag(navigator.language);
}

class I18n {
  locale = $state<Locale>(initialLocale());
  dir = $derived<'rtl' | 'ltr'>(directionOf(this.locale));

  /**
   * The agent picks a language: shown at once, and kept in main (which answers with the view,
   * so every window, the tray and notifications follow).
   */
  choose(choice: LanguageChoice): void {
    if (choice !== 'system') this.setLocale(choice);
    void api.updateSettings({ language: choice });
  }

  /** The language main speaks (from the view); remembered for the next start's first paint. */
  setLocale(next: Locale): void {
    if (next === this.locale) return;
    this.locale = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across restarts; the switch still applies now.
    }
  }

  t = (key: MessageKey, params: Params = {}): string =>
    fill(this.locale, dictionaries[this.locale][key], params);

  /** What main said, in the agent's language; ids and numbers isolated (FSI … PDI). */
  tm = (message: Message): string => translate(this.locale, message);

  /** Main's words for a field that may carry a message: the message if there is one. */
  said = (english: string, message: Message | undefined | null): string =>
    message ? this.tm(message) : english;

  /** A refusal from main, in the agent's language. */
  refusal = (error: IpcError): string => this.said(error.message, error.says);

  /** The agent's telephony status (Available, Lunch, ...); unknown codes by number. */
  agentStatus = (code: number | null): string => {
    if (this.locale === 'en') return statusLabel(code);
    if (code === null) return 'לא ידוע';
    return heStatusLabels[code] ?? `סטטוס ${code}`;
  };
}

export const i18n = new I18n();
export const t = i18n.t;
export const tm = i18n.tm;
export const said = i18n.said;
export const refusal = i18n.refusal;
