/**
 * The open team board: the model fed from the window's board, once per animation frame.
 *
 * Main already sends at most one update per frame, but two can land in one frame (a busy
 * socket, a reconnect), so changed extensions are gathered and applied together in the next
 * frame: the model's work is the changed records, and the view's is the rows on screen. Only the
 * numbers that changed are kept between frames, never records, so a record changed five times in
 * a frame is read once, as it is last.
 */
import { flushSync } from 'svelte';
import { ringside } from '../app-state.svelte';
import { i18n } from '../i18n.svelte';
import type { BoardChange } from '../view-sync';
import { BoardModel, collatorFor } from './board-model';
import { DEFAULT_SORT, NO_FILTER, type BoardFilter, type BoardSort } from './board-order';
import { boardWatch } from './board-watch.svelte';
import { statusNamer, type StatusRenames } from './status-names';

export class BoardStore {
  /** Changes whenever the rows or their order may have changed (once per frame at most). */
  version = $state(0);
  /** Whether the board has arrived since it was opened. */
  ready = $state(false);
  filter = $state.raw<BoardFilter>(NO_FILTER);
  sort = $state.raw<BoardSort>(DEFAULT_SORT);
  readonly model: BoardModel;

  #renames: StatusRenames = {};
  #reset = false;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- numbers kept between frames, never shown
  #dirty = new Set<string>();
  #frame: number | null = null;

  constructor() {
    this.model = new BoardModel({
      statusName: this.#statusName(),
      collator: collatorFor(i18n.locale),
    });
  }

  /** The status name shown for a code, in the current language. */
  statusName(code: number | null): string {
    return statusNamer(i18n.agentStatus, this.#renames)(code);
  }

  /** Starts following the board; returns the function that stops. */
  open(): () => void {
    const release = boardWatch.requestAll();
    const stop = ringside.onBoardChange((change) => this.#note(change));
    // What the window already has (a board watched before) shows at once; the reset follows.
    this.#note({ reset: true });
    return () => {
      stop();
      release();
      if (this.#frame !== null) cancelAnimationFrame(this.#frame);
      this.#frame = null;
      this.ready = false;
    };
  }

  setFilter(patch: Partial<BoardFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.model.configure({ filter: this.filter });
    this.version += 1;
  }

  setSort(sort: BoardSort): void {
    this.sort = sort;
    this.model.configure({ sort });
    this.version += 1;
  }

  /** The language or the account's status names changed: names and their order follow. */
  relabel(renames: StatusRenames = this.#renames): void {
    this.#renames = renames;
    this.model.configure({ statusName: this.#statusName(), collator: collatorFor(i18n.locale) });
    this.version += 1;
  }

  #statusName(): (code: number | null) => string {
    return statusNamer(i18n.agentStatus, this.#renames);
  }

  #note(change: BoardChange): void {
    if (change.reset) {
      this.#reset = true;
      this.#dirty.clear();
    } else if (!this.#reset) {
      for (const number of change.numbers) this.#dirty.add(number);
    }
    this.#frame ??= requestAnimationFrame(() => this.#flush());
  }

  #flush(): void {
    this.#frame = null;
    const start = performance.now();
    const changed = this.#reset ? -1 : this.#dirty.size;
    const board = ringside.board;
    if (this.#reset) {
      this.#reset = false;
      this.model.reset(board.values());
      if (board.size > 0) {
        this.ready = true;
        boardWatch.knownSize = board.size;
      }
    } else {
      const records = [];
      for (const number of this.#dirty) {
        const record = board.get(number);
        if (record) records.push(record);
      }
      this.model.upsert(records);
    }
    this.#dirty.clear();
    this.version += 1;
    // The rows on screen follow in this frame, and the frame's whole board work is one User
    // Timing entry ('board-frame', with how many records changed; -1 for a whole board) that
    // the benchmark reads.
    flushSync();
    performance.measure('board-frame', { start, detail: { changed } });
    // Observers have it; the timeline must not keep sixty entries a second for ever.
    performance.clearMeasures('board-frame');
  }
}
