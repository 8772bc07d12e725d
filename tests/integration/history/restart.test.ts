import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHeadlessHost } from '../../../electron/headless/host';
import { CallHistory } from '../../../electron/core/history/call-history';
import { silentLogger } from '../../../electron/core/logging';
import { entryFromRecent } from '../../../shared/history/entry';
import { makeRecent } from '../../support/calls';
import { useTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait';

const dir = useTempDir('ringside-history-');

async function host(mode: 'demo' | 'signed-out') {
  const configPath = join(dir(), 'ringside.json');
  await writeFile(
    configPath,
    JSON.stringify({ version: 1, app: { mode }, demo: { enabled: true, seed: 1 } }),
  );
  return startHeadlessHost({
    dataDir: join(dir(), 'data'),
    configPath,
    rendererDir: join(dir(), 'no-renderer'),
    core: { demoSpeed: 20 },
  });
}

describe('call history across restarts', () => {
  it('keeps the demo calls that ended, with their outcomes, after the core restarts', async () => {
    const first = await host('demo');
    let before;
    try {
      await waitFor(() => first.core.view().history.total >= 2, 60_000, 'two demo calls ended');
      before = await first.core.handlers.queryHistory({ offset: 0, limit: 200 });
    } finally {
      await first.stop();
    }
    expect(before.entries.every((e) => e.outcome !== 'unknown')).toBe(true);

    // Signed out the second time: nothing new comes in, so what is there was read from disk.
    const second = await host('signed-out');
    try {
      const after = await second.core.handlers.queryHistory({ offset: 0, limit: 200 });
      expect(after.total).toBeGreaterThanOrEqual(before.total);
      expect(after.entries.slice(0, before.entries.length)).toEqual(before.entries);
      expect(second.core.view().history.total).toBe(after.total);
    } finally {
      await second.stop();
    }
  });

  it('keeps the latest calls only, and sets a damaged file aside', async () => {
    const path = join(dir(), 'history.json');
    const open = () =>
      new CallHistory({ path, logger: silentLogger, now: () => 1, region: () => 'IL', cap: 3 });
    const history = open();
    await history.load();
    for (let i = 0; i < 5; i++) {
      history.add(entryFromRecent(makeRecent({ ivrid: `c${i}`, endedAt: i * 1000 }), 'IL'));
    }
    await history.flush();
    const again = open();
    await again.load();
    expect(again.page({ offset: 0, limit: 10 }).entries.map((e) => e.ivrid)).toEqual([
      'c4',
      'c3',
      'c2',
    ]);

    await writeFile(path, '{"version":1,"entries":[{"torn');
    const damaged = open();
    await damaged.load();
    expect(damaged.size).toBe(0);
    expect((await readdir(dir())).some((name) => name.startsWith('history.json.corrupt-'))).toBe(
      true,
    );
  });
});
