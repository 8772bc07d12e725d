/**
 * Ingest: how fast the app takes a flood of realistic events, against a bare socket.io-client
 * taking the same stream on the same machine in the same run. The app's rate is the stream's
 * events over the time until its last call (a NEWCALL on the agent's extension, sent after all
 * the others) reaches the notifier. Each size is measured in several rounds, the sizes taking
 * turns, and reported by its median round: on a shared machine one round can be off by a fifth.
 */
import { startApp, startBare, warmUp, type RunningChild } from './app';
import type { Child } from './children';
import { cpuUs, hrtimeMs } from './protocol';
import { startBenchServer } from './server';
import { mean, median } from './stats';
import { buildStream, type Probe } from './stream';
import { AppWindow, chromiumCpuMs, type Browser } from './window';

export interface IngestOptions {
  sizes: readonly number[];
  /** How many times each size is measured (the sizes take turns). */
  rounds: number;
  /** Events per stream. */
  events: number;
  /** Own-extension calls spread through the stream; the last one closes it. */
  probes: number;
  /** How long the app may take before the run is cut short. */
  timeoutMs: number;
  /** Chromium for the app's window, or null to run the app with no window open. */
  browser: Browser | null;
  log: (line: string) => void;
}

export interface ClientRun {
  client: 'app' | 'bare';
  /**
   * `complete`: the last call arrived, the rate is over the whole stream; `partial`: the time ran
   * out, the rate is up to the last call that did arrive; `missed`: no call arrived, the rate is an
   * upper bound (what the socket took in the time).
   */
  outcome: 'complete' | 'partial' | 'missed';
  events: number;
  elapsedMs: number;
  eventsPerSecond: number;
  probesSeen: number;
  /** The client process's CPU (user + system) per event, µs. */
  cpuUsPerEvent: number | null;
  /** CPU time over wall time, in cores, for the client, the server and Chromium. */
  clientCores: number | null;
  serverCores: number;
  windowCores: number | null;
}

/** One measurement of one size: the app between two bare runs. */
export interface IngestRound {
  bare: ClientRun[];
  app: ClientRun;
  bareEventsPerSecond: number;
  /** app rate / bare rate: 1 means the app costs no more than receiving the events. */
  rateRatio: number;
  /** Why this round's figures may be off (a busy machine, a server near its limit). */
  warnings: string[];
}

/** A size's figures: the median of its rounds, and every round as measured. */
export interface IngestResult extends IngestRound {
  extensions: number;
  activeCallsAtStart: number;
  streamEvents: number;
  mix: Record<string, number>;
  /** Every round in the order run; `app` above is the one with the median CPU per event. */
  rounds: IngestRound[];
}

export async function runIngest(options: IngestOptions): Promise<IngestResult[]> {
  const measured = new Map<number, { round: IngestRound; activeCalls: number; mix: Mix }[]>();
  for (let round = 1; round <= options.rounds; round++) {
    for (const extensions of options.sizes) {
      const one = await runRound(extensions, options);
      const tag = options.rounds > 1 ? ` (round ${round} of ${options.rounds})` : '';
      for (const warning of one.round.warnings) {
        options.log(`ingest ${extensions} ext${tag}: ${warning}`);
      }
      options.log(
        `ingest ${extensions} ext${tag}: app ${fmtRun(one.round.app)}, bare ${Math.round(one.round.bareEventsPerSecond)} ev/s, ratio ${one.round.rateRatio.toFixed(2)}`,
      );
      measured.set(extensions, [...(measured.get(extensions) ?? []), one]);
    }
  }
  return options.sizes.map((extensions) => summariseSize(extensions, options, measured));
}

type Mix = Record<string, number>;

async function runRound(
  extensions: number,
  options: IngestOptions,
): Promise<{ round: IngestRound; activeCalls: number; mix: Mix }> {
  // Bare before and after the app, so drift in the machine's load shows up in the baseline.
  const first = await runClient('bare', extensions, options);
  const app = await runClient('app', extensions, options);
  const second = await runClient('bare', extensions, options);
  const bareRate = mean([first.run.eventsPerSecond, second.run.eventsPerSecond]);
  const round: IngestRound = {
    bare: [first.run, second.run],
    app: app.run,
    bareEventsPerSecond: bareRate,
    rateRatio: app.run.eventsPerSecond / bareRate,
    warnings: warningsFor([first.run, second.run]),
  };
  return { round, activeCalls: app.activeCalls, mix: app.mix };
}

/**
 * A size's result: the round with the median CPU per event stands for it (a round with no call
 * through counts as the slowest), and the rate ratio is the median of the rounds' ratios.
 */
function summariseSize(
  extensions: number,
  options: IngestOptions,
  measured: Map<number, { round: IngestRound; activeCalls: number; mix: Mix }[]>,
): IngestResult {
  const runs = measured.get(extensions) ?? [];
  const cpu = (r: IngestRound) => r.app.cpuUsPerEvent ?? Number.POSITIVE_INFINITY;
  const byCpu = [...runs].sort((a, b) => cpu(a.round) - cpu(b.round));
  const middle = byCpu[Math.floor((byCpu.length - 1) / 2)];
  if (!middle) throw new Error(`ingest ${extensions} ext: no round was measured`);
  const rounds = runs.map((r) => r.round);
  return {
    extensions,
    activeCallsAtStart: middle.activeCalls,
    streamEvents: options.events,
    mix: middle.mix,
    ...middle.round,
    rateRatio: median(rounds.map((r) => r.rateRatio)),
    bareEventsPerSecond: median(rounds.map((r) => r.bareEventsPerSecond)),
    warnings: rounds.flatMap((r) => r.warnings),
    rounds,
  };
}

/**
 * The baseline is only a baseline if the bare client was the one working flat out: it should have
 * had a whole core, and the server clearly less.
 */
function warningsFor(bare: ClientRun[]): string[] {
  const warnings: string[] = [];
  for (const run of bare) {
    if (run.serverCores > 0.8) {
      warnings.push(
        `the server used ${run.serverCores.toFixed(2)} cores in a bare run: it may have set the pace`,
      );
    }
    if (run.clientCores !== null && run.clientCores < 0.8) {
      warnings.push(
        `the bare client got ${run.clientCores.toFixed(2)} cores: the machine was busy, ratios are noisier`,
      );
    }
  }
  return warnings;
}

function fmtRun(run: ClientRun): string {
  const rate = `${run.outcome === 'missed' ? '<= ' : ''}${Math.round(run.eventsPerSecond)} ev/s`;
  return `${rate} (${run.outcome}, ${run.probesSeen} calls seen, ${run.cpuUsPerEvent?.toFixed(1) ?? '?'} µs CPU/event)`;
}

interface ClientOutcome {
  run: ClientRun;
  activeCalls: number;
  mix: Record<string, number>;
}

async function runClient(
  kind: 'app' | 'bare',
  extensions: number,
  options: IngestOptions,
): Promise<ClientOutcome> {
  const server = await startBenchServer({ extensions, seed: `ingest-${extensions}` });
  const activeCalls = server.traffic.busyCount;
  const connected = server.nextClient(60_000);
  let running: RunningChild | null = null;
  let window: AppWindow | null = null;
  try {
    running = kind === 'app' ? await startApp(server) : await startBare(server);
    const client = await connected;
    if (kind === 'app' && options.browser)
      window = await AppWindow.open(options.browser, running.url);
    await warmUp(server, running.child, window);

    const before = { ...server.traffic.counts };
    const tag = `ingest-${kind}-${extensions}`;
    const { packets, probes } = buildStream(server, options.events, options.probes, tag);
    const mix: Record<string, number> = {};
    for (const [reason, total] of Object.entries(server.traffic.counts)) {
      mix[reason] = total - before[reason as keyof typeof before];
    }
    const start = await running.child.sample();
    const windowStart = window ? chromiumCpuMs() : null;
    const serverStart = cpuUs();
    const t0 = hrtimeMs();
    // Ends by itself once all is written, or when server.stop() below closes the connection.
    void client.flood(packets);
    const last = probes[probes.length - 1];
    if (last) await running.child.waitSeen(last, t0 + options.timeoutMs);
    const t1 = hrtimeMs();
    const serverCores = (cpuUs() - serverStart) / 1000 / (t1 - t0);
    const windowEnd = window ? chromiumCpuMs() : null;
    const windowCores =
      windowStart !== null && windowEnd !== null ? (windowEnd - windowStart) / (t1 - t0) : null;
    const run = summarise(kind, probes, running.child, {
      t0,
      t1,
      startCpuUs: start.cpuUs,
      written: client.floodWritten,
      serverCores,
      windowCores,
    });
    return { run, activeCalls, mix };
  } finally {
    await window?.close();
    await running?.stop();
    await server.stop();
  }
}

function summarise(
  client: 'app' | 'bare',
  probes: readonly Probe[],
  child: Child,
  at: {
    t0: number;
    t1: number;
    startCpuUs: number;
    written: number;
    serverCores: number;
    windowCores: number | null;
  },
): ClientRun {
  const seen = probes.filter((p) => child.find(p));
  const furthest = seen[seen.length - 1];
  const sighting = furthest ? child.find(furthest) : undefined;
  const common = {
    client,
    probesSeen: seen.length,
    serverCores: at.serverCores,
    windowCores: at.windowCores,
  };
  if (!furthest || !sighting) {
    const elapsedMs = at.t1 - at.t0;
    return {
      ...common,
      outcome: 'missed',
      events: at.written,
      elapsedMs,
      eventsPerSecond: (at.written * 1000) / elapsedMs,
      cpuUsPerEvent: null,
      clientCores: null,
    };
  }
  const elapsedMs = sighting.atMs - at.t0;
  const cpu = sighting.cpuUs - at.startCpuUs;
  return {
    ...common,
    outcome: furthest === probes[probes.length - 1] ? 'complete' : 'partial',
    events: furthest.index,
    elapsedMs,
    eventsPerSecond: (furthest.index * 1000) / elapsedMs,
    cpuUsPerEvent: cpu / furthest.index,
    clientCores: cpu / 1000 / elapsedMs,
  };
}
