import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../../shared/ipc/snapshot';
import {
  connectIpc,
  startHostProcess,
  type HostProcess,
  type IpcClient,
} from '../../support/host-process';
import {
  fillDisk,
  mountSmallDisk,
  remountReadOnly,
  smallDiskSkipReason,
  unmountSmallDisk,
} from '../../support/small-disk';

// The headless host in its own process, its data folder on a tiny tmpfs that is then filled or
// made read-only: real ENOSPC and EROFS, root included. It must keep running, answer a settings
// change it could not save with a clear error, and tell the agent once.
const reason = smallDiskSkipReason();
if (reason) console.warn(`[skip] data folder full or read-only: ${reason}`);

const DATA_FOLDER_NOTICE = 'data-folder';

describe.skipIf(reason !== null)('the headless host with a data folder it cannot write', () => {
  let dir: string;
  let disk: string;
  let configPath: string;
  let host: HostProcess | null = null;
  let client: IpcClient | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringside-disk-'));
    disk = join(dir, 'disk');
    await import('node:fs/promises').then((fs) => fs.mkdir(disk));
    mountSmallDisk(disk, 2048);
    configPath = join(dir, 'ringside.json');
    await writeFile(
      configPath,
      JSON.stringify({ app: { mode: 'signed-out' }, demo: { enabled: false } }),
    );
  });

  afterEach(async () => {
    client?.close();
    client = null;
    await host?.stop();
    host = null;
    unmountSmallDisk(disk);
    await rm(dir, { recursive: true, force: true });
  });

  async function snapshot(): Promise<AppSnapshot> {
    const answer = await client!.invoke('getSnapshot');
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as AppSnapshot;
  }

  const toggle = (enabled: boolean) =>
    client!.invoke('updateSettings', [{ notifications: { enabled } }]);

  it('keeps running on a full disk, answers an unsaved change clearly and tells the agent once', async () => {
    host = await startHostProcess({ dataDir: join(disk, 'data'), configPath });
    client = await connectIpc(host);
    expect((await toggle(false)).ok).toBe(true);
    const saved = await readFile(join(disk, 'data', 'settings.json'), 'utf8');

    fillDisk(disk);
    // Every change logs a line: far more than the log file's last page can still take.
    const answers = [];
    for (let index = 0; index < 150; index += 1) answers.push(await toggle(index % 2 === 0));
    expect(host.exit()).toBeNull();

    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'not-saved' } });
    const message = answers[0]?.ok === false ? answers[0].error.message : '';
    expect(message).toMatch(/could not save it, because the disk is full/);
    // The change is in use until Ringside closes; the file on disk is untouched.
    const view = await snapshot();
    expect(view.settings.notifications.enabled).toBe(false);
    expect(await readFile(join(disk, 'data', 'settings.json'), 'utf8')).toBe(saved);

    const notices = view.notices.filter((notice) => notice.id === DATA_FOLDER_NOTICE);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toMatch(
      /Ringside cannot write to its data folder .* the disk is full/,
    );
    expect(notices[0]?.text).toContain('until there is space');

    // Told once: dismissed, it does not come back while the disk stays full.
    expect((await client.invoke('dismissNotice', [DATA_FOLDER_NOTICE])).ok).toBe(true);
    for (let index = 0; index < 20; index += 1) await toggle(index % 2 === 0);
    expect((await snapshot()).notices.map((notice) => notice.id)).not.toContain(DATA_FOLDER_NOTICE);
    expect(host.exit()).toBeNull();
  });

  it('starts on a read-only data folder, runs on what it stored, and says a change was not saved', async () => {
    // A first run leaves its settings, secrets key and logs; then the folder turns read-only.
    const first = await startHostProcess({ dataDir: join(disk, 'data'), configPath });
    const setup = await connectIpc(first);
    expect((await setup.invoke('updateSettings', [{ ownExtensions: ['201'] }])).ok).toBe(true);
    setup.close();
    await first.stop();
    const saved = await readFile(join(disk, 'data', 'settings.json'), 'utf8');
    remountReadOnly(disk);

    host = await startHostProcess({ dataDir: join(disk, 'data'), configPath });
    client = await connectIpc(host);
    expect((await snapshot()).settings.voicenter.ownExtensions).toEqual(['201']);

    const answer = await client.invoke('updateSettings', [{ ownExtensions: ['202'] }]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-saved' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/because the folder is read-only/);
    const view = await snapshot();
    expect(view.settings.voicenter.ownExtensions).toEqual(['202']);
    const notice = view.notices.find((item) => item.id === DATA_FOLDER_NOTICE);
    expect(notice?.text).toMatch(/cannot write to its data folder .* read-only/);
    expect(await readFile(join(disk, 'data', 'settings.json'), 'utf8')).toBe(saved);
    expect(host.exit()).toBeNull();
  });
});
