/**
 * The one translation function, for main (notifications, the tray, the English words kept for
 * logs) and for the window. Dictionaries are ICU MessageFormat (`intl-messageformat`): plurals by
 * the language's own rules (`Intl.PluralRules`: Hebrew has a form for two), selects, and `{name}`
 * places, compiled once per language and code.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue, type MessageCode, type MessageParams } from './index';
import { dictionaries } from './dictionaries';
import type { Message } from './catalogue';
import { directionOf, type Locale } from './locale';

/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: a number or id keeps its own direction. */
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * `marks`: ids and numbers wrapped in FSI … PDI (notifications, the tray, the window's `<bdi>`);
 * `none`: plain text (logs, and the English words a test or a log line reads).
 */
export type Isolation = 'marks' | 'none';

type ArgsOf<C extends MessageCode> =
  Record<string, never> extends MessageParams<C>
    ? [params?: MessageParams<C>]
    : [params: MessageParams<C>];

/** Main's way to say something: a code and its parameters, checked against the catalogue. */
export function say<C extends MessageCode>(code: C, ...[params]: ArgsOf<C>): Message {
  return { code, params: params ?? {} };
}

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string' &&
  typeof (value as { params?: unknown }).params === 'object';

const isCode = (code: string): code is MessageCode => Object.hasOwn(catalogue, code);

const compiledFormats = new Map<string, IntlMessageFormat>();

function formatOf(locale: Locale, code: MessageCode): IntlMessageFormat {
  const key = `${locale}\u0000${code}`;
  let format = compiledFormats.get(key);
  if (!format) {
    // ignoreTag: a `<` in a sentence is a character, not markup.
    format = new IntlMessageFormat(dictionaries[locale][code], locale, undefined, {
      ignoreTag: true,
    });
    compiledFormats.set(key, format);
  }
  return format;
}

const compiledTexts = new Map<string, IntlMessageFormat>();

/**
 * The window's own words (its per-feature dictionaries) through the same engine: `{name}` places,
 * plurals and selects alike.
 */
export function formatText(
  locale: Locale,
  text: string,
  params: Readonly<Record<string, string | number>>,
): string {
  if (!text.includes('{')) return text;
  const key = `${locale}\u0000${text}`;
  let format = compiledTexts.get(key);
  if (!format) {
    format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    compiledTexts.set(key, format);
  }
  const values: Record<string, string> = {};
  // Numbers as written: a place that is not a plural must not become "4,096".
  for (const [name, value] of Object.entries(params)) values[name] = String(value);
  const out = format.format(values);
  return typeof out === 'string' ? out : String(out);
}

/** The message in `locale`; an unknown code (a newer main than this window) reads as itself. */
export function translate(
  locale: Locale,
  message: Message,
  isolation: Isolation = 'marks',
): string {
  if (!isCode(message.code)) return message.code;
  const kinds: Readonly<Record<string, string>> = catalogue[message.code];
  const values: Record<string, string | number> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const value = message.params[name];
    if (value === undefined) continue;
    if (typeof value === 'object') values[name] = translate(locale, value, isolation);
    else if (kind === 'count') values[name] = Number(value);
    else if (kind === 'id') values[name] = isolateIn(locale, String(value), isolation);
    else values[name] = String(value);
  }
  const text = formatOf(locale, message.code).format(values);
  return typeof text === 'string' ? text : String(text);
}

/** English without isolation marks: what logs, diagnostics and plain-text fields carry. */
export const english = (message: Message): string => translate('en', message, 'none');

export const isolate = (text: string, isolation: Isolation = 'marks'): string =>
  isolation === 'marks' && text !== '' ? `${FSI}${text}${PDI}` : text;

/** Hebrew, Arabic and the other right-to-left scripts. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * In a right-to-left sentence every id is isolated (a number or a Latin name would otherwise
 * pull the punctuation around it); in a left-to-right one, only an id that holds right-to-left
 * text (a Hebrew caller name in an English line) needs it.
 */
function isolateIn(locale: Locale, text: string, isolation: Isolation): string {
  if (directionOf(locale) === 'ltr' && !RTL.test(text)) return text;
  return isolate(text, isolation);
}
