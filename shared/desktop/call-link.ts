import { formatPhoneForDisplay, normalisePhone } from '../phone/normalise';
import { parseTelUrl } from '../tel/parse';

/** A `tel:`/`callto:` link the agent clicked, read and normalised, waiting for their confirmation. */
export interface CallLink {
  /** E.164 where the number is a phone number (`+972501234567`), else its dial characters. */
  number: string;
  /** As the window shows it (`050-123-4567`). */
  display: string;
  extension: string | null;
}

/** Reads a link from outside Ringside (argv, macOS open-url, the headless host's flag); null if it is not plainly a phone number. */
export function callLinkOf(url: string): CallLink | null {
  const link = parseTelUrl(url);
  if (!link) return null;
  const number = normalisePhone(link.number);
  if (number === '') return null;
  return { number, display: formatPhoneForDisplay(number), extension: link.extension };
}

/**
 * The phone link on a command line (Windows and Linux pass a clicked link as an argument, to the
 * first launch and, through `second-instance`, to the running copy). Whatever looks like a flag is
 * never read as a link, the program path is skipped, and only an argument that is as a whole a
 * valid link counts: a crafted link cannot smuggle a switch in, and a switch cannot pose as a link.
 */
export function callLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg.startsWith('-')) continue;
    if (callLinkOf(arg)) return arg.trim();
  }
  return null;
}
