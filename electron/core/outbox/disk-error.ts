import type { Message } from '../../../shared/messages/catalogue';
import { english, say } from '../../../shared/messages/translate';

/**
 * Plain words for a file that could not be written, so the agent reads why an action was not
 * saved ("the disk is full") instead of a system code, and what to do about it.
 */
const WHY: Readonly<Record<string, Message>> = {
  ENOSPC: say('disk.full'),
  EDQUOT: say('disk.quota'),
  EROFS: say('disk.read-only'),
  EACCES: say('disk.may-not-write'),
  EPERM: say('disk.may-not-write'),
  EIO: say('disk.io-error'),
};

export const errorCode = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;

/** "the disk is full", or "the disk refused the write (EISDIR)" for codes without words. */
export const whyNotSaved = (error: unknown): string => english(whyNotSavedSays(error));

/** The same, as a code the window puts in the agent's language. */
export function whyNotSavedSays(error: unknown): Message {
  const code = errorCode(error);
  if (code === null) return say('disk.refused');
  return WHY[code] ?? say('disk.refused-code', { code });
}
