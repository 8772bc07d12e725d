/**
 * `npm run bench`: how much the app's realtime pipeline costs, as ratios against a baseline
 * measured in the same run on the same data (these machines are shared and noisy, so absolute
 * times mean little; a ratio moves only when our code does).
 *
 * 1. Edge + state: each recorded wire event through `parse` + `reduceCallState`, against the
 *    baseline of decoding the same payload once more (`JSON.parse(JSON.stringify(p))`, the work
 *    socket.io does for every event anyway). Run with boards of 10, 100 and 1000 extensions, so a
 *    reducer that scales with the board size shows up as a growing ratio. The two halves are
 *    also timed alone (parse only; reduce only, over events parsed beforehand) to show which one
 *    moved.
 * 2. Snapshot push: building the renderer's snapshot and serialising it (what crosses IPC on each
 *    change), against serialising the server's own `AllExtensionsStatus` payload for that board.
 *
 * The traffic is real: the demo service's load mode, recorded from its socket.io server.
 */
import { performance } from 'node:perf_hooks';
import { createEventParser } from '../shared/voicenter/parse';
import { initialCallState, reduceCallState } from '../shared/calls/reducer';
import type { CallState, RealtimeEvent } from '../shared/domain/calls';
import { startVoicenterSim, type EmittedEvent, type LoadRun } from '../electron/sim/voicenter';

const ROUNDS = 7;

interface Recorded {
  name: string;
  payload: unknown;
}

async function record(
  extensions: number,
  events: number,
): Promise<{ events: Recorded[]; snapshotPayload: unknown }> {
  const sim = await startVoicenterSim({ seed: 'bench' });
  const recorded: Recorded[] = [];
  let run: LoadRun | null = null;
  // The load is paced by the clock, so a busy machine would emit fewer events before the time
  // is up and end early with its closing hang-ups. Instead it runs fast with time to spare and is
  // stopped once enough events are in: the same traffic however loaded the machine is.
  const off = sim.onEvent((e: EmittedEvent) => {
    if (e.event !== 'ExtensionEvent' || recorded.length >= events) return;
    recorded.push({ name: e.event, payload: e.payload });
    if (recorded.length === events) setImmediate(() => run?.stop());
  });
  run = sim.startLoad({ extensions, eventsPerSecond: 100_000, durationMs: 600_000 });
  await run.done;
  off();
  // The snapshot a fresh connection would get, with the whole load board.
  const board = sim.snapshot();
  await sim.stop();
  return {
    events: recorded,
    snapshotPayload: {
      errorCode: 0,
      servertime: 0,
      servertimeoffset: 120,
      extensions: board.extensions,
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Alternates baseline and measured rounds so drift in machine load hits both alike. */
function compare(
  baseline: () => void,
  measured: () => void,
): { baselineMs: number; measuredMs: number; ratio: number } {
  baseline();
  measured(); // warm-up
  const b: number[] = [];
  const m: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    b.push(time(baseline));
    m.push(time(measured));
  }
  const baselineMs = median(b);
  const measuredMs = median(m);
  return { baselineMs, measuredMs, ratio: measuredMs / baselineMs };
}

function pipeline(events: Recorded[], snapshotPayload: unknown): CallState {
  const parser = createEventParser();
  let state = initialCallState([]);
  const boot = parser.parse('AllExtensionsStatus', snapshotPayload);
  if (boot.ok) state = reduceCallState(state, boot.event);
  for (const { name, payload } of events) {
    const parsed = parser.parse(name, payload);
    if (parsed.ok) state = reduceCallState(state, parsed.event);
  }
  return state;
}

function parseAll(events: Recorded[]): RealtimeEvent[] {
  const parser = createEventParser();
  const out: RealtimeEvent[] = [];
  for (const { name, payload } of events) {
    const parsed = parser.parse(name, payload);
    if (parsed.ok) out.push(parsed.event);
  }
  return out;
}

function reduceAll(boot: RealtimeEvent | null, events: RealtimeEvent[]): CallState {
  let state = initialCallState([]);
  if (boot) state = reduceCallState(state, boot);
  for (const event of events) state = reduceCallState(state, event);
  return state;
}

const rows: string[][] = [];
for (const extensions of [10, 100, 1000]) {
  const { events, snapshotPayload } = await record(extensions, 5_000);
  let sink = 0;
  const edge = compare(
    () => {
      for (const { payload } of events)
        sink += (JSON.parse(JSON.stringify(payload)) as object) ? 1 : 0;
    },
    () => {
      sink += Object.keys(pipeline(events, snapshotPayload).activeCalls).length;
    },
  );
  const decode = () => {
    for (const { payload } of events)
      sink += (JSON.parse(JSON.stringify(payload)) as object) ? 1 : 0;
  };
  const parseOnly = compare(decode, () => {
    sink += parseAll(events).length;
  });
  const bootParsed = createEventParser().parse('AllExtensionsStatus', snapshotPayload);
  const boot = bootParsed.ok ? bootParsed.event : null;
  const parsedEvents = parseAll(events);
  const reduceOnly = compare(decode, () => {
    sink += Object.keys(reduceAll(boot, parsedEvents).activeCalls).length;
  });
  const state = pipeline(events, snapshotPayload);
  const push = compare(
    () => {
      sink += JSON.stringify(snapshotPayload).length;
    },
    () => {
      sink += JSON.stringify({ calls: state, now: Date.now() }).length;
    },
  );
  if (sink < 0) console.log(sink);
  rows.push([
    String(extensions),
    String(events.length),
    `${edge.ratio.toFixed(2)}x`,
    `${((edge.measuredMs * 1000) / events.length).toFixed(1)} µs`,
    `${parseOnly.ratio.toFixed(2)}x`,
    `${reduceOnly.ratio.toFixed(2)}x`,
    String(Object.keys(state.activeCalls).length),
    `${push.ratio.toFixed(2)}x`,
  ]);
}

const header = [
  'extensions',
  'events',
  'parse+reduce / decode',
  'per event (this run)',
  'parse / decode',
  'reduce / decode',
  'active calls',
  'snapshot push / raw snapshot',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(
  `\nRingside realtime pipeline (median of ${ROUNDS} rounds; ratios are the result, times are context)\n`,
);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
console.log('');
