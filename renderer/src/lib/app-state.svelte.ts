/**
 * The window's state: the view main sent (whole once, then the parts that change), the board
 * (patched record by record), a ticking clock for live timers, whether main is reachable, and the
 * call the agent asked to see (a notification click). Components read it; only `start()`
 * subscribes, from the root component's `$effect`.
 */
import type { ExtensionInfo } from '@shared/domain/calls';
import type { AppSnapshot, AppState, AppUpdate } from '@shared/ipc/snapshot';
import { api, getTransport, type LinkState } from './api';
import { ViewSync, type BoardChange } from './view-sync';

const TICK_MS = 1000;

class RingsideState {
  /** Replaced (shallowly) on every update, so it is not made deeply reactive. */
  snapshot = $state.raw<AppSnapshot | null>(null);
  /**
   * Every extension on the board, patched in place (a reactive copy of 5,000 records per update
   * would cost more than the update); `boardVersion` changes whenever it does.
   */
  boardVersion = $state(0);
  link = $state.raw<LinkState>({ status: 'connecting', attempt: 1 });
  /** The call a notification click asked for; `focusSeq` changes on every request, even a repeat. */
  focusedIvrid = $state<string | null>(null);
  focusSeq = $state(0);
  readonly #sync = new ViewSync();

  // Main's clock at the last snapshot, and our monotonic clock when it arrived: timers count from
  // main's time, so a renderer clock that differs from main's cannot skew them.
  #base = $state.raw({ mainNow: Date.now(), localAt: performance.now() });
  #tick = $state(performance.now());

  /** Main's wall clock, now (UTC ms), advancing once a second. */
  now = $derived(this.#base.mainNow + (this.#tick - this.#base.localAt));

  get board(): ReadonlyMap<string, ExtensionInfo> {
    return this.#sync.board;
  }

  /** Which board records each applied update changed (all of them on a whole state or reset). */
  onBoardChange(listener: (change: BoardChange) => void): () => void {
    return this.#sync.onBoardChange(listener);
  }

  /** A whole state: replaces everything, then applies the updates that came early. */
  setState(state: AppState): void {
    if (this.#sync.setState(state)) this.#publish(true);
  }

  /** Returns false when the update does not follow what the window has (ask for the whole state). */
  applyUpdate(update: AppUpdate): boolean {
    const outcome = this.#sync.apply(update);
    if (outcome === 'applied') this.#publish(update.board !== null, hasParts(update.view));
    return outcome !== 'gap';
  }

  /**
   * A board-only update bumps `boardVersion` and nothing else: replacing `snapshot` (and
   * re-basing the clock) would re-run everything that reads them, in every frame of a busy board.
   */
  #publish(boardChanged: boolean, viewChanged = true): void {
    const view = this.#sync.view;
    if (!view) return;
    if (boardChanged) this.boardVersion += 1;
    if (!viewChanged) return;
    const localAt = performance.now();
    this.snapshot = view;
    this.#base = { mainNow: view.now, localAt };
    this.#tick = localAt;
  }

  focusCall(ivrid: string): void {
    this.focusedIvrid = ivrid;
    this.focusSeq += 1;
  }

  /** Subscribes to main and starts the clock; returns the disposer. */
  start(): () => void {
    const transport = getTransport();
    this.link = transport.link();
    const refresh = async () => {
      const result = await api.getSnapshot();
      if (result.ok) this.setState(result.value);
    };
    const disposers = [
      api.on('snapshot', (state) => this.setState(state)),
      api.on('update', (update) => {
        if (!this.applyUpdate(update)) void refresh();
      }),
      api.on('focusCall', ({ ivrid }) => this.focusCall(ivrid)),
      transport.onLink((state) => {
        this.link = state;
        // A host that comes back may be a new one, counting its updates from zero again.
        if (state.status !== 'up') this.#sync.reset();
        // The host pushes the whole state on connect, but ask anyway: a missed push must not
        // leave the window showing the state from before the outage.
        if (state.status === 'up') void refresh();
      }),
    ];
    if (this.link.status === 'up') void refresh();
    const timer = setInterval(() => (this.#tick = performance.now()), TICK_MS);
    return () => {
      clearInterval(timer);
      for (const dispose of disposers) dispose();
    };
  }
}

function hasParts(view: AppUpdate['view']): boolean {
  for (const part in view) if (Object.hasOwn(view, part)) return true;
  return false;
}

export const ringside = new RingsideState();
