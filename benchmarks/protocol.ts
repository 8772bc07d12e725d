/**
 * Messages between `run.ts` and its child processes (the app, the bare client). Times are
 * `process.hrtime` in ms: CLOCK_MONOTONIC, the same clock in every process on the machine, so a
 * child's timestamp can be subtracted from the parent's.
 */

export interface CpuTime {
  /** user + system, µs */
  cpuUs: number;
}

export interface Sample extends CpuTime {
  atMs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export type ToChild =
  | { type: 'sample'; id: number; gc: boolean }
  /** Ends the process after closing what it opened. */
  | { type: 'stop' };

export type FromChild =
  /** The app: the headless host is up (its page is `url`); the bare client: snapshots received. */
  | { type: 'ready'; url: string }
  /**
   * A NEWCALL on the agent's extension reached the notifier (app) or the handler (bare, which
   * also says how many events it had received by then).
   */
  | ({
      type: 'seen';
      ivrid: string;
      /** `numberKey` of every phone number in the alert (or the call's caller). */
      numbers: string[];
      atMs: number;
      events?: number;
    } & CpuTime)
  | ({ type: 'sample'; id: number } & Sample)
  | { type: 'failed'; message: string };

/** What the parent passes to a child, as JSON in `BENCH_CHILD` (no secrets beyond the sim's demo logins). */
export interface AppChildInput {
  configPath: string;
  dataDir: string;
  rendererDir: string;
}

export interface BareChildInput {
  loginBaseUrl: string;
  username: string;
  password: string;
  ownExtension: number;
}

/** The key a number is matched by: its last seven digits, however it is formatted. */
export function numberKey(phone: string): string {
  return phone.replace(/\D/g, '').slice(-7);
}

/** The keys of the phone numbers in a text ("Incoming call", "Dana 054-900-0001, line ..."). */
export function numberKeys(text: string): string[] {
  return (text.match(/\+?\d[\d\s-]*\d/g) ?? []).map(numberKey).filter((key) => key.length === 7);
}

export function hrtimeMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function cpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

export function sample(gc: boolean): Sample {
  // Only with --expose-gc; a forced full GC makes heapUsed the live heap, not garbage.
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  return {
    atMs: hrtimeMs(),
    cpuUs: cpuUs(),
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    heapTotal: mem.heapTotal,
    external: mem.external,
    arrayBuffers: mem.arrayBuffers,
  };
}

/** Sends to the parent; a child without an IPC channel is a bug in `run.ts`. */
export function tell(message: FromChild): void {
  if (!process.send) throw new Error('benchmark child started without an IPC channel');
  process.send(message);
}

/** Reads the child's input from the environment. */
export function childInput<T>(): T {
  const raw = process.env['BENCH_CHILD'];
  if (!raw) throw new Error('BENCH_CHILD is not set: start this file through benchmarks/run.ts');
  return JSON.parse(raw) as T;
}
