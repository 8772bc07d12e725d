/**
 * Capped exponential back-off with a little jitter, so that a call centre's worth of agents whose
 * server died do not all knock on the backup in the same millisecond. `reset()` after every
 * successful connect (the TS SDK never resets, so one bad hour makes every later drop slow).
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** 0..1: the share of each delay that is randomised downwards. */
  jitter?: number;
  random?: () => number;
}

export class Backoff {
  private attempts = 0;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(private readonly options: BackoffOptions) {
    this.jitter = Math.min(1, Math.max(0, options.jitter ?? 0.2));
    this.random = options.random ?? Math.random;
  }

  /** The delay before the next attempt; each call counts one attempt. */
  next(): number {
    const { baseMs, capMs } = this.options;
    // 2^30 keeps the product finite; the cap applies long before.
    const exponential = baseMs * 2 ** Math.min(this.attempts, 30);
    this.attempts += 1;
    const capped = Math.min(capMs, exponential);
    return Math.max(0, Math.round(capped * (1 - this.jitter * this.random())));
  }

  reset(): void {
    this.attempts = 0;
  }

  get attemptCount(): number {
    return this.attempts;
  }
}
