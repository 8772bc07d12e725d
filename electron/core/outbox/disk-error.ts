/**
 * Plain words for a file that could not be written, so the agent reads why an action was not
 * saved ("the disk is full") instead of a system code, and what to do about it.
 */
const WHY: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'Ringside may not write to its data folder',
  EPERM: 'Ringside may not write to its data folder',
  EIO: 'the disk reported an error',
};

export const errorCode = (error: unknown): string | null =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;

/** "the disk is full", or "the disk refused the write (EISDIR)" for codes without words. */
export function whyNotSaved(error: unknown): string {
  const code = errorCode(error);
  if (code === null) return 'the disk refused the write';
  return WHY[code] ?? `the disk refused the write (${code})`;
}
