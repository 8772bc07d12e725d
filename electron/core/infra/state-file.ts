/**
 * The one way Ringside keeps a JSON document of its own on disk (the outbox, the Rocket.Chat room
 * registry): validated on load, replaced atomically on save, saves coalesced.
 *
 * Writes go through `atomically`: a temp file, fsync, rename, retried while another process holds
 * the file for a moment (EPERM/EBUSY/EACCES from Windows' antivirus or indexer), so a crash at any
 * point leaves the old document or the new one, never a torn mix. The folder is then synced so
 * the rename itself survives a power cut.
 *
 * A file that does not parse or fails its schema is set aside as `<file>.corrupt-<time>` (kept for
 * support), reported, and `load()` answers null: the caller starts empty instead of refusing to
 * start or overwriting what might still be recovered by hand.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFile } from 'atomically';
import type { ZodType } from 'zod';
import type { Logger } from '../ports';

/** What a damaged file is renamed to, before the time it was found. */
export const SET_ASIDE_SUFFIX = '.corrupt-';

// How long a write keeps retrying a file another process holds: enough for an antivirus scan,
// short enough that the agent soon hears of a folder that really cannot be written.
const BUSY_RETRY_MS = 2_000;

export class JsonStateFile<T> {
  private pending: { state: T } | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly schema: ZodType<T>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored document, or null when there is none or it was damaged (and set aside). */
  async load(): Promise<T | null> {
    const text = await readFileIfExists(this.path);
    if (text === null) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = this.schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const aside = `${this.path}${SET_ASIDE_SUFFIX}${this.now()}`;
    await rename(this.path, aside);
    this.logger.error('state file unreadable; moved aside', { path: aside });
    return null;
  }

  /**
   * Saves `state` (a copy: later changes to the object are not written). Many saves in a row cost
   * one write; the promise resolves once the newest state is durable, or rejects with the disk's
   * error (its `code` intact, for the words the agent reads).
   */
  save(state: T): Promise<void> {
    this.pending = { state: structuredClone(state) };
    this.writing ??= this.loop().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async loop(): Promise<void> {
    while (this.pending !== null) {
      const next = this.pending.state;
      this.pending = null;
      await writeDurably(this.path, JSON.stringify(next));
    }
  }
}

async function writeDurably(path: string, data: string): Promise<void> {
  const folder = dirname(path);
  // atomically creates a missing folder but ignores why it could not: this keeps the real error
  // (EROFS, EACCES) rather than the ENOENT that would follow.
  await mkdir(folder, { recursive: true });
  await writeFile(path, data, { mode: 0o600, timeout: BUSY_RETRY_MS });
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; the rename is atomic all the same.
  }
}

async function readFileIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
      return null;
    throw error;
  }
}
