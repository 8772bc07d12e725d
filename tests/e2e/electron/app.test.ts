/**
 * The packaged shape of the app, end to end: the real Electron binary runs the built main,
 * preload and renderer (app://, sandbox, CSP, IPC bridge) on the built-in demo, and the window says
 * Connected. Runs where Electron's binary exists (the Windows/macOS/Linux desktop CI); elsewhere it
 * skips with the reason printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
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

const binary = electronBinary();
const built =
  existsSync(join(ROOT, 'out/main/index.js')) && existsSync(join(ROOT, 'out/renderer/index.html'));
const reason = !binary.path
  ? binary.reason
  : !built
    ? 'the app is not built (run `npm run build`)'
    : null;
if (reason) console.warn(`Skipping the Electron end-to-end test: ${reason}.`);

describe.skipIf(reason !== null)('the Electron app', () => {
  let dir = '';
  let app: ElectronApplication | null = null;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringside-electron-'));
    const config = join(dir, 'ringside.json');
    await writeFile(
      config,
      JSON.stringify({ version: 1, app: { mode: 'demo' }, demo: { enabled: true } }),
    );
    app = await _electron.launch({
      executablePath: binary.path ?? '',
      args: [
        ROOT,
        '--config',
        config,
        ...(process.platform === 'linux' && process.env.CI ? ['--no-sandbox'] : []),
      ],
      env: {
        ...process.env,
        RINGSIDE_USER_DATA: join(dir, 'profile'),
        ELECTRON_ENABLE_LOGGING: '1',
      },
      timeout: 60_000,
    });
    page = await app.firstWindow();
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
});
