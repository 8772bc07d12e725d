import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../../../../electron/core/logging';
import { JsonStateFile, SET_ASIDE_SUFFIX } from '../../../../electron/core/infra/state-file';

const schema = z.object({ version: z.literal(1), items: z.array(z.string()) });
type Doc = z.infer<typeof schema>;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringside-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileAt = (path: string) => new JsonStateFile<Doc>(path, schema, silentLogger, () => 1234);

describe('JsonStateFile', () => {
  it('answers null when there is no file, and reads back what it saved', async () => {
    const file = fileAt(join(dir, 'nested', 'state.json'));
    expect(await file.load()).toBeNull();
    await file.save({ version: 1, items: ['a'] });
    expect(await fileAt(join(dir, 'nested', 'state.json')).load()).toEqual({
      version: 1,
      items: ['a'],
    });
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, 'nested', 'state.json'))).mode & 0o777).toBe(0o600);
    }
    // No temp file is left behind.
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json']);
  });

  it('writes a copy, and the newest of many saves in a row', async () => {
    const path = join(dir, 'state.json');
    const file = fileAt(path);
    const doc: Doc = { version: 1, items: [] };
    const saves: Promise<void>[] = [];
    for (const item of ['a', 'b', 'c']) {
      doc.items.push(item);
      saves.push(file.save(doc));
    }
    doc.items.push('not saved');
    await Promise.all(saves);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      version: 1,
      items: ['a', 'b', 'c'],
    });
  });

  it.each([
    ['text that is no JSON', '{"version":1,"items":['],
    ['JSON its schema refuses', '{"version":2,"items":[]}'],
  ])('sets aside %s and starts empty', async (_what, text) => {
    const path = join(dir, 'state.json');
    await writeFile(path, text);
    expect(await fileAt(path).load()).toBeNull();
    expect(await readdir(dir)).toEqual([`state.json${SET_ASIDE_SUFFIX}1234`]);
    expect(await readFile(join(dir, `state.json${SET_ASIDE_SUFFIX}1234`), 'utf8')).toBe(text);
  });

  it("rejects with the disk's own error code when the folder cannot exist", async () => {
    await writeFile(join(dir, 'not-a-folder'), '');
    const file = fileAt(join(dir, 'not-a-folder', 'state.json'));
    await expect(file.save({ version: 1, items: [] })).rejects.toMatchObject({ code: 'EEXIST' });
    // The next save tries again rather than staying stuck on the failed one.
    await expect(file.save({ version: 1, items: [] })).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
