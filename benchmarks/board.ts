/**
 * The team board in the window: the app signed in to an account of N extensions (5,000) under a
 * steady background of other extensions' events (1,000 per second), the board open in Chromium
 * and scrolled without pause, as a team lead skimming it would. The page measures itself:
 * animation-frame intervals, long tasks (PerformanceObserver `longtask`: main-thread tasks over
 * 50 ms), and the heap after a full GC (over CDP) at the start, every few seconds, and at the end.
 */
import type { Page } from 'playwright-core';
import { startApp, warmUp, type RunningChild } from './app';
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

export interface BoardResult {
  extensions: number;
  /** Extensions the board listed when it opened. */
  listed: number;
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
  longTasks: { count: number; longestMs: number | null; totalMs: number };
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
  /** Chromium's CPU over the measured run, in cores. */
  windowCores: number | null;
}

/** In the page: frame intervals, long tasks, and the scrolling. Plain JavaScript (see window.ts). */
const INSTRUMENT = (scrollPerFrame: number) => `(() => {
  const state = { frames: [], longTasks: [], running: true };
  window.__benchBoard = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  const list = document.querySelector('[data-testid="board-list"]');
  let last = performance.now();
  let down = true;
  const frame = (now) => {
    if (!state.running) return;
    state.frames.push(now - last);
    last = now;
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
  longTasks: number[];
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
    const total = options.extensions + 3;
    const count = page.getByTestId('board-count');
    await page.waitForFunction(
      (n) =>
        (document.querySelector('[data-testid="board-count"]')?.textContent ?? '').replace(
          /\D/g,
          '',
        ) === String(n),
      total,
      { timeout: 60_000 },
    );
    const listed = Number(((await count.textContent()) ?? '').replace(/\D/g, ''));
    const cdp = await page.context().newCDPSession(page);
    const heapUsed = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    };

    const background = startBackground(server, options.rate);
    // Into the steady state (the first pushes, the JIT) before anything is measured.
    await sleep(3_000);
    const startedAt = hrtimeMs();
    const cpuBefore = chromiumCpuMs();
    const samples: { atMs: number; used: number }[] = [{ atMs: 0, used: await heapUsed() }];
    await page.evaluate(INSTRUMENT(options.scrollPerFrame));
    let maxRowsInDom = 0;
    while (hrtimeMs() - startedAt < options.durationMs) {
      await sleep(options.sampleEveryMs);
      maxRowsInDom = Math.max(maxRowsInDom, await page.getByTestId('board-row').count());
      samples.push({ atMs: hrtimeMs() - startedAt, used: await heapUsed() });
    }
    const state = await page.evaluate(() => {
      const s = window.__benchBoard;
      if (!s) return null;
      s.running = false;
      return { frames: s.frames, longTasks: s.longTasks };
    });
    const durationMs = hrtimeMs() - startedAt;
    const cpuAfter = chromiumCpuMs();
    const achieved = background.stop();
    if (!state) throw new Error('the board page lost its instrumentation');
    // The first interval spans the evaluate call, not a frame.
    const frames = state.frames.slice(1);
    const over16 = frames.filter((f) => f > FRAME_60HZ_MS * 1.5).length;
    const fit = linearFit(samples.map((s) => ({ x: s.atMs, y: s.used })));
    const result: BoardResult = {
      extensions: options.extensions,
      listed,
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
      longTasks: {
        count: state.longTasks.length,
        longestMs: state.longTasks.length > 0 ? round(Math.max(...state.longTasks)) : null,
        totalMs: round(state.longTasks.reduce((a, b) => a + b, 0)),
      },
      maxRowsInDom,
      heap: {
        start: samples[0]?.used ?? 0,
        end: samples.at(-1)?.used ?? 0,
        perMinute: Number.isFinite(fit.slope) ? Math.round(fit.slope * 60_000) : 0,
        samples,
      },
      windowCores:
        cpuBefore === null || cpuAfter === null
          ? null
          : round((cpuAfter - cpuBefore) / durationMs, 3),
    };
    options.log(
      `board: ${result.frames.count} frames, ${over16} missed a 60 Hz frame, p99 ${result.frames.p99} ms; ` +
        `${result.longTasks.count} long tasks (longest ${result.longTasks.longestMs ?? '-'} ms); ` +
        `heap ${mib(result.heap.start)} -> ${mib(result.heap.end)} MiB; ${maxRowsInDom} rows in the DOM`,
    );
    return result;
  } finally {
    await page?.close().catch(() => undefined);
    await app?.stop();
    await server.stop();
  }
}

export function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Other extensions' traffic at a steady `rate`, sent as it is due whatever the app keeps up with. */
function startBackground(server: BenchServer, rate: number): { stop(): number } {
  const start = hrtimeMs();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((hrtimeMs() - start) * rate) / 1000);
    for (; sent < due; sent++) server.traffic.step();
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return (sent * 1000) / (hrtimeMs() - start);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
