// Meteor's RateLimiter as Rocket.Chat's REST layer uses it: one rule per route+method, counters per
// client IP, and ONE fixed window per rule (not per IP) that restarts on the first request after it
// expires (the first window starts when the server does). Increment happens before the check, so with a limit of N the (N+1)th call is refused.

export interface RateRule {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateVerdict {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Milliseconds until the rule's window restarts. */
  readonly timeToResetMs: number;
}

interface RuleState {
  lastReset: number;
  counters: Map<string, number>;
}

export class RateLimiter {
  private readonly rules = new Map<string, RuleState>();
  /** Rules are registered when the server starts, so their first window starts then. */
  private createdAt: number;

  constructor(private readonly now: () => number) {
    this.createdAt = now();
  }

  /** Count one request from `ip` on `routeKey` under `rule` and say whether it may proceed. */
  hit(routeKey: string, ip: string, rule: RateRule): RateVerdict {
    const now = this.now();
    let state = this.rules.get(routeKey);
    if (!state) {
      state = { lastReset: this.createdAt, counters: new Map() };
      this.rules.set(routeKey, state);
    }
    if (now - state.lastReset > rule.windowMs) {
      state.lastReset = now;
      state.counters.clear();
    }
    const count = (state.counters.get(ip) ?? 0) + 1;
    state.counters.set(ip, count);
    const timeToResetMs = Math.max(0, rule.windowMs - (now - state.lastReset));
    if (count > rule.limit)
      return { allowed: false, limit: rule.limit, remaining: 0, timeToResetMs };
    return { allowed: true, limit: rule.limit, remaining: rule.limit - count, timeToResetMs };
  }

  /** Forget all counters; windows start afresh now (as after a server restart). */
  reset(): void {
    this.createdAt = this.now();
    this.rules.clear();
  }
}
