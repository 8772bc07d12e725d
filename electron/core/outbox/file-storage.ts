import { z } from 'zod';
import type { Logger } from '../ports';
import { quarantine, readFileIfExists, writeFileAtomic } from './atomic-file';
import type { OutboxStorage, PersistedOutbox } from './types';

const actionSchema = z.object({
  id: z.string().min(1),
  target: z.enum(['rocketchat', 'signalwire']),
  kind: z.string().min(1),
  orderKey: z.string().min(1),
  payload: z.unknown(),
  label: z.string(),
  ivrid: z.string().nullable(),
  createdAt: z.number(),
  after: z.array(z.string()).optional(),
});

const recordSchema = z.object({
  action: actionSchema,
  seq: z.number().int(),
  state: z.enum(['queued', 'sending', 'waiting', 'sent', 'failed']),
  attempts: z.number().int().min(0),
  reason: z.string().nullable(),
  nextAttemptAt: z.number().nullable(),
  updatedAt: z.number(),
  // Absent in files written before attempts could be in doubt.
  doubt: z.enum(['unresolved', 'found', 'maybe-twice']).nullable().default(null),
});

const persistedSchema = z.object({
  version: z.literal(1),
  seq: z.number().int().min(0),
  records: z.array(recordSchema),
});

/**
 * The outbox in one JSON file, replaced atomically on every save. A file that cannot be parsed is
 * moved aside (`.corrupt-<time>`) and reported, rather than silently dropping the agent's actions.
 */
export class FileOutboxStorage implements OutboxStorage {
  constructor(
    private readonly path: string,
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<PersistedOutbox | null> {
    const text = await readFileIfExists(this.path);
    if (text === null) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const result = persistedSchema.safeParse(parsed);
    if (result.success) return result.data;
    const aside = await quarantine(this.path, this.now());
    this.logger?.error('outbox file unreadable; moved aside', { path: aside });
    return null;
  }

  async save(state: PersistedOutbox): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(state));
  }
}

/** Keeps the outbox in memory only (tests, or when no data folder is available). */
export class MemoryOutboxStorage implements OutboxStorage {
  private state: PersistedOutbox | null = null;

  load(): Promise<PersistedOutbox | null> {
    return Promise.resolve(this.state === null ? null : structuredClone(this.state));
  }

  save(state: PersistedOutbox): Promise<void> {
    this.state = structuredClone(state);
    return Promise.resolve();
  }
}
