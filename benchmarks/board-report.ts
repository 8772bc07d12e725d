/** The team board's targets and summary lines, for report.ts. */
import { mib, type BoardResult } from './board';

export type { BoardResult } from './board';

const BIG = 5_000;
/** Flat: under 1 MiB a minute after a full GC at every sample (what an open board keeps). */
const FLAT_BYTES_PER_MINUTE = 2 ** 20;

export function boardTargets(
  board: BoardResult | undefined,
): { target: string; measured: string; pass: boolean | null }[] {
  const at =
    board && board.extensions === BIG && board.load.backgroundTarget >= 1_000 ? board.load : null;
  return [
    {
      target: 'board open and scrolling, 5,000 extensions, 1,000 ev/s: no long task over 50 ms',
      measured: at
        ? at.longTasks.count === 0
          ? 'none'
          : `${at.longTasks.count}, longest ${at.longTasks.longestMs} ms (control without traffic: ${board?.control.longTasks.count ?? '?'})`
        : '-',
      pass: at ? at.longTasks.count === 0 : null,
    },
    {
      target: 'board open and scrolling: window heap flat',
      measured: at
        ? `${mib(at.heap.start)} -> ${mib(at.heap.end)} MiB, ${mib(at.heap.perMinute)} MiB/min`
        : '-',
      pass: at ? at.heap.perMinute < FLAT_BYTES_PER_MINUTE : null,
    },
  ];
}

export function boardSummary(board: BoardResult): string[] {
  const lines = [
    `Team board at ${board.extensions} extensions (${board.listed} listed), scrolling`,
  ];
  for (const [name, b] of [
    ['control, no traffic', board.control],
    ['under traffic', board.load],
  ] as const) {
    lines.push(
      `  ${name} (${Math.round(b.backgroundAchieved)} ev/s, ${(b.durationMs / 1000).toFixed(0)} s)`,
      `    frames ${b.frames.count}: interval p50 ${b.frames.p50} ms, p99 ${b.frames.p99} ms, max ${b.frames.max} ms; over 16 ms (a missed 60 Hz frame) ${b.frames.over16} (${(b.frames.over16Share * 100).toFixed(1)}%)`,
      b.boardWork.frames === 0
        ? '    board work: none (no record changed)'
        : `    board work per frame (model + rows on screen): p50 ${b.boardWork.p50} ms, p99 ${b.boardWork.p99} ms, max ${b.boardWork.max} ms over ${b.boardWork.frames} frames, ${b.boardWork.changedPerFrame} records changed per frame`,
      `    long tasks ${b.longTasks.count}${b.longTasks.longestMs === null ? '' : `, longest ${b.longTasks.longestMs} ms, ${b.longTasks.totalMs} ms in all; the board's own work inside any of them at most ${b.longTasks.boardWorkInsideMaxMs} ms`}`,
      `    page main thread busy ${Object.entries(b.mainThread)
        .map(([k, v]) => `${k.replace('Duration', '')} ${(v * 100).toFixed(1)}%`)
        .join(', ')}`,
      `    heap after GC ${mib(b.heap.start)} -> ${mib(b.heap.end)} MiB (${mib(b.heap.perMinute)} MiB/min); at most ${b.maxRowsInDom} rows in the DOM; window CPU ${b.windowCores === null ? '?' : `${b.windowCores} cores`}`,
    );
  }
  return lines;
}
