/**
 * Whether Ringside can write to its data folder. The log file, the settings and the secrets
 * report every failed write here instead of throwing it at whoever was writing; the agent is told
 * once, in plain words, and the counts stay for support.
 */

import type { Message } from '../../../shared/messages/catalogue';
import { english, say } from '../../../shared/messages/translate';

/** What in the data folder reports here: the folder itself (created at start) and its files. */
export type DataFile = 'folder' | 'log' | 'settings' | 'secrets' | 'key';

/** Errors that mean the folder refuses writes, as opposed to a bug in the writer. */
const REFUSALS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EIO']);

export const isWriteRefusal = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && REFUSALS.has((error as NodeJS.ErrnoException).code ?? '');

const REASONS: Readonly<Record<string, Message>> = {
  ENOSPC: say('disk.full'),
  EDQUOT: say('disk.full'),
  EROFS: say('disk.folder-read-only'),
  EACCES: say('disk.not-allowed'),
  EPERM: say('disk.not-allowed'),
};

/** Why the folder refuses writes, in words that fit "… because …" (never a path or a value). */
export function refusalReasonSays(error: unknown): Message {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  return REASONS[code] ?? say('disk.refused');
}

export const refusalReason = (error: unknown): string => english(refusalReasonSays(error));

/** What the agent reads, once, when the data folder first refuses a write. */
export function dataFolderProblemSays(dir: string, error: unknown): Message {
  const because = refusalReasonSays(error);
  const until = because.code === 'disk.full' ? 'space' : 'writable';
  return say('settings.data-folder', { dir, because, until });
}

export const dataFolderProblem = (dir: string, error: unknown): string =>
  english(dataFolderProblemSays(dir, error));

export class DataFolderWatch {
  private readonly failures: Record<DataFile, number> = {
    folder: 0,
    log: 0,
    settings: 0,
    secrets: 0,
    key: 0,
  };
  private problem: Message | null = null;
  private readonly listeners = new Set<(problem: string, says: Message) => void>();

  constructor(readonly dir: string) {}

  /** A write of `file` failed. The first failure of the run is announced; all are counted. */
  failed(file: DataFile, error: unknown): void {
    this.failures[file] += 1;
    if (this.problem !== null) return;
    const problem = dataFolderProblemSays(this.dir, error);
    this.problem = problem;
    for (const listener of [...this.listeners]) listener(english(problem), problem);
  }

  /** Failed writes per file so far. */
  counts(): Readonly<Record<DataFile, number>> {
    return { ...this.failures };
  }

  /**
   * Calls `listener` once with the problem in plain words: at once if the folder already refused
   * a write (the log opens before anyone listens), else at the first refusal.
   */
  onProblem(listener: (problem: string, says: Message) => void): () => void {
    if (this.problem !== null) {
      listener(english(this.problem), this.problem);
      return () => undefined;
    }
    const once = (problem: string, says: Message): void => {
      this.listeners.delete(once);
      listener(problem, says);
    };
    this.listeners.add(once);
    return () => this.listeners.delete(once);
  }
}
