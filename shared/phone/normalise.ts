/**
 * Phone numbers as Voicenter sends them (`0501234567`, `972501234567`, `050-123-4567`) and as
 * agents type them. Israel is the default region.
 *
 * Bundle: `libphonenumber-js/min`. It formats IL mobiles and 072 (VoIP) numbers correctly, and its
 * validation is by length and leading digits, which is what caller ids need. `/max` is about twice
 * the metadata and rejects numbers in unassigned ranges (it calls `050-123-4567` invalid), which
 * would leave real-looking numbers unformatted.
 *
 * Extensions and SIP users are not phone numbers: local digit strings shorter than nine digits
 * (Voicenter extensions are seven, like `1234567`) are never read as Israeli numbers, because
 * `min` would happily turn `1234567` into `+9721234567`.
 */
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/min';

export type PhoneRegion = CountryCode;

/** The region local numbers are read in unless the settings name another. */
export const DEFAULT_REGION: PhoneRegion = 'IL';
/** An Israeli number written locally has at least nine digits (`03-555-1234`). */
const MIN_LOCAL_DIGITS_IL = 9;
/**
 * Elsewhere, eight: some countries' numbers are that short (Denmark, Singapore), while Voicenter
 * extensions stay at seven.
 */
const MIN_LOCAL_DIGITS = 8;
/** Digits with the usual punctuation, optionally `+` first. Anything else (letters) is not a number. */
const PHONE_LIKE = /^\+?[\d\s\-()./]*\d[\d\s\-()./]*$/;

/** Whether `code` is a two-letter region libphonenumber knows (`IL`, `GB`, `US`). */
export function isPhoneRegion(code: string): code is PhoneRegion {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

function parse(raw: string, region: PhoneRegion): PhoneNumber | undefined {
  const text = raw.trim();
  if (!PHONE_LIKE.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  const international = text.startsWith('+') || digits.startsWith('00');
  const minLocal = region === 'IL' ? MIN_LOCAL_DIGITS_IL : MIN_LOCAL_DIGITS;
  if (!international && digits.length < minLocal) return undefined;
  const number = parsePhoneNumberFromString(text, region);
  if (number?.isValid()) return number;
  // PBXs send international numbers without the `+` (`972501234567`); the default region only
  // recognises its own country code written that way, so try the digits as international too.
  if (!international && !digits.startsWith('0')) {
    const asInternational = parsePhoneNumberFromString(`+${digits}`);
    if (asInternational?.isValid()) return asInternational;
  }
  return undefined;
}

/**
 * E.164 when the input is a phone number (`+972501234567`). Otherwise the dial characters only
 * (digits, `*`, `#`, a leading `+`), so `*9` stays `*9`. Input with letters (a SIP user, a name) is
 * returned trimmed and unchanged: reducing `SIPSIP1` to `1` would make different users look equal.
 */
export function normalisePhone(raw: string, region: PhoneRegion = DEFAULT_REGION): string {
  const number = parse(raw, region);
  if (number) return number.number;
  const text = raw.trim();
  if (/[a-z]/i.test(text)) return text;
  const dial = text.replace(/[^\d*#]/g, '');
  return text.startsWith('+') && dial !== '' ? `+${dial}` : dial;
}

/**
 * Israeli numbers in national format (`050-123-4567`, `072-277-6772`), others in international
 * format (`+1 415 555 2671`), anything unparseable (extensions, SIP users) exactly as given.
 */
export function formatPhoneForDisplay(raw: string, region: PhoneRegion = DEFAULT_REGION): string {
  const number = parse(raw, region);
  if (!number) return raw;
  // By calling code rather than country: `+44 7911…` is Guernsey to libphonenumber, yet dialled
  // from the UK as a national number.
  return number.countryCallingCode === getCountryCallingCode(region)
    ? number.formatNational()
    : number.formatInternational();
}

/**
 * Whether two strings denote the same number (`0501234567` and `+972 50-123-4567`), local numbers
 * read in `region`. Empty never matches.
 */
export function samePhone(a: string, b: string, region: PhoneRegion = DEFAULT_REGION): boolean {
  const left = normalisePhone(a, region);
  return left !== '' && left === normalisePhone(b, region);
}
