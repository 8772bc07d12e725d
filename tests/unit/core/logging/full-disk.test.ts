import { existsSync } from 'node:fs';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../electron/core/logging/logger';
import { useTempDir } from '../../../support/temp-dir';

// A log file on a disk with no space left: pino-roll continues the highest-numbered file it finds,
// and here that file is a link to /dev/full, where every write fails with ENOSPC, as on a full
// disk. The logger must keep running: failures are counted and reported, never thrown.
const noDevFull = existsSync('/dev/full') ? null : 'this system has no /dev/full';
if (noDevFull) console.warn(`[skip] logging on a full disk: ${noDevFull}`);

describe.skipIf(noDevFull !== null)('the logger on a full disk', () => {
  const dir = useTempDir('ringside-full-log-');

  it('keeps logging to memory, counts what the file lost and reports the failure', async () => {
    await mkdir(join(dir(), 'logs'));
    await symlink('/dev/full', join(dir(), 'logs', 'ringside.1.log'));
    const failures: string[] = [];
    const logger = createLogger({
      name: 'ringside',
      file: join(dir(), 'logs', 'ringside.log'),
      onFileError: (error) => failures.push(error.code ?? 'unknown'),
    });
    for (let index = 0; index < 200; index += 1) logger.info('room opened', { index });
    await logger.flush();

    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures)).toEqual(new Set(['ENOSPC']));
    expect(logger.fileHealth().writeErrors).toBe(failures.length);
    expect(logger.recentLines()).toHaveLength(200);
    logger.warn('still here');
    expect(logger.recentLines().at(-1)).toContain('still here');
    await logger.close();
    expect(await readdir(join(dir(), 'logs'))).toEqual(['ringside.1.log']);
  });

  it('drops and counts lines past its buffer instead of holding them for as long as the disk is full', async () => {
    await mkdir(join(dir(), 'logs'));
    await symlink('/dev/full', join(dir(), 'logs', 'ringside.1.log'));
    const logger = createLogger({ name: 'ringside', file: join(dir(), 'logs', 'ringside.log') });
    await logger.flush();
    const line = 'x'.repeat(4_000);
    for (let index = 0; index < 600; index += 1) logger.info(line, { index });
    await logger.flush();
    // 600 lines of 4 kB do not fit a 1 MB buffer: the rest were dropped and counted.
    expect(logger.fileHealth().droppedLines).toBeGreaterThan(300);
    await logger.close();
  });

  it('keeps running when the log folder cannot be created at all', async () => {
    const failures: string[] = [];
    // The folder's parent is a file: as root too, nothing can be created under it.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir(), 'not-a-folder'), '');
    const logger = createLogger({
      name: 'ringside',
      file: join(dir(), 'not-a-folder', 'logs', 'ringside.log'),
      onFileError: (error) => failures.push(error.code ?? 'unknown'),
    });
    logger.info('starting');
    await logger.flush();
    expect(failures).toEqual(['ENOTDIR']);
    expect(logger.fileHealth()).toEqual({ writeErrors: 1, droppedLines: 1 });
    expect(logger.recentLines()).toHaveLength(1);
    await logger.close();
  });
});
