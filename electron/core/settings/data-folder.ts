/**
 * Whether Ringside can write to its data folder. The log file, the settings and the secrets
 * report every failed write here instead of throwing it at whoever was writing; the agent is told
 * once, in plain words, and the counts stay for support.
 */

/** What in the data folder reports here: the folder itself (created at start) and its files. */
export type DataFile = 'folder' | 'log' | 'settings' | 'secrets' | 'key';

/** Errors that mean the folder refuses writes, as opposed to a bug in the writer. */
const REFUSALS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EIO']);

export const isWriteRefusal = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && REFUSALS.has((error as NodeJS.ErrnoException).code ?? '');

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk is full',
  EROFS: 'the folder is read-only',
  EACCES: 'Ringside is not allowed to write there',
  EPERM: 'Ringside is not allowed to write there',
};

/** Why the folder refuses writes, in words that fit "… because …" (never a path or a value). */
export function refusalReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  return REASONS[code] ?? 'the disk refused the write';
}

/** What the agent reads, once, when the data folder first refuses a write. */
export function dataFolderProblem(dir: string, error: unknown): string {
  const reason = refusalReason(error);
  const until =
    reason === 'the disk is full' ? 'until there is space' : 'until it can write there again';
  return `Ringside cannot write to its data folder (${dir}) because ${reason}: settings and queued actions are not saved ${until}.`;
}

export class DataFolderWatch {
  private readonly failures: Record<DataFile, number> = {
    folder: 0,
    log: 0,
    settings: 0,
    secrets: 0,
    key: 0,
  };
  private problem: string | null = null;
  private readonly listeners = new Set<(problem: string) => void>();

  constructor(readonly dir: string) {}

  /** A write of `file` failed. The first failure of the run is announced; all are counted. */
  failed(file: DataFile, error: unknown): void {
    this.failures[file] += 1;
    if (this.problem !== null) return;
    this.problem = dataFolderProblem(this.dir, error);
    for (const listener of [...this.listeners]) listener(this.problem);
  }

  /** Failed writes per file so far. */
  counts(): Readonly<Record<DataFile, number>> {
    return { ...this.failures };
  }

  /**
   * Calls `listener` once with the problem in plain words: at once if the folder already refused
   * a write (the log opens before anyone listens), else at the first refusal.
   */
  onProblem(listener: (problem: string) => void): () => void {
    if (this.problem !== null) {
      listener(this.problem);
      return () => undefined;
    }
    const once = (problem: string): void => {
      this.listeners.delete(once);
      listener(problem);
    };
    this.listeners.add(once);
    return () => this.listeners.delete(once);
  }
}
