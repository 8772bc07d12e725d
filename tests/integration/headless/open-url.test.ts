import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../../shared/ipc/snapshot';
import { connectIpc, startHostProcess, type HostProcess } from '../../support/host-process';

// `npm run web -- --open-url tel:…`: the headless host hands the link to the core the way the
// desktop app hands the one it was launched with, and the window finds it waiting.
describe('the headless host started with a phone link', () => {
  let dir = '';
  let host: HostProcess | null = null;

  afterEach(async () => {
    await host?.stop();
    host = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function start(link: string): Promise<AppState> {
    dir = await mkdtemp(join(tmpdir(), 'ringside-open-url-'));
    const configPath = join(dir, 'ringside.json');
    await writeFile(
      configPath,
      JSON.stringify({ app: { mode: 'signed-out' }, demo: { enabled: false } }),
    );
    host = await startHostProcess({
      dataDir: join(dir, 'data'),
      configPath,
      args: ['--open-url', link],
    });
    const client = await connectIpc(host);
    try {
      const result = await client.invoke('getSnapshot');
      if (!result.ok) throw new Error(result.error.message);
      return result.value as AppState;
    } finally {
      client.close();
    }
  }

  it('offers the call, the number normalised', async () => {
    const state = await start('tel:050-765-4321');
    expect(state.desktop.callLink).toMatchObject({
      number: '+972507654321',
      display: '050-765-4321',
    });
  });

  it('ignores a link that is not a phone number, and keeps running', async () => {
    const state = await start('tel:050;ext=--inspect');
    expect(state.desktop.callLink).toBeNull();
    expect(host?.exit()).toBeNull();
  });
});
