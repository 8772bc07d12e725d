/**
 * The window's state: the latest snapshot from main, a ticking clock for live timers, whether main
 * is reachable, and the call the agent asked to see (a notification click). Components read it;
 * only `start()` subscribes, from the root component's `$effect`.
 */
import type { AppSnapshot } from '../../../shared/ipc/snapshot';
import { api, getTransport, type LinkState } from './api';

const TICK_MS = 1000;

class RingsideState {
  /** Replaced whole on every push, so it is not made deeply reactive. */
  snapshot = $state.raw<AppSnapshot | null>(null);
  link = $state.raw<LinkState>({ status: 'connecting', attempt: 1 });
  /** The call a notification click asked for; `focusSeq` changes on every request, even a repeat. */
  focusedIvrid = $state<string | null>(null);
  focusSeq = $state(0);

  // Main's clock at the last snapshot, and our monotonic clock when it arrived: timers count from
  // main's time, so a renderer clock that differs from main's cannot skew them.
  #base = $state.raw({ mainNow: Date.now(), localAt: performance.now() });
  #tick = $state(performance.now());

  /** Main's wall clock, now (UTC ms), advancing once a second. */
  now = $derived(this.#base.mainNow + (this.#tick - this.#base.localAt));

  setSnapshot(snapshot: AppSnapshot): void {
    const localAt = performance.now();
    this.snapshot = snapshot;
    this.#base = { mainNow: snapshot.now, localAt };
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
      if (result.ok) this.setSnapshot(result.value);
    };
    const disposers = [
      api.on('snapshot', (snapshot) => this.setSnapshot(snapshot)),
      api.on('focusCall', ({ ivrid }) => this.focusCall(ivrid)),
      transport.onLink((state) => {
        this.link = state;
        // The host pushes a snapshot on connect, but ask anyway: a missed push must not leave
        // the window showing the state from before the outage.
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

export const ringside = new RingsideState();
