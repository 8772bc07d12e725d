/**
 * `npm run bench`: the whole app as a black box (the headless host, configured by a file to sign
 * in to a local Voicenter server, with a recording notifier and its window in Chromium), under
 * the traffic of accounts of 50 to 5,000 extensions. See benchmarks/README.md.
 *
 *   npm run bench                                   # everything, 5 to 8 minutes
 *   npm run bench -- --only ingest --sizes 50,500   # one part, some sizes
 *   npm run bench -- --help
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RENDERER_DIR } from './app';
import { runBoard } from './board';
import { runIngest } from './ingest';
import { runLatency } from './latency';
import {
  evaluateTargets,
  machineInfo,
  printSummary,
  writeResults,
  type RunResults,
} from './report';
import { runSoak } from './soak';
import { launchBrowser, type Browser } from './window';

const PARTS = ['ingest', 'latency', 'soak', 'board'] as const;
type Part = (typeof PARTS)[number];

const HELP = `npm run bench -- [options]

  --only <parts>          ingest,latency,soak,board (default: all four)
  --sizes <list>          ingest account sizes (default 50,500,5000)
  --events <n>            ingest stream length (default 100000)
  --rounds <n>            ingest rounds per size, the sizes taking turns; the median counts (default 3)
  --ingest-timeout <s>    how long the app may take per size (default 40)
  --latency-extensions <n> (default 5000)
  --calls <n>             calls per latency condition (default 200)
  --rate <n>              background events per second under load (default 1000)
  --latency-max <s>       time cap per latency condition (default 75)
  --soak-extensions <n>   (default 5000)
  --soak-events <n>       (default 1000000)
  --soak-max <s>          time cap of the soak; the trend is extrapolated (default 150)
  --board-extensions <n>  the team board's account (default 5000)
  --board-rate <n>        background events per second with the board open (default 1000)
  --board-seconds <s>     how long the board is scrolled and measured (default 30)
  --no-window             no Chromium: main side only, no window latency, no board
  --no-build              skip "electron-vite build" (the window then runs out/renderer as it is)
  --label <text>          added to the result file's name and contents (e.g. before, after)
  --out <dir>             where the JSON goes (default benchmarks/results)
`;

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: PARTS.join(',') },
    sizes: { type: 'string', default: '50,500,5000' },
    events: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    'ingest-timeout': { type: 'string', default: '40' },
    'latency-extensions': { type: 'string', default: '5000' },
    calls: { type: 'string', default: '200' },
    rate: { type: 'string', default: '1000' },
    'latency-max': { type: 'string', default: '75' },
    'soak-extensions': { type: 'string', default: '5000' },
    'soak-events': { type: 'string', default: '1000000' },
    'soak-max': { type: 'string', default: '150' },
    'board-extensions': { type: 'string', default: '5000' },
    'board-rate': { type: 'string', default: '1000' },
    'board-seconds': { type: 'string', default: '30' },
    'no-window': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    out: { type: 'string', default: 'benchmarks/results' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function count(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

const parts = values.only.split(',').map((p) => p.trim());
for (const p of parts) {
  if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only: unknown part "${p}"`);
}
const wants = (part: Part) => parts.includes(part);
const options = {
  parts,
  sizes: values.sizes.split(',').map((s) => count('sizes', s.trim())),
  events: count('events', values.events),
  rounds: count('rounds', values.rounds),
  ingestTimeoutS: count('ingest-timeout', values['ingest-timeout']),
  latencyExtensions: count('latency-extensions', values['latency-extensions']),
  calls: count('calls', values.calls),
  rate: count('rate', values.rate),
  latencyMaxS: count('latency-max', values['latency-max']),
  soakExtensions: count('soak-extensions', values['soak-extensions']),
  soakEvents: count('soak-events', values['soak-events']),
  soakMaxS: count('soak-max', values['soak-max']),
  boardExtensions: count('board-extensions', values['board-extensions']),
  boardRate: count('board-rate', values['board-rate']),
  boardSeconds: count('board-seconds', values['board-seconds']),
  window: !values['no-window'],
};

// The window must run the renderer of the code under test: a stale build would measure (or
// break on) yesterday's renderer against today's main side.
if (options.window && !values['no-build']) {
  console.log('building the renderer (electron-vite build)…');
  try {
    execFileSync('npx', ['electron-vite', 'build'], { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    console.error(`electron-vite build failed:\n${stderr}`);
    process.exit(1);
  }
}
if (options.window && !existsSync(join(RENDERER_DIR, 'index.html'))) {
  console.error(`The built renderer is missing (${RENDERER_DIR}): run "npx electron-vite build".`);
  process.exit(1);
}

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const results: RunResults = {
  label: values.label,
  date: new Date().toISOString(),
  machine: machineInfo(),
  options,
  errors: {},
};

let browser: Browser | null = null;
if (options.window) {
  const launched = await launchBrowser();
  if (typeof launched === 'string') {
    log(`no window: ${launched}`);
    results.errors['window'] = launched;
  } else {
    browser = launched;
  }
}

/** Runs one part; a part that fails is reported and the others still run. */
async function part(name: Part, run: () => Promise<void>): Promise<void> {
  if (!wants(name)) return;
  log(`${name}…`);
  try {
    await run();
  } catch (error) {
    results.errors[name] = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${results.errors[name]}`);
  }
}

try {
  await part('ingest', async () => {
    results.ingest = await runIngest({
      sizes: options.sizes,
      rounds: options.rounds,
      events: options.events,
      probes: 50,
      timeoutMs: options.ingestTimeoutS * 1000,
      browser,
      log,
    });
  });
  await part('latency', async () => {
    results.latency = await runLatency({
      extensions: options.latencyExtensions,
      calls: options.calls,
      maxMs: options.latencyMaxS * 1000,
      perCallMs: 2_000,
      gapMs: 100,
      backgroundRate: options.rate,
      tailMs: 5_000,
      browser,
      log,
    });
  });
  await part('soak', async () => {
    results.soak = await runSoak({
      extensions: options.soakExtensions,
      events: options.soakEvents,
      maxMs: options.soakMaxS * 1000,
      sampleEveryMs: 2_000,
      browser,
      log,
    });
  });
  await part('board', async () => {
    if (!browser) throw new Error('the board is measured in the window, and there is none');
    results.board = await runBoard({
      extensions: options.boardExtensions,
      rate: options.boardRate,
      durationMs: options.boardSeconds * 1000,
      scrollPerFrame: 40,
      sampleEveryMs: 5_000,
      browser,
      log,
    });
  });
} finally {
  await browser?.close();
}

results.durationMs = Date.now() - started;
results.machine['loadAverageAtEnd'] = loadavg().map((v) => Math.round(v * 100) / 100);
results.targets = evaluateTargets(results);
printSummary(results);
const file = await writeResults(resolve(values.out), results);
console.log(`\nResults: ${file} (${(results.durationMs / 1000).toFixed(0)} s)`);
// Chromium's and the children's handles are closed; anything left is not worth waiting for.
process.exit(0);
