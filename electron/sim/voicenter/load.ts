/**
 * Load mode for benchmarks: valid ExtensionEvent traffic (NEWCALL -> ANSWER -> HANGUP cycles)
 * across N extra extensions, at M events per second, for at most `durationMs`. The total never
 * exceeds `floor(M * durationMs / 1000)`, and every call it starts is hung up before it ends, so
 * it leaves no ghost calls behind.
 */
import { z } from 'zod';
import type { SimState } from './state';
import type { SimTelephony } from './telephony';

export const loadOptionsSchema = z.object({
  extensions: z.number().int().min(1).max(10_000),
  eventsPerSecond: z.number().positive().max(100_000),
  durationMs: z.number().int().positive().max(3_600_000),
});

export type LoadOptions = z.infer<typeof loadOptionsSchema>;

export interface LoadStats {
  /** Events emitted. */
  events: number;
  /** The most this run was allowed to emit. */
  budget: number;
  callsStarted: number;
  callsEnded: number;
  elapsedMs: number;
}

export interface LoadRun {
  /** Resolves when the run ends (time or budget spent, or `stop()`). */
  readonly done: Promise<LoadStats>;
  /** Ends early: calls in progress are hung up first. */
  stop(): void;
}

/** Load extensions are numbered from here, so they never clash with the demo account. */
export const LOAD_EXTENSION_BASE = 5_000_000;
const TICK_MS = 10;

type Phase = 'idle' | 'ringing' | 'talking';

export function startLoad(
  input: LoadOptions,
  deps: { state: SimState; tel: SimTelephony; now: () => number },
): LoadRun {
  const opts = loadOptionsSchema.parse(input);
  const { state, tel } = deps;
  const budget = Math.floor((opts.eventsPerSecond * opts.durationMs) / 1000);
  const numbers: number[] = [];
  for (let i = 1; i <= opts.extensions; i++) {
    const number = LOAD_EXTENSION_BASE + i;
    state.addExtension(
      {
        userID: 8_000_000 + i,
        userName: `Load Agent ${i}`,
        number,
        extenUser: `LOAD${i}`,
        representativeStatus: 1,
      },
      deps.now(),
    );
    numbers.push(number);
  }
  const phase = new Map<number, Phase>(numbers.map((n) => [n, 'idle']));
  const callOf = new Map<number, string>();
  const stats: LoadStats = { events: 0, budget, callsStarted: 0, callsEnded: 0, elapsedMs: 0 };
  const started = deps.now();
  let cursor = 0;
  let seq = 0;
  let stopping = false;
  let finish: (s: LoadStats) => void = () => {};
  const done = new Promise<LoadStats>((resolve) => (finish = resolve));

  const active = () => stats.callsStarted - stats.callsEnded;

  /** One event on the next extension that can take a step within the budget. */
  const step = (): boolean => {
    for (let tries = 0; tries < numbers.length; tries++) {
      const number = numbers[cursor % numbers.length] ?? LOAD_EXTENSION_BASE + 1;
      cursor++;
      const p = phase.get(number);
      const ivrid = callOf.get(number);
      // Every active call holds back one event for its HANGUP.
      const room = budget - stats.events - active();
      if (p === 'idle' && !stopping && room >= 2) {
        const id = `load${String(++seq).padStart(10, '0')}`;
        tel.newCall(number, {
          ivrid: id,
          callerName: `Caller ${seq}`,
          callerPhone: `05${String(seq % 100_000_000).padStart(8, '0')}`,
          did: '0722776772',
          direction: 'Incoming',
        });
        phase.set(number, 'ringing');
        callOf.set(number, id);
        stats.callsStarted++;
        return true;
      }
      if (p === 'ringing' && ivrid && !stopping && room >= 1) {
        tel.answer(number, ivrid);
        phase.set(number, 'talking');
        return true;
      }
      if ((p === 'ringing' || p === 'talking') && ivrid) {
        tel.hangup(number, ivrid, 'Normal hangup');
        phase.set(number, 'idle');
        callOf.delete(number);
        stats.callsEnded++;
        return true;
      }
    }
    return false;
  };

  const end = () => {
    clearInterval(timer);
    stopping = true;
    while (active() > 0 && step()) stats.events++;
    stats.elapsedMs = deps.now() - started;
    finish({ ...stats });
  };

  const timer = setInterval(() => {
    const elapsed = deps.now() - started;
    if (stopping || elapsed >= opts.durationMs) return end();
    const due = Math.min(budget, Math.floor((elapsed * opts.eventsPerSecond) / 1000));
    while (stats.events < due && step()) stats.events++;
    if (stats.events >= budget) end();
  }, TICK_MS);

  return {
    done,
    stop: () => {
      if (!stopping) {
        stopping = true;
        end();
      }
    },
  };
}
