/** The languages Ringside speaks, and how a system language tag picks one. */
export const LOCALES = ['en', 'he'] as const;
export type Locale = (typeof LOCALES)[number];

/** What the agent chose: a language, or whatever the operating system uses. */
export type LanguageChoice = Locale | 'system';

export const localeNames: Readonly<Record<Locale, string>> = { en: 'English', he: 'עברית' };

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'he' ? 'rtl' : 'ltr');

/** `he-IL`, `iw` (the old code some systems still report) -> Hebrew; anything else -> English. */
export function localeFromTag(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'he' || primary === 'iw' ? 'he' : 'en';
}

export const effectiveLocale = (choice: LanguageChoice, systemTag: string): Locale =>
  choice === 'system' ? localeFromTag(systemTag) : choice;
