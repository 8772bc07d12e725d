/**
 * Recovery times: from the moment a fault is injected (or ends) to the moment the app is whole
 * again as the agent would see it. Each file prints its table when it ends and adds its rows to
 * `test-results/faults/recovery-times.json`. They are reported, never asserted: timings on shared
 * machines are noise, behaviour is what the tests check.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const RECOVERY_TIMES_FILE = resolve('test-results/faults/recovery-times.json');

export interface RecoveryTime {
  /** The test file's subject ("voicenter", "rest", ...). */
  suite: string;
  scenario: string;
  /** What the clock started on: the fault injected, or the fault ended. */
  from: string;
  /** What it stopped on: the observable recovery. */
  to: string;
  ms: number;
  measuredAt: string;
}

export interface Stopwatch {
  /** Records the time since `start` under the scenario; answers it in ms. */
  stop(to: string): number;
}

export interface RecoveryTimes {
  start(scenario: string, from: string): Stopwatch;
}

/** Call once at file level: the rows it collects are printed and saved after the file's tests. */
export function useRecoveryTimes(suite: string): RecoveryTimes {
  const rows: RecoveryTime[] = [];
  afterAll(() => {
    if (rows.length === 0) return;
    console.log(formatTable(suite, rows));
    saveRows(suite, rows);
  });
  return {
    start(scenario, from) {
      const started = performance.now();
      return {
        stop(to) {
          const ms = Math.round(performance.now() - started);
          rows.push({ suite, scenario, from, to, ms, measuredAt: new Date().toISOString() });
          return ms;
        },
      };
    },
  };
}

export function formatTable(suite: string, rows: readonly RecoveryTime[]): string {
  const header = ['scenario', 'from', 'to', 'ms'];
  const cells = rows.map((row) => [row.scenario, row.from, row.to, String(row.ms)]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((cell) => (cell[i] ?? '').length)),
  );
  const line = (cell: string[]) =>
    `| ${cell.map((text, i) => (i === 3 ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [`\nrecovery times (${suite}):`, line(header), rule, ...cells.map(line), ''].join('\n');
}

/**
 * Replaces this suite's rows in the shared file. The fault suite runs its files one at a time
 * (vitest.config.ts), so the read and the write cannot interleave with another file's.
 */
function saveRows(suite: string, rows: readonly RecoveryTime[]): void {
  let kept: RecoveryTime[] = [];
  if (existsSync(RECOVERY_TIMES_FILE)) {
    try {
      const previous = JSON.parse(readFileSync(RECOVERY_TIMES_FILE, 'utf8')) as {
        times?: RecoveryTime[];
      };
      kept = (previous.times ?? []).filter((row) => row.suite !== suite);
    } catch {
      // A damaged file from an interrupted run is replaced.
    }
  }
  mkdirSync(dirname(RECOVERY_TIMES_FILE), { recursive: true });
  const times = [...kept, ...rows];
  writeFileSync(RECOVERY_TIMES_FILE, `${JSON.stringify({ times }, null, 2)}\n`);
}
