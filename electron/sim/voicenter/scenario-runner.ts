/** Runs scenarios: a seeded PRNG per run, scaled and abortable waits, settle on stop. */
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrng } from './prng';
import type { ScenarioContext, ScenarioName } from './scenarios';
import { SCENARIOS, isAbortError } from './scenarios';
import type { SimTelephony } from './telephony';

export interface RunScenarioOptions {
  /** Overrides the sim's speed for this run (2 = twice as fast). */
  speed?: number;
  signal?: AbortSignal;
}

export interface ScenarioResult {
  name: ScenarioName;
  /** false when the run was stopped (sim stopped or signal aborted) before the end. */
  completed: boolean;
}

export interface RunnerDeps {
  tel: SimTelephony;
  seed: string | number;
  speed: () => number;
  agent: () => number;
  colleague: number;
  queueId: number;
  /** Aborted when the sim stops. */
  stopSignal: AbortSignal;
  hasClient: () => boolean;
  onClient: (listener: () => void) => () => void;
}

export class ScenarioRunner {
  private readonly runs = new Map<string, number>();

  constructor(private readonly deps: RunnerDeps) {}

  /** Resolves when the scenario ends or is stopped; rejects only on a bug in the scenario. */
  async run(name: ScenarioName, options: RunScenarioOptions = {}): Promise<ScenarioResult> {
    const n = this.runs.get(name) ?? 0;
    this.runs.set(name, n + 1);
    const signals = [this.deps.stopSignal, ...(options.signal ? [options.signal] : [])];
    const signal = AbortSignal.any(signals);
    const speed = options.speed ?? this.deps.speed();
    if (!(speed > 0)) throw new RangeError('speed must be > 0');

    const ctx: ScenarioContext = {
      tel: this.deps.tel,
      // Same seed + same scenario + same nth run = the same ids, callers and uuids.
      rng: createPrng(`${this.deps.seed}:${name}:${n}`),
      agent: this.deps.agent(),
      colleague: this.deps.colleague,
      queueId: this.deps.queueId,
      wait: (ms) => sleep(Math.max(0, ms / speed), undefined, { signal }),
      waitForClient: () => this.waitForClient(signal),
      run: (inner) => SCENARIOS[inner](ctx),
    };
    try {
      signal.throwIfAborted();
      await SCENARIOS[name](ctx);
      return { name, completed: true };
    } catch (err) {
      if (isAbortError(err) || signal.aborted) return { name, completed: false };
      throw err;
    }
  }

  private waitForClient(signal: AbortSignal): Promise<void> {
    if (this.deps.hasClient()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        off();
        reject(
          signal.reason instanceof Error
            ? signal.reason
            : new DOMException('Aborted', 'AbortError'),
        );
      };
      const off = this.deps.onClient(() => {
        off();
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
