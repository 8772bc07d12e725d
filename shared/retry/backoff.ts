/**
 * Capped exponential back-off: the one rule every reconnect and retry in Ringside follows (the
 * Voicenter socket and token renewal, the outbox, SignalWire's spec'd delays, the headless window's
 * socket). Retry n (1-based) waits `min(cap, base * 2^(n-1))`, less up to `jitter` of it at random,
 * so a call centre's worth of desks whose server died do not all knock again in the same
 * millisecond. Pure and free of Node and the DOM, so the renderer uses the same code.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /**
   * 0..1: the share of each delay that may be taken off at random. Default 0.2; 0 where the delay
   * must be exact (a spec's schedule, a countdown the agent is shown).
   */
  jitter?: number;
}

export const DEFAULT_JITTER = 0.2;

// 2^30 keeps the product finite for any attempt count; every cap applies long before.
const MAX_EXPONENT = 30;

/** The delay before retry `attempt` (1-based: the first retry waits up to `baseMs`), in whole ms. */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, MAX_EXPONENT);
  const capped = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jitter = Math.min(1, Math.max(0, policy.jitter ?? DEFAULT_JITTER));
  const share = jitter === 0 ? 0 : jitter * random();
  return Math.max(0, Math.round(capped * (1 - share)));
}

export interface BackoffOptions extends BackoffPolicy {
  random?: () => number;
}

/**
 * The same rule with its attempt counter, for a link that reconnects: each `next()` counts one
 * failure; `reset()` after every success, so one bad hour does not make every later drop slow.
 */
export class Backoff {
  private attempts = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** The delay before the next attempt; each call counts one attempt. */
  next(): number {
    this.attempts += 1;
    return backoffDelay(this.attempts, this.options, this.options.random);
  }

  reset(): void {
    this.attempts = 0;
  }

  /** Failures since the last reset. */
  get attemptCount(): number {
    return this.attempts;
  }
}
