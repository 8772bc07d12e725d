/**
 * The app's window: the built renderer in real Chromium on the headless host's page. A
 * MutationObserver in the page notes when each caller number first appears in the DOM, and the
 * first animation frame after it (the frame that paints it); the page's clock is mapped onto the
 * benchmark's by round trips, so those times can be compared with the server's send times.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { chromiumMissingReason, chromiumPath, launchChromium } from '../tests/support/chromium';
import { hrtimeMs, numberKey } from './protocol';

export interface Sighting {
  /** When the number was first in the DOM, in benchmark (hrtime) ms. */
  domMs: number;
  /** When the next animation frame began, or null if none came. */
  frameMs: number | null;
}

interface PageSighting {
  dom: number;
  frame: number | null;
}

declare global {
  interface Window {
    __benchSeen?: Record<string, PageSighting>;
  }
}

// Plain JavaScript on purpose: tsx compiles named functions with a `__name` helper that does
// not exist in the page, so a function passed to page.evaluate must not declare any.
const OBSERVER = `(() => {
  const seen = {};
  window.__benchSeen = seen;
  const check = () => {
    for (const element of document.querySelectorAll('[data-testid="caller-number"]')) {
      const key = (element.textContent || '').replace(/\\D/g, '').slice(-7);
      if (key.length < 7 || seen[key]) continue;
      const sighting = { dom: performance.now(), frame: null };
      seen[key] = sighting;
      requestAnimationFrame(() => (sighting.frame = performance.now()));
    }
  };
  new MutationObserver(check).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  check();
})()`;

export class AppWindow {
  private offsetMs = 0;
  /** Half the best round trip: how far off the clock mapping can be. */
  uncertaintyMs = Number.NaN;

  private constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string): Promise<AppWindow> {
    const page = await browser.newPage();
    await page.goto(url);
    await page.evaluate(OBSERVER);
    const opened = new AppWindow(page);
    await opened.calibrate();
    return opened;
  }

  /** Maps the page's `performance.now()` onto hrtime: the offset of the fastest of 30 round trips. */
  async calibrate(): Promise<void> {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 30; i++) {
      const before = hrtimeMs();
      const pageNow = await this.page.evaluate(() => performance.now());
      const after = hrtimeMs();
      if (after - before < best) {
        best = after - before;
        this.offsetMs = pageNow - (before + after) / 2;
      }
    }
    this.uncertaintyMs = best / 2;
  }

  async sightings(): Promise<Map<string, Sighting>> {
    const raw = await this.page.evaluate(() => window.__benchSeen ?? {});
    const out = new Map<string, Sighting>();
    for (const [key, s] of Object.entries(raw)) {
      out.set(key, {
        domMs: s.dom - this.offsetMs,
        frameMs: s.frame === null ? null : s.frame - this.offsetMs,
      });
    }
    return out;
  }

  /** Resolves true once `phone` is in the window, false after `timeoutMs`. */
  async waitForNumber(phone: string, timeoutMs: number): Promise<boolean> {
    const key = numberKey(phone);
    return (
      this.page
        // Playwright reads a timeout of 0 as "no timeout".
        .waitForFunction((k) => Boolean(window.__benchSeen?.[k]), key, {
          timeout: Math.max(1, timeoutMs),
        })
        .then(
          () => true,
          () => false,
        )
    );
  }

  close(): Promise<void> {
    return this.page.close().catch(() => undefined);
  }
}

export interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Real Chromium, or the reason there is none (the window measurements are then skipped). */
export async function launchBrowser(): Promise<Browser | string> {
  if (!chromiumPath()) return chromiumMissingReason;
  const chromium = await launchChromium();
  return {
    newPage: () => chromium.context.newPage(),
    close: () => chromium.close(),
  };
}

/**
 * CPU time (ms) of Chromium's processes, which playwright starts as our descendants. Linux only
 * (/proc); null elsewhere.
 */
export function chromiumCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  const isChromium = new Set<number>();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      if (/chrom/i.test(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))))
        isChromium.add(pid);
      parent.set(pid, Number(fields[1]));
      // utime and stime, in clock ticks of 10 ms on Linux.
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  const queue = [process.pid];
  while (queue.length > 0) {
    const pid = queue.pop() ?? 0;
    for (const [child, ppid] of parent) {
      if (ppid !== pid) continue;
      if (isChromium.has(child)) total += cpu.get(child) ?? 0;
      queue.push(child);
    }
  }
  return total;
}
