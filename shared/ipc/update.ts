/**
 * Where the app's own update stands, as the window shows it. Main decides (electron/core/update/);
 * the window only words it and asks for the restart.
 */
export type UpdateStatus =
  /** No updates here: turned off by the administrator, or a build that cannot update itself. */
  | { state: 'off'; reason: 'disabled-by-admin' | 'not-supported' }
  /** Nothing new at the last look (or no look yet). */
  | { state: 'idle'; checkedAt: number | null }
  | { state: 'checking' }
  /** A new version is coming down in the background; `percent` once the size is known. */
  | { state: 'downloading'; version: string; percent: number | null }
  /**
   * Downloaded and verified; it is installed only when the agent restarts Ringside from the
   * window, and never while a call rings or is under way (`onCall`).
   */
  | { state: 'ready'; version: string; onCall: boolean }
  /** The last look or download failed; the next daily look tries again. */
  | { state: 'failed'; checkedAt: number };
