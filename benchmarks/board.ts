/**
 * The team board in the window: the app signed in to an account of N extensions (5,000) under a
 * steady background of other extensions' events (1,000 per second), the board open in Chromium
 * and scrolled without pause, as a team lead skimming it would. The page measures itself:
 * animation-frame intervals, long tasks (PerformanceObserver `longtask`: main-thread tasks over
 * 50 ms), and the heap after a full GC (over CDP) at the start, every few seconds, and at the end.
 */
import type { Page } from 'playwright-core';
import { startApp, warmUp, type RunningChild } from './app';
import { round, sleep, startBackground } from './background';
import { hrtimeMs } from './protocol';
import { startBenchServer, type BenchServer } from './server';
import { linearFit, quantile } from './stats';
import { chromiumCpuMs, type Browser } from './window';

export interface BoardOptions {
  extensions: number;
  /** Background events per second while the board is measured. */
  rate: number;
  durationMs: number;
  /** Pixels the list scrolls per animation frame. */
  scrollPerFrame: number;
  sampleEveryMs: number;
  browser: Browser;
  log: (line: string) => void;
}

/** One condition: the board open and scrolling, with or without background traffic. */
export interface BoardRun {
  backgroundTarget: number;
  backgroundAchieved: number;
  durationMs: number;
  frames: {
    count: number;
    /** Interval between animation frames, ms. */
    p50: number;
    p99: number;
    max: number;
    /** Frames that came later than one 60 Hz frame allows (interval over 16.7 ms × 1.5: a missed frame). */
    over16: number;
    over16Share: number;
  };
  /**
   * The board's own work per frame (the store's 'board-frame' measure: the changed records into
   * the model, and the rows on screen patched), ms, and the records changed per frame.
   */
  boardWork: {
    frames: number;
    p50: number;
    p99: number;
    max: number;
    changedPerFrame: number;
  };
  longTasks: {
    count: number;
    longestMs: number | null;
    totalMs: number;
    /** Long tasks that were the heap samples' own forced GCs (not counted above). */
    duringForcedGc: number;
    /** The most board work (its frame measures) found inside any one long task, ms. */
    boardWorkInsideMaxMs: number;
  };
  /** Board rows in the DOM, the most seen at any sample. */
  maxRowsInDom: number;
  heap: {
    /** JS heap used after a full GC, bytes. */
    start: number;
    end: number;
    /** Least-squares growth over the run, bytes per minute. */
    perMinute: number;
    samples: { atMs: number; used: number }[];
  };
  /** The page's main thread: busy seconds per second (task, script, layout, style). */
  mainThread: Record<string, number>;
  /** Chromium's CPU over the measured run, in cores. */
  windowCores: number | null;
}

export interface BoardResult {
  extensions: number;
  /** Extensions the board listed when it opened. */
  listed: number;
  /** Scrolling with no background traffic: what the machine and the scrolling cost alone. */
  control: BoardRun;
  /** Scrolling under the background traffic: the condition the targets are about. */
  load: BoardRun;
}

/** In the page: frame intervals, long tasks, and the scrolling. Plain JavaScript (see window.ts). */
const INSTRUMENT = (scrollPerFrame: number) => `(() => {
  const state = { frames: [], longTasks: [], boardFrames: [], maxRows: 0, running: true };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'board-frame') {
        state.boardFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          changed: entry.detail?.changed ?? 0,
        });
      }
    }
  }).observe({ type: 'measure' });
  window.__benchBoard = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask' });
  const list = document.querySelector('[data-testid="board-list"]');
  let last = performance.now();
  let down = true;
  const frame = (now) => {
    if (!state.running) return;
    state.frames.push(now - last);
    last = now;
    if (state.frames.length % 30 === 0) {
      const rows = document.querySelectorAll('[data-testid="board-row"]').length;
      if (rows > state.maxRows) state.maxRows = rows;
    }
    if (list) {
      const end = list.scrollHeight - list.clientHeight;
      if (list.scrollTop >= end - 1) down = false;
      if (list.scrollTop <= 0) down = true;
      list.scrollTop += down ? ${scrollPerFrame} : -${scrollPerFrame};
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

interface PageState {
  frames: number[];
  maxRows: number;
  boardFrames: { start: number; duration: number; changed: number }[];
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __benchBoard?: PageState & { running: boolean };
  }
}

const FRAME_60HZ_MS = 1000 / 60;

export async function runBoard(options: BoardOptions): Promise<BoardResult> {
  const server = await startBenchServer({ extensions: options.extensions, seed: 'board' });
  const connected = server.nextClient(60_000);
  let app: RunningChild | null = null;
  let page: Page | null = null;
  try {
    app = await startApp(server);
    await connected;
    await warmUp(server, app.child, null);
    page = await options.browser.newPage();
    await page.goto(app.url);
    await page.getByTestId('screen-board').click({ timeout: 60_000 });
    await page.waitForFunction(
      (n) =>
        (document.querySelector('[data-testid="board-count"]')?.textContent ?? '').replace(
          /\D/g,
          '',
        ) === String(n),
      options.extensions + 3,
      { timeout: 60_000 },
    );
    const listed = Number(
      ((await page.getByTestId('board-count').textContent()) ?? '').replace(/\D/g, ''),
    );
    const control = await measure(page, server, { ...options, rate: 0 });
    const load = await measure(page, server, options);
    for (const [name, run] of [
      ['control', control],
      ['load', load],
    ] as const) {
      options.log(
        `board ${name} (${Math.round(run.backgroundAchieved)} ev/s): ${run.frames.count} frames, ` +
          `${run.frames.over16} missed a 60 Hz frame; board work p99 ${run.boardWork.p99} ms; ` +
          `${run.longTasks.count} long tasks (longest ${run.longTasks.longestMs ?? '-'} ms); ` +
          `heap ${mib(run.heap.start)} -> ${mib(run.heap.end)} MiB; ${run.maxRowsInDom} rows in the DOM`,
      );
    }
    return { extensions: options.extensions, listed, control, load };
  } finally {
    await page?.close().catch(() => undefined);
    await app?.stop();
    await server.stop();
  }
}

async function measure(page: Page, server: BenchServer, options: BoardOptions): Promise<BoardRun> {
  const cdp = await page.context().newCDPSession(page);
  // A full GC asked for over CDP is itself a long task on the page's main thread: the spans of
  // those GCs (page clock) are noted, and long tasks inside them are not the board's.
  const forcedGcs: { from: number; to: number }[] = [];
  const pageNow = () => page.evaluate(() => performance.now());
  const heapUsed = async (): Promise<number> => {
    const from = await pageNow();
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    forcedGcs.push({ from, to: await pageNow() });
    return usage.usedSize;
  };
  await cdp.send('Performance.enable');
  const metrics = async (): Promise<Record<string, number>> => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
  const background = options.rate > 0 ? startBackground(server, options.rate) : null;
  // Into the steady state (the first pushes, the JIT) before anything is measured.
  await sleep(3_000);
  const startedAt = hrtimeMs();
  const cpuBefore = chromiumCpuMs();
  const samples: { atMs: number; used: number }[] = [{ atMs: 0, used: await heapUsed() }];
  await page.evaluate(INSTRUMENT(options.scrollPerFrame));
  const metricsBefore = await metrics();
  // Nothing but the heap samples reaches into the page while it is measured (a Playwright locator
  // would inject and compile its own script there: a long task that is not the board's).
  while (hrtimeMs() - startedAt < options.durationMs) {
    await sleep(options.sampleEveryMs);
    samples.push({ atMs: hrtimeMs() - startedAt, used: await heapUsed() });
  }
  const state = await page.evaluate(() => {
    const s = window.__benchBoard;
    if (!s) return null;
    s.running = false;
    return {
      frames: s.frames,
      longTasks: s.longTasks,
      boardFrames: s.boardFrames,
      maxRows: s.maxRows,
    };
  });
  const metricsAfter = await metrics();
  const durationMs = hrtimeMs() - startedAt;
  const cpuAfter = chromiumCpuMs();
  const achieved = background?.stop() ?? 0;
  await cdp.detach().catch(() => undefined);
  if (!state) throw new Error('the board page lost its instrumentation');
  // Seconds of the page's main thread per second of the run, by kind (Chromium's own counters).
  const mainThread = Object.fromEntries(
    ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].map((name) => [
      name,
      round(((metricsAfter[name] ?? 0) - (metricsBefore[name] ?? 0)) / (durationMs / 1000), 3),
    ]),
  );
  // The first interval spans the evaluate call, not a frame.
  const frames = state.frames.slice(1);
  const kept = state.longTasks.filter(
    (t) => !forcedGcs.some((gc) => t.start >= gc.from && t.start <= gc.to),
  );
  const longTasks = kept.map((t) => t.duration);
  // How much of each long task was the board's own work (its frame measures inside the task).
  const boardShare = kept.map((t) =>
    state.boardFrames
      .filter((f) => f.start >= t.start && f.start < t.start + t.duration)
      .reduce((sum, f) => sum + f.duration, 0),
  );
  const over16 = frames.filter((f) => f > FRAME_60HZ_MS * 1.5).length;
  const fit = linearFit(samples.map((s) => ({ x: s.atMs, y: s.used })));
  return {
    backgroundTarget: options.rate,
    backgroundAchieved: achieved,
    durationMs: Math.round(durationMs),
    frames: {
      count: frames.length,
      p50: round(quantile(frames, 0.5)),
      p99: round(quantile(frames, 0.99)),
      max: round(Math.max(0, ...frames)),
      over16,
      over16Share: frames.length === 0 ? 0 : round(over16 / frames.length, 4),
    },
    boardWork: boardWork(state.boardFrames),
    longTasks: {
      count: longTasks.length,
      longestMs: longTasks.length > 0 ? round(Math.max(...longTasks)) : null,
      totalMs: round(longTasks.reduce((a, b) => a + b, 0)),
      duringForcedGc: state.longTasks.length - longTasks.length,
      boardWorkInsideMaxMs: round(Math.max(0, ...boardShare)),
    },
    maxRowsInDom: state.maxRows,
    heap: {
      start: samples[0]?.used ?? 0,
      end: samples.at(-1)?.used ?? 0,
      perMinute: Number.isFinite(fit.slope) ? Math.round(fit.slope * 60_000) : 0,
      samples,
    },
    mainThread,
    windowCores:
      cpuBefore === null || cpuAfter === null
        ? null
        : round((cpuAfter - cpuBefore) / durationMs, 3),
  };
}

function boardWork(entries: { duration: number; changed: number }[]): BoardRun['boardWork'] {
  if (entries.length === 0) return { frames: 0, p50: 0, p99: 0, max: 0, changedPerFrame: 0 };
  const durations = entries.map((e) => e.duration);
  const changed = entries.filter((e) => e.changed >= 0).map((e) => e.changed);
  return {
    frames: entries.length,
    p50: round(quantile(durations, 0.5)),
    p99: round(quantile(durations, 0.99)),
    max: round(Math.max(0, ...durations)),
    changedPerFrame: round(changed.reduce((a, b) => a + b, 0) / Math.max(1, changed.length), 1),
  };
}

export function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}
