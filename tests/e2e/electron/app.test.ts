/**
 * The packaged shape of the app, end to end: the real Electron binary runs the built main,
 * preload and renderer (app://, sandbox, CSP, IPC bridge) on the built-in demo, and the window says
 * Connected. Runs where Electron's binary exists (the Windows/macOS/Linux desktop CI); elsewhere it
 * skips with the reason printed.
 *
 * With RINGSIDE_E2E_EXECUTABLE set to a packaged app's executable (what electron-builder made,
 * fuses flipped), the same tests run against it instead, plus the smoke test: a demo call appears,
 * and `--quit` ends the app with exit code 0. Playwright's `_electron` cannot drive a package
 * whose `nodeCliInspect` fuse is off (it waits for Node's inspector), so the package is launched
 * as the agent would, with Chromium's `--remote-debugging-port`, and driven over CDP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron, chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The Electron binary, without triggering Electron's lazy download (which importing it would). */
function electronBinary(): { path: string | null; reason: string } {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason:
        "Electron's binary is not downloaded on this machine (node_modules/electron/path.txt is missing)",
    };
  }
  const path = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(path)
    ? { path, reason: '' }
    : { path: null, reason: `Electron's binary ${path} is missing` };
}

const packagedApp = process.env.RINGSIDE_E2E_EXECUTABLE?.trim() || null;
const binary = electronBinary();
const built =
  existsSync(join(ROOT, 'out/main/index.js')) && existsSync(join(ROOT, 'out/renderer/index.html'));
const reason = packagedApp
  ? existsSync(packagedApp)
    ? null
    : `RINGSIDE_E2E_EXECUTABLE names ${packagedApp}, which does not exist`
  : !binary.path
    ? binary.reason
    : !built
      ? 'the app is not built (run `npm run build`)'
      : null;
if (reason) console.warn(`Skipping the Electron end-to-end test: ${reason}.`);

const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');

interface Launched {
  page: Page;
  /** Ends the app; answers its exit code where the test started the process itself. */
  close(): Promise<number | null>;
}

/** The Electron binary from node_modules running the built app in ROOT, through `_electron`. */
async function launchUnpackaged(args: string[], env: Record<string, string>): Promise<Launched> {
  const app = await _electron.launch({
    executablePath: binary.path ?? '',
    args: [ROOT, ...args],
    env,
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  return {
    page,
    close: async () => {
      await app.close();
      return null;
    },
  };
}

/** The packaged executable, started as a user would, its window reached over CDP. */
async function launchPackaged(
  executable: string,
  args: string[],
  env: Record<string, string>,
): Promise<Launched> {
  const child = spawn(executable, [...args, '--remote-debugging-port=0'], {
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const endpoint = await devToolsEndpoint(child);
  const browser: Browser = await chromium.connectOverCDP(endpoint);
  let page: Page | undefined;
  await expect
    .poll(
      () => {
        page = browser
          .contexts()
          .flatMap((context) => context.pages())
          .find((candidate) => candidate.url().startsWith('app://ringside/'));
        return page !== undefined;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  if (!page) throw new Error('the packaged app opened no window');
  return {
    page,
    close: async () => {
      await browser.close();
      // A second launch with --quit asks the running copy to quit, as an IT script would.
      spawn(executable, [...args, '--quit'], { env, stdio: 'ignore' });
      return exited;
    },
  };
}

/** Chromium prints where its DevTools listen on stderr once it is up. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      process.stderr.write(chunk);
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the packaged app exited (code ${code})`)));
  });
}

describe.skipIf(reason !== null)('the Electron app', () => {
  let dir = '';
  let app: Launched | null = null;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringside-electron-'));
    const config = join(dir, 'ringside.json');
    await writeFile(
      config,
      JSON.stringify({ version: 1, app: { mode: 'demo' }, demo: { enabled: true } }),
    );
    const args = [
      '--config',
      config,
      ...(process.platform === 'linux' && process.env.CI ? ['--no-sandbox'] : []),
    ];
    const env: Record<string, string> = {
      ...(Object.fromEntries(
        Object.entries(process.env).filter((entry) => entry[1] !== undefined),
      ) as Record<string, string>),
      RINGSIDE_USER_DATA: join(dir, 'profile'),
      ELECTRON_ENABLE_LOGGING: '1',
    };
    app = packagedApp
      ? await launchPackaged(packagedApp, args, env)
      : await launchUnpackaged(args, env);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads the renderer from app:// with the bridge and without Node', async () => {
    expect(page.url()).toBe('app://ringside/index.html');
    const exposed = await page.evaluate(() => ({
      ringside: typeof (window as unknown as { ringside?: unknown }).ringside,
      process: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
    }));
    expect(exposed).toEqual({ ringside: 'object', process: 'undefined', require: 'undefined' });
  });

  it('says Connected on the demo service', async () => {
    const badge = page.getByTestId('connection-badge');
    await expect
      .poll(() => badge.getAttribute('data-status'), { timeout: 30_000 })
      .toBe('connected');
    expect(await badge.getByTestId('connection-headline').textContent()).toMatch(/^Connected/);
  });

  it('answers IPC from the page through the contract', async () => {
    const result = await page.evaluate(async () => {
      const api = (
        window as unknown as {
          ringside: { getSnapshot(): Promise<{ ok: boolean; value?: { mode: string } }> };
        }
      ).ringside;
      return api.getSnapshot();
    });
    expect(result).toMatchObject({ ok: true, value: { mode: 'demo' } });
  });

  it('refuses to navigate away from the app', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await new Promise((done) => setTimeout(done, 500));
    expect(page.url()).toBe('app://ringside/index.html');
  });

  it('shows a demo call, as the agent would see it', async () => {
    await expect
      .poll(() => page.getByTestId('call-card').isVisible(), { timeout: 60_000 })
      .toBe(true);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: join(
        SCREENSHOTS,
        `electron-${packagedApp ? 'packaged' : 'unpackaged'}-${process.platform}.png`,
      ),
    });
  });

  it.runIf(packagedApp !== null)('quits cleanly when asked', async () => {
    const launched = app;
    app = null;
    expect(await launched?.close()).toBe(0);
  });
});
