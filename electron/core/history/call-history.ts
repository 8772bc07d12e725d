/**
 * The agent's call history on disk: the latest 5,000 calls in one JSON state file
 * (`history.json` in the user data folder), newest first, with the time the agent last looked at
 * their missed calls. Loaded once at start; every change is saved through the app's one atomic
 * state file, coalesced, so a burst of hang-ups costs one write.
 */
import { z } from 'zod';
import type { HistoryEntry, HistoryWrapUp } from '../../../shared/history/entry';
import { HISTORY_OUTCOMES } from '../../../shared/history/entry';
import {
  addEntry,
  callsWith,
  HISTORY_CAP,
  matcher,
  pageOf,
  patchCall,
  unseenMissed,
  type HistoryFilter,
  type HistoryPage,
  type HistoryPageRequest,
} from '../../../shared/history/list';
import type { PhoneRegion } from '../../../shared/phone/normalise';
import { JsonStateFile } from '../infra/state-file';
import type { Logger } from '../ports';

const entrySchema = z.object({
  id: z.string(),
  ivrid: z.string(),
  extension: z.string(),
  direction: z.enum(['incoming', 'outgoing', 'click2call', 'spy', 'unknown']),
  callerName: z.string(),
  callerPhone: z.string(),
  phoneKey: z.string(),
  did: z.string(),
  startedAt: z.number().nullable(),
  answeredAt: z.number().nullable(),
  endedAt: z.number(),
  durationMs: z.number().nullable(),
  outcome: z.enum(HISTORY_OUTCOMES as [HistoryEntry['outcome'], ...HistoryEntry['outcome'][]]),
  cause: z.string(),
  queueId: z.number().nullable(),
  takenBy: z.string(),
  roomId: z.string().nullable(),
  roomLink: z.string().nullable(),
  wrapUp: z.object({ comment: z.string(), tags: z.array(z.string()) }).nullable(),
}) satisfies z.ZodType<HistoryEntry>;

const historyFileSchema = z.object({
  version: z.literal(1),
  /** Missed calls that ended at or before this time (UTC ms) have been seen. */
  seenUntil: z.number(),
  entries: z.array(entrySchema),
});
type HistoryFile = z.infer<typeof historyFileSchema>;

export interface CallHistoryDeps {
  /** The state file; null keeps the history in memory only (tests of other parts). */
  path: string | null;
  logger: Logger;
  now: () => number;
  /** The region local numbers are read in (a setting, so read when needed). */
  region: () => PhoneRegion;
  /** A save failed (full or read-only disk): the history still works until Ringside closes. */
  onSaveFailed?: (error: unknown) => void;
  cap?: number;
}

export class CallHistory {
  private entries: readonly HistoryEntry[] = [];
  private seenUntil = 0;
  private missed = 0;
  private revisionNo = 0;
  private readonly file: JsonStateFile<HistoryFile> | null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: CallHistoryDeps) {
    this.file = deps.path
      ? new JsonStateFile(deps.path, historyFileSchema, deps.logger, deps.now)
      : null;
  }

  async load(): Promise<void> {
    const stored = await this.file?.load();
    if (!stored) return;
    this.entries = stored.entries.slice(0, this.cap);
    this.seenUntil = stored.seenUntil;
    this.recount();
  }

  /** Bumped on every change, so a window showing a page knows to ask again. */
  get revision(): number {
    return this.revisionNo;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Missed calls since the agent last marked them seen. */
  get missedUnseen(): number {
    return this.missed;
  }

  add(entry: HistoryEntry): void {
    this.entries = addEntry(this.entries, entry, this.cap);
    this.changed();
  }

  /** Adds the room of a call to its entries (once it has one). */
  setRoom(ivrid: string, roomId: string, roomLink: string | null): void {
    const current = this.entries.find((e) => e.ivrid === ivrid);
    if (!current || (current.roomId === roomId && current.roomLink === roomLink)) return;
    this.patch(ivrid, { roomId, roomLink });
  }

  setWrapUp(ivrid: string, wrapUp: HistoryWrapUp): void {
    this.patch(ivrid, { wrapUp });
  }

  markMissedSeen(): void {
    const newest = this.entries[0]?.endedAt ?? 0;
    const until = Math.max(this.deps.now(), newest);
    if (this.missed === 0 && until <= this.seenUntil) return;
    this.seenUntil = until;
    this.changed();
  }

  page(request: HistoryPageRequest): HistoryPage {
    return pageOf(this.entries, request, this.deps.region());
  }

  /** Every entry the filter lets through, newest first (for the CSV export). */
  all(filter: HistoryFilter): HistoryEntry[] {
    return this.entries.filter(matcher(filter, this.deps.region()));
  }

  /** The wrap-up written for a call (on any of its entries), or null. */
  wrapUpOf(ivrid: string): HistoryWrapUp | null {
    return this.entries.find((e) => e.ivrid === ivrid && e.wrapUp !== null)?.wrapUp ?? null;
  }

  find(id: string): HistoryEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** Earlier calls with a number (matched by its normalised key), newest first. */
  callsWith(phoneKey: string, limit: number, exceptIvrid: string): HistoryEntry[] {
    return callsWith(this.entries, phoneKey, limit, exceptIvrid);
  }

  countWith(phoneKey: string, exceptIvrid: string): number {
    if (phoneKey === '') return 0;
    let count = 0;
    for (const e of this.entries) if (e.phoneKey === phoneKey && e.ivrid !== exceptIvrid) count++;
    return count;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once what has been changed so far is on disk (tests, and a clean quit). */
  async flush(): Promise<void> {
    await this.save();
  }

  private get cap(): number {
    return this.deps.cap ?? HISTORY_CAP;
  }

  private patch(ivrid: string, patch: Parameters<typeof patchCall>[2]): void {
    const next = patchCall(this.entries, ivrid, patch);
    if (next === this.entries) return;
    this.entries = next;
    this.changed();
  }

  private recount(): void {
    this.missed = unseenMissed(this.entries, this.seenUntil);
  }

  private changed(): void {
    this.recount();
    this.revisionNo += 1;
    this.save().catch((error: unknown) => {
      this.deps.logger.warn('call history not saved', { error });
      this.deps.onSaveFailed?.(error);
    });
    for (const listener of this.listeners) listener();
  }

  private save(): Promise<void> {
    if (!this.file) return Promise.resolve();
    return this.file.save({
      version: 1,
      seenUntil: this.seenUntil,
      entries: [...this.entries],
    });
  }
}
