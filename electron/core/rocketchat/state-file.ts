import type { ZodType } from 'zod';
import type { Logger } from '../ports';
import { quarantine, readFileIfExists, writeFileAtomic } from '../outbox/atomic-file';

/**
 * A small JSON document on disk, validated on load and replaced atomically on save. Saves are
 * coalesced: many changes in a row cost one write, and `save()` resolves once the newest state is
 * durable.
 */
export class JsonStateFile<T> {
  private pending: T | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly schema: ZodType<T>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

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
    const aside = await quarantine(this.path, this.now());
    this.logger.error('state file unreadable; moved aside', { path: aside });
    return null;
  }

  save(state: T): Promise<void> {
    this.pending = structuredClone(state);
    this.writing ??= this.loop().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async loop(): Promise<void> {
    while (this.pending !== null) {
      const next = this.pending;
      this.pending = null;
      await writeFileAtomic(this.path, JSON.stringify(next));
    }
  }
}
