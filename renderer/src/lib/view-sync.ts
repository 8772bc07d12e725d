/**
 * Keeps the window's copy of main's state in step: a whole state, then updates in order. Updates
 * that arrive before the state they follow wait for it (Electron's IPC does not order a reply
 * against pushes); an update that skips one means something was lost, so the caller asks for the
 * whole state again. Plain TypeScript, so it is tested without a DOM.
 */
import type { ExtensionInfo, RecentCall } from '@shared/domain/calls';
import type { AppSnapshot, AppState, AppUpdate } from '@shared/ipc/snapshot';
import { keepUnchanged } from './keep-unchanged';

export type UpdateOutcome = 'applied' | 'ignored' | 'waiting' | 'gap';

/** What changed on the board: all of it, or the records of these extensions. */
export type BoardChange = { reset: true } | { reset: false; numbers: readonly string[] };

export class ViewSync {
  /** Every extension on the board, by number. */
  readonly board = new Map<string, ExtensionInfo>();
  view: AppSnapshot | null = null;
  /** The last update applied; -1 until a whole state arrives. */
  private seq = -1;
  private early: AppUpdate[] = [];
  private readonly boardListeners = new Set<(change: BoardChange) => void>();

  /** Hears every board change as it is applied, so a board view can redo only what changed. */
  onBoardChange(listener: (change: BoardChange) => void): () => void {
    this.boardListeners.add(listener);
    return () => this.boardListeners.delete(listener);
  }

  private boardChanged(change: BoardChange): void {
    for (const listener of this.boardListeners) listener(change);
  }

  /** Takes a whole state unless it is older than what the window already applied. */
  setState(state: AppState): boolean {
    if (state.seq < this.seq) return false;
    const { seq, board, ...view } = state;
    this.board.clear();
    for (const record of board) this.board.set(record.number, record);
    this.seq = seq;
    this.view = view;
    this.boardChanged({ reset: true });
    const early = this.early;
    this.early = [];
    for (const update of early) this.apply(update);
    return true;
  }

  apply(update: AppUpdate): UpdateOutcome {
    const view = this.view;
    if (this.seq < 0 || view === null) {
      this.early.push(update);
      return 'waiting';
    }
    if (update.seq <= this.seq) return 'ignored';
    if (update.seq !== this.seq + 1) return 'gap';
    this.seq = update.seq;
    if (update.board) {
      if (update.board.reset) this.board.clear();
      for (const record of update.board.upsert) this.board.set(record.number, record);
      this.boardChanged(
        update.board.reset
          ? { reset: true }
          : { reset: false, numbers: update.board.upsert.map((r) => r.number) },
      );
    }
    const next = { ...view, ...update.view, now: update.now };
    if (update.view.recent) next.recent = keepUnchanged(view.recent, update.view.recent, recentKey);
    this.view = next;
    return 'applied';
  }

  /** The link to main dropped: whatever answers next may be a new host counting from zero. */
  reset(): void {
    this.seq = -1;
    this.early = [];
  }
}

/** A recent call's identity: the same call can end on two extensions, or twice (click2call). */
function recentKey(call: RecentCall): string {
  return `${call.ivrid}|${call.extension}|${call.endedAt}`;
}
