/**
 * Soak: the app's memory over a long flood at a large account. The app runs with --expose-gc and
 * every sample follows a full GC, so `heapUsed` is what the app keeps, not garbage not yet
 * collected; a heap that keeps growing per event after warm-up is a leak.
 */
import { startApp, warmUp, type RunningChild } from './app';
import { sleep } from './background';
import type { Sample } from './protocol';
import { hrtimeMs } from './protocol';
import { startBenchServer, type BenchClient, type BenchServer } from './server';
import { linearFit } from './stats';
import { AppWindow, type Browser } from './window';

export interface SoakOptions {
  extensions: number;
  /** Events to send, unless `maxMs` runs out first (then the trend is extrapolated). */
  events: number;
  maxMs: number;
  sampleEveryMs: number;
  browser: Browser | null;
  log: (line: string) => void;
}

export interface SoakSample {
  /** Events handed to the app's socket by then. */
  events: number;
  elapsedMs: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** The app's CPU time so far (user + system), µs. */
  cpuUs: number;
}

export interface Trend {
  /** Bytes per event after warm-up (least squares). */
  bytesPerEvent: number;
  /** What that slope adds over 1,000,000 events, bytes. */
  per1MEvents: number;
  /** Mean of the first and of the last quarter of the samples after warm-up, bytes. */
  early: number;
  late: number;
}

export interface SoakResult {
  extensions: number;
  targetEvents: number;
  eventsSent: number;
  elapsedMs: number;
  eventsPerSecond: number;
  /** True when the time cap ended the run before `targetEvents`. */
  bounded: boolean;
  /** Samples before this many events are warm-up and left out of the trends. */
  warmUpEvents: number;
  heapUsed: Trend | null;
  rss: Trend | null;
  /** The app's CPU per event after warm-up, µs (events as handed to its socket). */
  cpuUsPerEvent: number | null;
  /** Heap growth per 1M events below this counts as flat. */
  flatBelowBytesPer1M: number;
  flat: boolean | null;
  /** Samples the app did not answer in time. */
  missedSamples: number;
  samples: SoakSample[];
}

/** 16 bytes per event: far below one retained payload (~1 kB), far above the noise of a run. */
export const FLAT_BELOW_PER_1M = 16 * 1024 * 1024;
const CHUNK = 5_000;
const SAMPLE_TIMEOUT_MS = 120_000;
const WARM_UP_SHARE = 0.2;

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const server = await startBenchServer({ extensions: options.extensions, seed: 'soak' });
  const connected = server.nextClient(60_000);
  let app: RunningChild | null = null;
  let window: AppWindow | null = null;
  try {
    app = await startApp(server, { exposeGc: true });
    const { child } = app;
    const client = await connected;
    if (options.browser) window = await AppWindow.open(options.browser, app.url);
    await warmUp(server, child, window);

    const start = hrtimeMs();
    const stopAt = start + options.maxMs;
    const samples: SoakSample[] = [];
    let missedSamples = 0;
    // A flooded app reads its socket for seconds between two looks at anything else (libuv reads
    // up to 32 buffers per wake-up), so a sample may take long to come back: each one carries
    // its own time and event count, and a lost one is only counted.
    const take = async () => {
      try {
        const s: Sample = await child.sample(true, SAMPLE_TIMEOUT_MS);
        samples.push(toSoakSample(s, client.floodWritten, s.atMs - start));
      } catch {
        missedSamples++;
      }
    };
    await take();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await sleep(options.sampleEveryMs);
        if (sampling) await take();
      }
    })();
    try {
      await feed(server, client, options.events, stopAt);
    } finally {
      sampling = false;
      await sampler;
    }
    await take();
    const elapsedMs = hrtimeMs() - start;
    const result = analyse(options, samples, client.floodWritten, elapsedMs, missedSamples);
    options.log(
      `soak ${options.extensions} ext: ${result.eventsSent} events in ${(elapsedMs / 1000).toFixed(0)} s; heap ${fmtTrend(result.heapUsed)}, rss ${fmtTrend(result.rss)}: ${result.flat === null ? 'too few samples' : result.flat ? 'flat' : 'GROWING'}`,
    );
    return result;
  } finally {
    await window?.close();
    await app?.stop();
    await server.stop();
  }
}

function fmtTrend(t: Trend | null): string {
  if (!t) return '?';
  return `${(t.late / 2 ** 20).toFixed(1)} MiB, ${(t.per1MEvents / 2 ** 20).toFixed(1)} MiB per 1M events`;
}

/** Generates the next chunk while the previous one is being taken, so the socket never waits. */
async function feed(
  server: BenchServer,
  client: BenchClient,
  events: number,
  stopAt: number,
): Promise<void> {
  let sent = 0;
  let pending: Promise<number> | null = null;
  while (sent < events && hrtimeMs() < stopAt && !client.closed) {
    const count = Math.min(CHUNK, events - sent);
    const packets = server.record(() => {
      for (let i = 0; i < count; i++) server.traffic.step();
    });
    if (pending) await untilOrDeadline(pending, stopAt);
    pending = client.flood(packets);
    sent += packets.length;
  }
  if (pending) await untilOrDeadline(pending, stopAt);
}

function analyse(
  options: SoakOptions,
  samples: SoakSample[],
  eventsSent: number,
  elapsedMs: number,
  missedSamples: number,
): SoakResult {
  const warmUpEvents = Math.round(eventsSent * WARM_UP_SHARE);
  const steady = samples.filter((s) => s.events >= warmUpEvents);
  const heapUsed = trend(steady, (s) => s.heapUsed);
  return {
    extensions: options.extensions,
    targetEvents: options.events,
    eventsSent,
    elapsedMs,
    eventsPerSecond: (eventsSent * 1000) / elapsedMs,
    bounded: eventsSent < options.events,
    warmUpEvents,
    heapUsed,
    rss: trend(steady, (s) => s.rss),
    cpuUsPerEvent: cpuPerEvent(steady),
    flatBelowBytesPer1M: FLAT_BELOW_PER_1M,
    flat: heapUsed ? heapUsed.per1MEvents < FLAT_BELOW_PER_1M : null,
    missedSamples,
    samples,
  };
}

function trend(samples: SoakSample[], value: (s: SoakSample) => number): Trend | null {
  if (samples.length < 4) return null;
  const { slope } = linearFit(samples.map((s) => ({ x: s.events, y: value(s) })));
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const avg = (list: SoakSample[]) => list.reduce((a, s) => a + value(s), 0) / list.length;
  return {
    bytesPerEvent: slope,
    per1MEvents: slope * 1_000_000,
    early: avg(samples.slice(0, quarter)),
    late: avg(samples.slice(-quarter)),
  };
}

function cpuPerEvent(samples: SoakSample[]): number | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.events <= first.events) return null;
  return (last.cpuUs - first.cpuUs) / (last.events - first.events);
}

function toSoakSample(s: Sample, events: number, elapsedMs: number): SoakSample {
  return {
    events,
    elapsedMs,
    rss: s.rss,
    heapUsed: s.heapUsed,
    heapTotal: s.heapTotal,
    external: s.external,
    cpuUs: s.cpuUs,
  };
}

async function untilOrDeadline(promise: Promise<unknown>, deadline: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    promise,
    new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - hrtimeMs())))),
  ]);
  clearTimeout(timer);
}
