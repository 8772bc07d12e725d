/**
 * Load mode for benchmarks, on N extra extensions. `startLoad`: NEWCALL -> ANSWER -> HANGUP cycles
 * at M events per second, for at most `durationMs`; the total never exceeds
 * `floor(M * durationMs / 1000)`, and every call it starts is hung up before it ends, so it leaves
 * no ghost calls behind. `LoadTraffic`: an unpaced, realistic mix (holds, missed calls, status
 * changes) on a board that always has a share of its extensions on a call.
 */
import { z } from 'zod';
import { createPrng, type Prng } from './prng';
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

/** Adds extensions `LOAD_EXTENSION_BASE + 1..count` (kept if already there) and returns their numbers. */
export function addLoadExtensions(state: SimState, count: number, nowMs: number): number[] {
  const numbers: number[] = [];
  for (let i = 1; i <= count; i++) {
    const number = LOAD_EXTENSION_BASE + i;
    state.addExtension(
      {
        userID: 8_000_000 + i,
        userName: `Load Agent ${i}`,
        number,
        extenUser: `LOAD${i}`,
        representativeStatus: 1,
      },
      nowMs,
    );
    numbers.push(number);
  }
  return numbers;
}

export function startLoad(
  input: LoadOptions,
  deps: { state: SimState; tel: SimTelephony; now: () => number },
): LoadRun {
  const opts = loadOptionsSchema.parse(input);
  const { state, tel } = deps;
  const budget = Math.floor((opts.eventsPerSecond * opts.durationMs) / 1000);
  const numbers = addLoadExtensions(state, opts.extensions, deps.now());
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

export const trafficOptionsSchema = z.object({
  extensions: z.number().int().min(1).max(10_000),
  /** Share of the extensions on a call at any moment; the board starts that way. */
  busyShare: z
    .number()
    .min(0)
    .max(1)
    .default(1 / 3),
  /** Same seed, same sequence of extensions, reasons and callers. */
  seed: z.union([z.string(), z.number()]).default('traffic'),
  /**
   * Queues the incoming calls come through, in turn (none by default). Taken in call order, not
   * from the random sequence, so the sequence is the same with or without them.
   */
  queueIds: z.array(z.number().int().positive()).max(100).default([]),
});

export type TrafficOptions = z.input<typeof trafficOptionsSchema>;

export type TrafficReason =
  'NEWCALL' | 'ANSWER' | 'HOLD' | 'UNHOLD' | 'HANGUP' | 'userStatusUpdate';

interface TrafficCall {
  ivrid: string;
  phase: 'ringing' | 'talking' | 'hold';
  held: boolean;
}

// Shares a busy call centre's stream roughly has: a status change now and then, most calls
// answered, some put on hold once. Every step is one event, so the mix is what is emitted.
const STATUS_SHARE = 0.1;
const ANSWERED_SHARE = 0.85;
const HOLD_SHARE = 0.3;
const OUTGOING_SHARE = 0.2;
const STATUS_CODES = [1, 1, 1, 1, 3, 5, 7, 9, 11, 12, 13] as const;

/** A set with O(1) add, delete and random pick (the board can have 10,000 extensions). */
class Bag {
  private readonly items: number[] = [];
  private readonly at = new Map<number, number>();

  get size(): number {
    return this.items.length;
  }

  add(item: number): void {
    if (this.at.has(item)) return;
    this.at.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: number): void {
    const index = this.at.get(item);
    const last = this.items.pop();
    if (index === undefined || last === undefined) return;
    this.at.delete(item);
    if (last !== item) {
      this.items[index] = last;
      this.at.set(last, index);
    }
  }

  pick(rng: Prng): number {
    const item = this.items[rng.int(this.items.length)];
    if (item === undefined) throw new Error('pick from an empty set');
    return item;
  }
}

/**
 * Open-ended benchmark traffic with the mix of a real account, one event per `step()`: NEWCALL,
 * ANSWER, HOLD, UNHOLD, HANGUP (answered or missed) and userStatusUpdate on extensions
 * `LOAD_EXTENSION_BASE + 1..`, always valid for the state model, with `busyShare` of the
 * extensions on a call. Unlike `startLoad` it has no clock: the caller decides the pace (a flood
 * as fast as a socket takes it, or a steady rate), and events go wherever the telephony publishes.
 */
export class LoadTraffic {
  readonly numbers: readonly number[];
  /** Events per reason so far (the board's initial calls included). */
  readonly counts: Record<TrafficReason, number> = {
    NEWCALL: 0,
    ANSWER: 0,
    HOLD: 0,
    UNHOLD: 0,
    HANGUP: 0,
    userStatusUpdate: 0,
  };
  private readonly target: number;
  private readonly queueIds: readonly number[];
  private readonly rng: Prng;
  private readonly idle = new Bag();
  private readonly busy = new Bag();
  private readonly calls = new Map<number, TrafficCall>();
  private seq = 0;

  /** Adds the extensions and puts `busyShare` of them on an answered call. */
  constructor(
    input: TrafficOptions,
    private readonly deps: { state: SimState; tel: SimTelephony; now: () => number },
  ) {
    const opts = trafficOptionsSchema.parse(input);
    this.rng = createPrng(opts.seed);
    this.queueIds = opts.queueIds;
    this.numbers = addLoadExtensions(deps.state, opts.extensions, deps.now());
    for (const number of this.numbers) {
      if (deps.state.extension(number).calls.length === 0) this.idle.add(number);
    }
    this.target = Math.round(opts.extensions * opts.busyShare);
    while (this.busy.size < this.target && this.idle.size > 0) {
      const number = this.newCall();
      this.answer(number);
    }
  }

  /** Extensions with a call in progress. */
  get busyCount(): number {
    return this.busy.size;
  }

  /** Emits one event and returns its reason. */
  step(): TrafficReason {
    if (this.rng.next() < STATUS_SHARE) return this.status(this.rng.pick(this.numbers));
    if (this.busy.size < this.target && this.idle.size > 0) {
      this.newCall();
      return 'NEWCALL';
    }
    if (this.busy.size === 0) return this.status(this.rng.pick(this.numbers));
    const number = this.busy.pick(this.rng);
    const call = this.calls.get(number);
    if (!call) throw new Error(`load: no call at busy extension ${number}`);
    switch (call.phase) {
      case 'ringing':
        if (this.rng.next() < ANSWERED_SHARE) return this.answer(number);
        return this.hangup(number, 'No user responding');
      case 'talking':
        if (!call.held && this.rng.next() < HOLD_SHARE) {
          this.deps.tel.hold(number, call.ivrid);
          call.phase = 'hold';
          call.held = true;
          return this.count('HOLD');
        }
        return this.hangup(number, 'Normal hangup');
      case 'hold':
        this.deps.tel.unhold(number, call.ivrid);
        call.phase = 'talking';
        return this.count('UNHOLD');
    }
  }

  /** Hangs up every call in progress (one HANGUP each) and returns how many there were. */
  hangupAll(): number {
    const numbers = [...this.calls.keys()];
    for (const number of numbers) this.hangup(number, 'Normal hangup');
    return numbers.length;
  }

  private newCall(): number {
    const number = this.idle.pick(this.rng);
    const seq = ++this.seq;
    const ivrid = `traffic${String(seq).padStart(10, '0')}`;
    const outgoing = this.rng.next() < OUTGOING_SHARE;
    this.deps.tel.newCall(number, {
      ivrid,
      callerName: `Caller ${seq}`,
      callerPhone: `05${this.rng.digits(8)}`,
      direction: outgoing ? 'Outgoing' : 'Incoming',
      ...(outgoing ? {} : { did: '0722776772' }),
      ...(outgoing || this.queueIds.length === 0
        ? {}
        : { queueId: this.queueIds[seq % this.queueIds.length] }),
    });
    this.calls.set(number, { ivrid, phase: 'ringing', held: false });
    this.idle.delete(number);
    this.busy.add(number);
    this.count('NEWCALL');
    return number;
  }

  private answer(number: number): TrafficReason {
    const call = this.calls.get(number);
    if (!call) throw new Error(`load: no call at extension ${number}`);
    this.deps.tel.answer(number, call.ivrid);
    call.phase = 'talking';
    return this.count('ANSWER');
  }

  private hangup(number: number, cause: string): TrafficReason {
    const call = this.calls.get(number);
    if (!call) throw new Error(`load: no call at extension ${number}`);
    this.deps.tel.hangup(number, call.ivrid, cause);
    this.calls.delete(number);
    this.busy.delete(number);
    this.idle.add(number);
    return this.count('HANGUP');
  }

  private status(number: number): TrafficReason {
    this.deps.tel.setStatus(number, this.rng.pick(STATUS_CODES));
    return this.count('userStatusUpdate');
  }

  private count(reason: TrafficReason): TrafficReason {
    this.counts[reason]++;
    return reason;
  }
}
