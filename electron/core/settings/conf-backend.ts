import { renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { Logger } from '../ports';
import { silentLogger } from '../logging/logger';
import { SET_ASIDE_SUFFIX } from '../infra/state-file';
import type { SettingsBackend } from './settings-store';

/**
 * A settings backend on `conf` (electron-store's engine) for plain Node: the headless host and
 * tests. electron-store itself cannot be loaded outside Electron. Writes are atomic.
 */
export function openConfBackend(options: {
  /** The data folder. */
  dir: string;
  /** File name without `.json`: `settings`, `secrets`. */
  name: string;
  /** Default 0o600: only the owner reads Ringside's files. */
  fileMode?: number;
  logger?: Logger;
}): SettingsBackend {
  return openRecovering(
    () =>
      new Conf<Record<string, unknown>>({
        cwd: options.dir,
        configName: options.name,
        clearInvalidConfig: false,
        configFileMode: options.fileMode ?? 0o600,
      }),
    join(options.dir, `${options.name}.json`),
    options.logger ?? silentLogger,
  );
}

/**
 * Opens a JSON-file store; if the file is not valid JSON (a crash mid-write on an old build, a bad
 * hand edit), it is renamed aside, kept for support, and the store starts again from defaults,
 * rather than wiping it silently or refusing to start.
 */
export function openRecovering<B>(open: () => B, filePath: string, logger: Logger): B {
  try {
    return open();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const aside = `${filePath}${SET_ASIDE_SUFFIX}${Date.now()}`;
    renameSync(filePath, aside);
    logger.warn('a damaged settings file was set aside; starting again from defaults', {
      file: aside,
    });
    return open();
  }
}
