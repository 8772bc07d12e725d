/**
 * Starts the app as a black box: a config file (docs/configuration.md) that signs in to the
 * benchmark's server with an account login and names the agent's own extension, read by the
 * headless host in a child process.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { APP_CHILD, Child } from './children';
import { hrtimeMs, type AppChildInput, type BareChildInput } from './protocol';
import type { BenchServer } from './server';
import { probePhone } from './stream';
import type { AppWindow } from './window';

export const RENDERER_DIR = resolve('out/renderer');

export interface RunningChild {
  child: Child;
  /** The app's page (headless host), '' for the bare client. */
  url: string;
  stop(): Promise<void>;
}

export async function startApp(
  server: BenchServer,
  options: { exposeGc?: boolean; readyTimeoutMs?: number } = {},
): Promise<RunningChild> {
  const dir = await mkdtemp(join(tmpdir(), 'ringside-bench-'));
  const configPath = join(dir, 'ringside.json');
  const config = {
    version: 1,
    app: { mode: 'account' },
    voicenter: {
      loginType: 'account',
      username: server.credentials.account.username,
      password: server.credentials.account.password,
      loginBaseUrl: server.loginBaseUrl,
      ownExtensions: [String(server.ownExtension)],
    },
    notifications: { enabled: true, focusWindowOnRing: false },
    demo: { enabled: false },
  };
  await writeFile(configPath, JSON.stringify(config), { mode: 0o600 });
  const input: AppChildInput = {
    configPath,
    dataDir: join(dir, 'data'),
    rendererDir: RENDERER_DIR,
  };
  const child = new Child(APP_CHILD, input, { exposeGc: options.exposeGc ?? false });
  const cleanup = async () => {
    await child.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const url = await child.whenReady(options.readyTimeoutMs ?? 60_000);
    return { child, url, stop: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function startBare(server: BenchServer): Promise<RunningChild> {
  const input: BareChildInput = {
    loginBaseUrl: server.loginBaseUrl,
    username: server.credentials.account.username,
    password: server.credentials.account.password,
    ownExtension: server.ownExtension,
  };
  const child = new Child('./bare-child.ts', input);
  try {
    await child.whenReady(60_000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, url: '', stop: () => child.stop() };
}

/**
 * A first call to the agent's extension proves the client has taken its snapshot (and the window
 * its first push) before anything is measured.
 */
export async function warmUp(
  server: BenchServer,
  child: Child,
  window: AppWindow | null,
): Promise<void> {
  const phone = probePhone(0);
  server.ring('warm-up', phone);
  const seen = await child.waitSeen({ ivrid: 'warm-up', phone }, hrtimeMs() + 60_000);
  if (!seen) throw new Error('the warm-up call did not reach the client within 60 s');
  if (window && !(await window.waitForNumber(phone, 60_000))) {
    throw new Error('the warm-up call did not show in the window within 60 s');
  }
  server.hangUp('warm-up');
  // Lets the first push and the garbage of the snapshot settle.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
