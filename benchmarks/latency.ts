/**
 * Alert latency: the server rings the agent's own extension; how long until the notifier port is
 * called (timestamped in the app's process), and until the caller's number is in the window
 * (timestamped in the page by a MutationObserver, and at the next animation frame). Measured
 * with the account idle, and under a steady background of other extensions' events.
 */
import { createPrng } from '../electron/sim/voicenter/prng';
import { startApp, warmUp, type RunningChild } from './app';
import { round, sleep, startBackground } from './background';
import { hrtimeMs, numberKey } from './protocol';
import { startBenchServer, type BenchClient, type BenchServer } from './server';
import { quantile } from './stats';
import { probePhone } from './stream';
import { AppWindow, type Browser } from './window';

export interface LatencyOptions {
  extensions: number;
  /** Calls to ring per condition, unless `maxMs` runs out first. */
  calls: number;
  maxMs: number;
  /** How long one call waits to be seen before it is hung up and the next rings. */
  perCallMs: number;
  /** Mean pause between a hang-up and the next ring. */
  gapMs: number;
  /** Background events per second in the loaded condition. */
  backgroundRate: number;
  /** How long after the last ring a late alert still counts. */
  tailMs: number;
  browser: Browser | null;
  log: (line: string) => void;
}

export interface Distribution {
  /** Calls rung (fewer than asked when the time cap ran out). */
  count: number;
  missed: number;
  /** ms; null when the quantile falls among the missed calls. */
  p50: number | null;
  p99: number | null;
  max: number | null;
  /** Every latency measured, ms, in ring order (null: missed). */
  samples: (number | null)[];
}

export interface LatencyCondition {
  name: 'idle' | 'load';
  backgroundTarget: number;
  backgroundAchieved: number;
  /** Events still queued at the server for the app when the condition ended. */
  backlogAtEnd: number;
  notifier: Distribution;
  /** Number in the DOM / the frame after it; null without a window. */
  windowDom: Distribution | null;
  windowFrame: Distribution | null;
}

export interface LatencyResult {
  extensions: number;
  activeCallsAtStart: number;
  /** How far off the page's clock mapping can be, ms. */
  clockUncertaintyMs: number | null;
  conditions: LatencyCondition[];
}

export async function runLatency(options: LatencyOptions): Promise<LatencyResult> {
  const server = await startBenchServer({ extensions: options.extensions, seed: 'latency' });
  const activeCallsAtStart = server.traffic.busyCount;
  const connected = server.nextClient(60_000);
  let app: RunningChild | null = null;
  let window: AppWindow | null = null;
  try {
    app = await startApp(server);
    const client = await connected;
    if (options.browser) window = await AppWindow.open(options.browser, app.url);
    await warmUp(server, app.child, window);
    const conditions: LatencyCondition[] = [];
    // Idle first: a backlog left by the loaded condition would otherwise spill into it.
    for (const [name, rate, serial] of [
      ['idle', 0, 1_000],
      ['load', options.backgroundRate, 2_000],
    ] as const) {
      const condition = await measure(name, rate, serial, { server, client, app, window, options });
      options.log(
        `latency ${name} (${Math.round(condition.backgroundAchieved)} ev/s background): notifier ${fmt(condition.notifier)}` +
          (condition.windowFrame ? `; window ${fmt(condition.windowFrame)}` : ''),
      );
      conditions.push(condition);
    }
    return {
      extensions: options.extensions,
      activeCallsAtStart,
      clockUncertaintyMs: window?.uncertaintyMs ?? null,
      conditions,
    };
  } finally {
    await window?.close();
    await app?.stop();
    await server.stop();
  }
}

function fmt(d: Distribution): string {
  const ms = (v: number | null) => (v === null ? 'missed' : `${v.toFixed(1)} ms`);
  return `p50 ${ms(d.p50)}, p99 ${ms(d.p99)}, ${d.missed}/${d.count} missed`;
}

interface Context {
  server: BenchServer;
  client: BenchClient;
  app: RunningChild;
  window: AppWindow | null;
  options: LatencyOptions;
}

async function measure(
  name: 'idle' | 'load',
  rate: number,
  serialBase: number,
  { server, client, app, window, options }: Context,
): Promise<LatencyCondition> {
  const background = rate > 0 ? startBackground(server, rate) : null;
  // Into the steady state before the first ring.
  if (background) await sleep(3_000);
  const rings: { ivrid: string; phone: string; sentAt: number }[] = [];
  const gaps = createPrng(`latency-${name}`);
  const stopAt = hrtimeMs() + options.maxMs;
  // One call at a time: the next rings once this one was seen (or given up on) and hung up, so a
  // window that is slow but keeps up shows every number, and one that falls behind misses them.
  for (let k = 0; k < options.calls && hrtimeMs() < stopAt; k++) {
    const ivrid = `${name}-${k}`;
    const phone = probePhone(serialBase + k);
    const sentAt = hrtimeMs();
    server.ring(ivrid, phone);
    rings.push({ ivrid, phone, sentAt });
    const giveUp = Math.min(sentAt + options.perCallMs, stopAt);
    await app.child.waitSeen({ ivrid, phone }, giveUp);
    if (window) await window.waitForNumber(phone, giveUp - hrtimeMs());
    server.hangUp(ivrid);
    // A random pause, so the rings do not fall into step with the app's timers or frames.
    await sleep(options.gapMs * (0.5 + gaps.next()));
  }
  // Late alerts still count (with their real latency) if they come within the tail.
  const deadline = hrtimeMs() + options.tailMs;
  await Promise.all(rings.map((r) => app.child.waitSeen(r, deadline)));
  let sightings = window ? await window.sightings() : null;
  while (window && sightings && hrtimeMs() < deadline) {
    if (rings.every((r) => sightings?.has(numberKey(r.phone)))) break;
    await sleep(100);
    sightings = await window.sightings();
  }
  const backlogAtEnd = client.backlog();
  const achieved = background?.stop() ?? 0;

  const notifier = rings.map((r) => {
    const seen = app.child.find(r);
    return seen ? seen.atMs - r.sentAt : null;
  });
  const dom = sightings
    ? rings.map((r) => {
        const s = sightings?.get(numberKey(r.phone));
        return s ? s.domMs - r.sentAt : null;
      })
    : null;
  const frame = sightings
    ? rings.map((r) => {
        const s = sightings?.get(numberKey(r.phone));
        return s && s.frameMs !== null ? s.frameMs - r.sentAt : null;
      })
    : null;
  return {
    name,
    backgroundTarget: rate,
    backgroundAchieved: achieved,
    backlogAtEnd,
    notifier: distribution(notifier),
    windowDom: dom ? distribution(dom) : null,
    windowFrame: frame ? distribution(frame) : null,
  };
}

function distribution(samples: (number | null)[]): Distribution {
  const values = samples.filter((v): v is number => v !== null);
  const missed = samples.length - values.length;
  const finite = (v: number) => (Number.isFinite(v) ? round(v) : null);
  return {
    count: samples.length,
    missed,
    p50: finite(quantile(values, 0.5, missed)),
    p99: finite(quantile(values, 0.99, missed)),
    max: values.length > 0 ? round(Math.max(...values)) : null,
    samples: samples.map((v) => (v === null ? null : round(v))),
  };
}
