/** What a run found: the targets with pass or fail, a summary for the terminal, the JSON file. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { boardSummary, boardTargets, type BoardResult } from './board-report';
import type { IngestResult } from './ingest';
import type { LatencyCondition, LatencyResult } from './latency';
import type { SoakResult } from './soak';

export interface RunResults {
  label: string;
  date: string;
  machine: Record<string, unknown>;
  options: Record<string, unknown>;
  durationMs?: number;
  ingest?: IngestResult[];
  latency?: LatencyResult;
  soak?: SoakResult;
  board?: BoardResult;
  /** A part that could not run to its end, with why. */
  errors: Record<string, string>;
  targets?: Target[];
}

export interface Target {
  target: string;
  measured: string;
  /** null: not measured in this run (the part was skipped, or run at another size). */
  pass: boolean | null;
}

const BIG = 5_000;
const SMALL = 50;

export function machineInfo(): Record<string, unknown> {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: (git(['status', '--porcelain', '--untracked-files=no']) ?? '')
      .split('\n')
      .filter(Boolean).length,
  };
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function evaluateTargets(results: RunResults): Target[] {
  const ingestAt = (n: number) => results.ingest?.find((r) => r.extensions === n);
  const big = ingestAt(BIG);
  const small = ingestAt(SMALL);
  const latency = results.latency?.extensions === BIG ? results.latency : undefined;
  const idle = latency?.conditions.find((c) => c.name === 'idle');
  const load = latency?.conditions.find((c) => c.name === 'load' && c.backgroundTarget >= 1_000);
  const soak = results.soak?.extensions === BIG ? results.soak : undefined;

  const cpuBig = big?.app.cpuUsPerEvent ?? null;
  const cpuSmall = small?.app.cpuUsPerEvent ?? null;
  const cpuGrowth = cpuBig !== null && cpuSmall !== null ? cpuBig / cpuSmall : null;
  return [
    {
      target: 'pipeline / bare rate >= 0.5 at 5,000 extensions',
      measured: big
        ? `${big.rateRatio.toFixed(3)}${big.app.outcome === 'missed' ? ' (upper bound)' : ''}`
        : '-',
      pass: big ? big.rateRatio >= 0.5 : null,
    },
    {
      target: 'CPU per event at 5,000 extensions <= 1.25x that at 50',
      measured:
        cpuGrowth !== null
          ? `${cpuGrowth.toFixed(2)}x`
          : big?.app.outcome === 'missed'
            ? 'unknown: no call got through at 5,000'
            : '-',
      // An app that got no call through at 5,000 in the time given is far off the mark.
      pass: cpuGrowth !== null ? cpuGrowth <= 1.25 : big?.app.outcome === 'missed' ? false : null,
    },
    p99Target('NEWCALL -> notifier p99 < 20 ms, idle, 5,000 extensions', idle, 'notifier', 20),
    p99Target(
      'NEWCALL -> notifier p99 < 50 ms under 1,000 ev/s, 5,000 extensions',
      load,
      'notifier',
      50,
    ),
    p99Target(
      'NEWCALL -> number in the window p99 < 100 ms under 1,000 ev/s',
      load,
      'windowFrame',
      100,
    ),
    {
      target: 'heap flat after warm-up over the soak at 5,000 extensions',
      measured: soak?.heapUsed
        ? `${(soak.heapUsed.per1MEvents / 2 ** 20).toFixed(1)} MiB per 1M events${soak.bounded ? ` (extrapolated from ${soak.eventsSent} events)` : ''}`
        : '-',
      pass: soak?.flat ?? null,
    },
    ...boardTargets(results.board),
  ];
}

function p99Target(
  target: string,
  condition: LatencyCondition | undefined,
  key: 'notifier' | 'windowFrame',
  limitMs: number,
): Target {
  const d = condition?.[key];
  if (!d) return { target, measured: '-', pass: null };
  return {
    target,
    measured: d.p99 === null ? `missed (${d.missed}/${d.count} calls)` : `${d.p99.toFixed(1)} ms`,
    pass: d.p99 !== null && d.p99 < limitMs,
  };
}

/** Written the way prettier would, so a result that is committed passes `prettier --check`. */
export async function writeResults(dir: string, results: RunResults): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  const file = join(dir, `${stamp}${results.label ? `-${results.label}` : ''}.json`);
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(
    file,
    await prettier.format(JSON.stringify(results), { ...config, filepath: file }),
  );
  return file;
}

export function printSummary(results: RunResults): void {
  const lines: string[] = [''];
  if (results.ingest?.length) {
    lines.push(
      'Ingest (flood; app = headless host until its last call reaches the notifier; each size in',
      'rounds taking turns with the others: app / bare is their median, the other figures are',
      'those of the round with the median CPU per event)',
    );
    lines.push(
      table(
        [
          'extensions',
          'app ev/s',
          'bare ev/s',
          'app / bare',
          'rounds',
          'app CPU/event',
          'rounds',
          'bare CPU/event',
          'window CPU',
          'outcome',
        ],
        results.ingest.map((r) => [
          String(r.extensions),
          `${r.app.outcome === 'missed' ? '<= ' : ''}${Math.round(r.app.eventsPerSecond)}`,
          String(Math.round(r.bareEventsPerSecond)),
          r.rateRatio.toFixed(3),
          r.rounds.map((round) => round.rateRatio.toFixed(2)).join(' '),
          r.app.cpuUsPerEvent === null ? '-' : `${r.app.cpuUsPerEvent.toFixed(1)} µs`,
          r.rounds.map((round) => round.app.cpuUsPerEvent?.toFixed(1) ?? '-').join(' '),
          `${(r.bare.reduce((a, b) => a + (b.cpuUsPerEvent ?? 0), 0) / r.bare.length).toFixed(1)} µs`,
          r.app.windowCores === null ? '-' : `${r.app.windowCores.toFixed(2)} cores`,
          `${r.app.outcome} (${r.app.events} events)`,
        ]),
      ),
    );
  }
  if (results.latency) {
    lines.push('', `Alert latency at ${results.latency.extensions} extensions (ms)`);
    const cell = (v: number | null) => (v === null ? 'missed' : v.toFixed(1));
    lines.push(
      table(
        ['condition', 'calls', 'notifier p50', 'p99', 'missed', 'window p50', 'p99', 'missed'],
        results.latency.conditions.map((c) => [
          `${c.name} (${Math.round(c.backgroundAchieved)} ev/s)`,
          String(c.notifier.count),
          cell(c.notifier.p50),
          cell(c.notifier.p99),
          String(c.notifier.missed),
          c.windowFrame ? cell(c.windowFrame.p50) : '-',
          c.windowFrame ? cell(c.windowFrame.p99) : '-',
          c.windowFrame ? String(c.windowFrame.missed) : '-',
        ]),
      ),
    );
  }
  if (results.soak) {
    const s = results.soak;
    const mib = (v: number | undefined) => (v === undefined ? '?' : (v / 2 ** 20).toFixed(1));
    lines.push(
      '',
      `Soak at ${s.extensions} extensions: ${s.eventsSent} events in ${(s.elapsedMs / 1000).toFixed(0)} s (${Math.round(s.eventsPerSecond)} ev/s)${s.bounded ? ', bounded by time: trends extrapolated' : ''}`,
      `  heapUsed after GC ${mib(s.heapUsed?.early)} -> ${mib(s.heapUsed?.late)} MiB, ${mib(s.heapUsed?.per1MEvents)} MiB per 1M events`,
      `  rss               ${mib(s.rss?.early)} -> ${mib(s.rss?.late)} MiB, ${mib(s.rss?.per1MEvents)} MiB per 1M events`,
      `  app CPU per event ${s.cpuUsPerEvent === null ? '?' : `${s.cpuUsPerEvent.toFixed(1)} µs`}; ${s.samples.length} samples${s.missedSamples ? `, ${s.missedSamples} not answered in time` : ''}`,
    );
  }
  if (results.board) lines.push('', ...boardSummary(results.board));
  for (const [part, message] of Object.entries(results.errors)) {
    lines.push('', `${part} did not finish: ${message}`);
  }
  if (results.targets) {
    lines.push('', 'Targets');
    lines.push(
      table(
        ['target', 'measured', 'result'],
        results.targets.map((t) => [
          t.target,
          t.measured,
          t.pass === null ? 'not measured' : t.pass ? 'PASS' : 'FAIL',
        ]),
      ),
    );
  }
  console.log(lines.join('\n'));
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
