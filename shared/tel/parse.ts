/** A phone number from a `tel:` or `callto:` link (RFC 3966, plus the older `callto:` form). */
export interface TelLink {
  /** Dial characters only: an optional leading `+`, digits, `*`, `#`. */
  number: string;
  /** From `;ext=`; null when absent. */
  extension: string | null;
}

const SCHEME = /^(tel|callto):/i;
const VISUAL_SEPARATORS = /[\s\-.()/\u00a0]/g;
const DIALABLE = /^\+?[0-9*#]{2,32}$/;

/**
 * Reads a link the operating system handed to Ringside. Anything that is not plainly a phone
 * number (a Skype name in `callto:`, letters, a script) is refused with null: the link came from
 * outside and is never trusted.
 */
export function parseTelUrl(raw: string): TelLink | null {
  if (typeof raw !== 'string' || raw.length > 512) return null;
  const text = raw.trim();
  const scheme = SCHEME.exec(text);
  if (!scheme) return null;
  let rest = text.slice(scheme[0].length);
  if (rest.startsWith('//')) rest = rest.slice(2);
  rest = rest.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const [numberPart = '', ...params] = decoded.split(';');
  const number = numberPart.replace(VISUAL_SEPARATORS, '');
  if (!DIALABLE.test(number)) return null;
  let extension: string | null = null;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=', 2);
    if (name.trim().toLowerCase() !== 'ext') continue;
    const digits = value.replace(VISUAL_SEPARATORS, '');
    if (!/^[0-9*#]{1,16}$/.test(digits)) return null;
    extension = digits;
  }
  return { number, extension };
}

/** The first `tel:`/`callto:` argument on a command line (Windows and Linux pass links as arguments). */
export function telUrlFromArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => SCHEME.test(arg.trim())) ?? null;
}
