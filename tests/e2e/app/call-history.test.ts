import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadlessHost, type HeadlessHost } from '../../../electron/headless/host';
import { launchChromium, type LaunchedChromium } from '../../support/chromium';
import { demoConfig, RENDERER_DIR, saveScreenshot, skipReason } from './harness';

// The history in the window: a demo call that ends is listed with its outcome, and it is still
// there after Ringside restarts on the same data folder.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e call history: ${reason}`);

describe.skipIf(reason !== null)('call history in the window', () => {
  let dataDir = '';
  let browser: LaunchedChromium;
  let host: HeadlessHost | null = null;
  let page: Page;

  async function open(mode: 'demo' | 'signed-out'): Promise<void> {
    const configPath = join(dataDir, 'ringside.json');
    await writeFile(configPath, JSON.stringify({ ...demoConfig, app: { mode } }));
    host = await startHeadlessHost({
      dataDir: join(dataDir, 'data'),
      configPath,
      rendererDir: RENDERER_DIR,
      core: { demoSpeed: 10 },
    });
    page = await browser.context.newPage();
    await page.goto(host.url);
  }

  async function close(): Promise<void> {
    await page?.close();
    await host?.stop();
    host = null;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ringside-e2e-history-'));
    browser = await launchChromium();
    await open('demo');
  });

  afterAll(async () => {
    await close();
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const entries = () => page.getByTestId('history-entry');

  it('lists a demo call once it has ended, with its outcome', async () => {
    await page.getByRole('button', { name: /^History/ }).click();
    await expect.poll(() => entries().count(), { timeout: 45_000 }).toBeGreaterThan(0);
    const first = entries().first();
    expect(await first.getAttribute('data-outcome')).toMatch(
      /answered|missed|answered-elsewhere|rejected|abandoned|busy|failed/,
    );
    expect(await first.getByTestId('history-number').count()).toBe(1);
    await saveScreenshot(page, 'history-demo');
  });

  it('filters by words and says when nothing matches', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('no such caller zzz');
    await expect.poll(() => entries().count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect.poll(() => entries().count()).toBeGreaterThan(0);
  });

  it('keeps the calls after a restart', async () => {
    const before = await entries().evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-ivrid')),
    );
    await close();
    // Signed out: no new calls, so what is listed came from disk.
    await open('signed-out');
    await page.getByRole('button', { name: /^History/ }).click();
    await expect
      .poll(() => entries().count(), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(before.length);
    const after = await entries().evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-ivrid')),
    );
    expect(after).toEqual(expect.arrayContaining(before));
    await saveScreenshot(page, 'history-after-restart');
  });

  it('speaks Hebrew', async () => {
    await page.getByTestId('language-toggle').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('היסטוריית שיחות');
    expect(await entries().first().getByTestId('history-outcome-label').textContent()).toMatch(
      /[\u0590-\u05FF]/,
    );
    await saveScreenshot(page, 'history-he');
  });
});
