import { z } from 'zod';
import { silentLogger } from '../logging/logger';
import type { Logger } from '../ports';
import { JsonStateFile } from '../infra/state-file';
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
 * The outbox in one JSON state file (`core/infra/state-file.ts`), replaced atomically on every
 * save. A file that cannot be parsed is moved aside and reported, rather than silently dropping
 * the agent's actions.
 */
export class FileOutboxStorage implements OutboxStorage {
  private readonly file: JsonStateFile<PersistedOutbox>;

  constructor(path: string, logger: Logger = silentLogger, now: () => number = Date.now) {
    this.file = new JsonStateFile(path, persistedSchema, logger, now);
  }

  load(): Promise<PersistedOutbox | null> {
    return this.file.load();
  }

  save(state: PersistedOutbox): Promise<void> {
    return this.file.save(state);
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
