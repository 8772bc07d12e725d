/** Starts the benchmark's child processes (the app, the bare client) and talks to them. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hrtimeMs, numberKey, type FromChild, type Sample, type ToChild } from './protocol';

export type Seen = Extract<FromChild, { type: 'seen' }>;

/** A call the benchmark rang on the agent's extension. */
export interface Call {
  ivrid: string;
  phone: string;
}

/** The app's child process (see `appNodeFlags`). */
export const APP_CHILD = './app-child.ts';

function appNodeFlags(): string[] {
  return (process.env.BENCH_APP_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
}

export class Child {
  /** Every call alert (app) or own-extension NEWCALL (bare) so far, by ivrid and by number. */
  private readonly seen = new Map<string, Seen>();
  private readonly process: ChildProcess;
  private readonly samples = new Map<number, (s: Sample) => void>();
  private readonly seenListeners = new Set<(s: Seen) => void>();
  private readonly ready: Promise<string>;
  private readonly exit: Promise<void>;
  private nextSample = 0;
  private failure: string | null = null;

  /**
   * `file` is relative to benchmarks/; it runs under tsx, with `--expose-gc` when asked. The app
   * takes extra Node flags from `BENCH_APP_NODE_FLAGS` (say `--cpu-prof --cpu-prof-dir=profiles`
   * to profile it), so the app can be looked into without touching the baseline.
   */
  constructor(file: string, input: unknown, options: { exposeGc?: boolean } = {}) {
    const extra = file === APP_CHILD ? appNodeFlags() : [];
    this.process = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
      execArgv: ['--import', 'tsx', ...(options.exposeGc ? ['--expose-gc'] : []), ...extra],
      env: { ...process.env, BENCH_CHILD: JSON.stringify(input) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.exit = new Promise((resolve) => this.process.once('exit', () => resolve()));
    this.ready = new Promise<string>((resolve, reject) => {
      this.process.on('message', (message: FromChild) => {
        switch (message.type) {
          case 'ready':
            return resolve(message.url);
          case 'failed':
            this.failure = message.message;
            return reject(new Error(`${file}: ${message.message}`));
          case 'seen':
            for (const key of [`id:${message.ivrid}`, ...message.numbers.map((n) => `no:${n}`)]) {
              if (!this.seen.has(key)) this.seen.set(key, message);
            }
            for (const listener of this.seenListeners) listener(message);
            return;
          case 'sample': {
            const answer = this.samples.get(message.id);
            this.samples.delete(message.id);
            return answer?.(message);
          }
        }
      });
      this.process.once('exit', (code) => reject(new Error(`${file} exited (${code})`)));
    });
    // A child that dies later is reported where it is waited on, not as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get failed(): string | null {
    return this.failure;
  }

  whenReady(timeoutMs: number): Promise<string> {
    return withTimeout(this.ready, timeoutMs, 'the child to start');
  }

  /** When `call` reached the notifier (app) or the handler (bare), if it has. */
  find(call: Call): Seen | undefined {
    return this.seen.get(`id:${call.ivrid}`) ?? this.seen.get(`no:${numberKey(call.phone)}`);
  }

  /** Resolves with the sighting of `call`, or null once `deadlineMs` (hrtime ms) has passed. */
  waitSeen(call: Call, deadlineMs: number): Promise<Seen | null> {
    const known = this.find(call);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(null), Math.max(0, deadlineMs - hrtimeMs()));
      const listener = () => {
        const s = this.find(call);
        if (s) done(s);
      };
      const done = (s: Seen | null) => {
        clearTimeout(timer);
        this.seenListeners.delete(listener);
        resolve(s);
      };
      this.seenListeners.add(listener);
    });
  }

  /** CPU and memory of the child now (after a full GC when `gc` and the child has it). */
  sample(gc = false, timeoutMs = 30_000): Promise<Sample> {
    const id = this.nextSample++;
    const answer = new Promise<Sample>((resolve) => this.samples.set(id, resolve));
    this.send({ type: 'sample', id, gc });
    return withTimeout(answer, timeoutMs, 'a sample from the child');
  }

  /**
   * Asks the child to stop and kills it (this one process, by its pid) if it has not exited in
   * `graceMs`: an app that is minutes behind on its socket would otherwise take that long.
   */
  async stop(graceMs = 3_000): Promise<void> {
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  private send(message: ToChild): void {
    if (this.process.connected) this.process.send(message);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
