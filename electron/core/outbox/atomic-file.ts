import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

let counter = 0;

/**
 * Writes `data` so that a crash at any moment leaves either the old file or the new one, never a
 * torn mix: write a sibling temp file, fsync it, rename it over the target, then fsync the folder
 * so the rename itself survives a power cut (best effort: Windows cannot open a folder for sync).
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  counter += 1;
  const temp = join(dir, `.${basename(path)}.${process.pid}.${counter}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  try {
    const folder = await open(dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Not supported on this platform; the rename is still atomic.
  }
}

/** The file's text, or null when it does not exist. */
export async function readFileIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Moves a file that could not be read aside (kept for support), so that the app can start clean. */
export async function quarantine(path: string, now: number): Promise<string> {
  const aside = `${path}.corrupt-${now}`;
  await rename(path, aside);
  return aside;
}

const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
