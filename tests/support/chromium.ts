/**
 * Real Chromium for the end-to-end tests, driven with playwright-core (no bundled browsers: the
 * machines have Debian's `chromium`). A fresh profile per launch, so no run sees another's state.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Where Chromium is, or null (then the suite skips with `chromiumMissingReason`). */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

export const chromiumMissingReason = `Chromium not found at ${
  process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. The e2e app tests are skipped.`;

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(chromiumMissingReason);
  const userDataDir = await mkdtemp(join(tmpdir(), 'ringside-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: options.viewport ?? { width: 1100, height: 720 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-GB',
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Printed once when the suite skips, so a skip is never silent. */
export function reportSkip(suite: string, reason: string): void {
  console.warn(`[skip] ${suite}: ${reason}`);
}
