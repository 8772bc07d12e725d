/**
 * Starts the whole app for a test: the headless host (the real main-process services in Node,
 * with the built-in demo on 127.0.0.1) serving the built renderer, and real Chromium on its page.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Notifier } from '@core/ports';
import { startHeadlessHost, type HeadlessHost } from '../../../electron/headless/host';
import { chromiumMissingReason, chromiumPath, launchChromium } from '@tests/support/chromium';

export const RENDERER_DIR = resolve('out/renderer');
export const ARTIFACTS_DIR = resolve('test-results/e2e');

/** Why this suite cannot run here, or null. Printed by the caller, so a skip is never silent. */
export function skipReason(): string | null {
  if (!chromiumPath()) return chromiumMissingReason;
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    return `The built renderer is missing (${RENDERER_DIR}): run "npx electron-vite build" first (npm test does).`;
  }
  return null;
}

export interface RunningApp {
  host: HeadlessHost;
  page: Page;
  dataDir: string;
  /** Stops only the host (main), leaving the page open: what the window does when main goes away. */
  stopHost(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The config file the host reads (docs/configuration.md). */
  config?: Record<string, unknown>;
  /** Scenario time scale of the demo: faster calls, same order of events. */
  demoSpeed?: number;
  viewport?: { width: number; height: number };
  /** Replaces the desktop notifier (see HeadlessHostOptions.notifier). */
  notifier?: { notifier: Notifier; available: boolean };
}

export const demoConfig = {
  version: 1,
  app: { mode: 'demo' },
  demo: { enabled: true, scenario: 'demo-loop', seed: 1 },
  notifications: { enabled: true, focusWindowOnRing: false },
};

/** The demo's team board: `extensions` extensions with `calls` calls coming and going, no alerts. */
export function teamBoardConfig(
  extensions: number,
  calls: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    version: 1,
    app: { mode: 'demo' },
    demo: { enabled: true, scenario: `team-board:${extensions}:${calls}`, seed: 1 },
    voicenter: { ownExtensions: ['1234567'] },
    notifications: { enabled: false },
    ...extra,
  };
}

/** A notifier that shows nothing, for suites that are not about alerts. */
export const quietNotifier: NonNullable<StartOptions['notifier']> = {
  notifier: { notify: async () => {}, dismiss: () => {} },
  available: true,
};

/** Opens the team board and waits for its first row. */
export async function openTeamBoard(page: Page): Promise<void> {
  await page.getByTestId('screen-board').click({ timeout: 30_000 });
  await page.getByTestId('board-row').first().waitFor({ timeout: 30_000 });
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ringside-e2e-'));
  const configPath = join(dataDir, 'ringside.json');
  await writeFile(configPath, JSON.stringify(options.config ?? demoConfig), { mode: 0o600 });
  const host = await startHeadlessHost({
    dataDir: join(dataDir, 'data'),
    configPath,
    rendererDir: RENDERER_DIR,
    core: { demoSpeed: options.demoSpeed ?? 1 },
    ...(options.notifier ? { notifier: options.notifier } : {}),
  });
  const browser = await launchChromium(options.viewport ? { viewport: options.viewport } : {});
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // A CSP violation is a bug in the renderer build, never noise.
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  await page.goto(host.url);
  let hostStopped: Promise<void> | null = null;
  const stopHost = () => (hostStopped ??= host.stop());
  return {
    host,
    page,
    dataDir,
    stopHost,
    async stop() {
      await browser.close();
      await stopHost();
      await rm(dataDir, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
    },
  };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
