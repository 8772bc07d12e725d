/**
 * The one path-containment check: which file a URL path names inside a folder, for the two servers
 * of the built renderer (Electron's `app://ringside/` protocol and the headless host's static
 * server). A request names a file by URL, so it is hostile input: the URL parser has already folded
 * the `.`/`..` segments it could see, and this guards the rest.
 *
 * - Percent-encoding is decoded once, then the result must still stay inside (`..%2f`, `%2e%2e`).
 * - NUL is refused: native file APIs stop at it, so the file opened would not be the one checked.
 * - A backslash is refused: a separator on Windows (`..\..\x`), never part of an asset's name, so
 *   the answer is the same on every platform.
 * - An absolute path (`/etc/passwd`) is read as relative to the folder, never as itself; on
 *   Windows a drive letter inside it (`/C:/x`) names that drive, so it is refused.
 *
 * The check is lexical: a symlink inside the folder would be followed. Both folders are the app's
 * own build output (inside the asar when packaged), which holds none, and a URL cannot make one.
 */
import path from 'node:path';

export type ContainedFile =
  | { ok: true; file: string }
  /** `malformed`: the percent-encoding does not decode; `outside`: it names no file inside. */
  | { ok: false; reason: 'malformed' | 'outside' };

/** `node:path` itself, or `path.win32` / `path.posix` to check another platform's rules. */
export type PathRules = Pick<typeof path, 'join' | 'normalize' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file behind `urlPath` (a URL's pathname, still percent-encoded) inside `root`. A path that
 * ends in `/` (or is empty) names that folder's `index.html`.
 */
export function containedFile(
  root: string,
  urlPath: string,
  rules: PathRules = path,
): ContainedFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, reason: 'outside' };
  if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';
  const base = rules.normalize(root);
  const file = rules.join(base, decoded);
  const inside = rules.relative(base, file);
  const escapes =
    inside === '' ||
    inside === '..' ||
    inside.startsWith(`..${rules.sep}`) ||
    rules.isAbsolute(inside);
  return escapes ? { ok: false, reason: 'outside' } : { ok: true, file };
}
