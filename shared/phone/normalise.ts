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
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/min';

const DEFAULT_REGION = 'IL';
/** An Israeli number written locally has at least nine digits (`03-555-1234`). */
const MIN_LOCAL_DIGITS = 9;
/** Digits with the usual punctuation, optionally `+` first. Anything else (letters) is not a number. */
const PHONE_LIKE = /^\+?[\d\s\-()./]*\d[\d\s\-()./]*$/;

function parse(raw: string): PhoneNumber | undefined {
  const text = raw.trim();
  if (!PHONE_LIKE.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  const international = text.startsWith('+') || digits.startsWith('00');
  if (!international && digits.length < MIN_LOCAL_DIGITS) return undefined;
  const number = parsePhoneNumberFromString(text, DEFAULT_REGION);
  return number?.isValid() ? number : undefined;
}

/**
 * E.164 when the input is a phone number (`+972501234567`). Otherwise the dial characters only
 * (digits, `*`, `#`, a leading `+`), so `*9` stays `*9`. Input with letters (a SIP user, a name) is
 * returned trimmed and unchanged: reducing `SIPSIP1` to `1` would make different users look equal.
 */
export function normalisePhone(raw: string): string {
  const number = parse(raw);
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
export function formatPhoneForDisplay(raw: string): string {
  const number = parse(raw);
  if (!number) return raw;
  return number.country === DEFAULT_REGION ? number.formatNational() : number.formatInternational();
}

/** Whether two strings denote the same number (`0501234567` and `+972 50-123-4567`). Empty never matches. */
export function samePhone(a: string, b: string): boolean {
  const left = normalisePhone(a);
  return left !== '' && left === normalisePhone(b);
}
