/**
 * A tiny tmpfs for tests of a full or read-only data folder: both refuse writes for real, root
 * included (root ignores permission bits, so `chmod 0555` proves nothing here). Mounting needs
 * root and a kernel that allows it; elsewhere the tests that need it skip with this reason.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (args: string[]): void => {
  execFileSync(args[0] ?? '', args.slice(1), { stdio: 'pipe' });
};

/** Why a tmpfs cannot be mounted here, or null when it can. */
export function smallDiskSkipReason(): string | null {
  if (process.platform !== 'linux') return 'mounting a tmpfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const probe = mkdtempSync(join(tmpdir(), 'ringside-probe-'));
  try {
    run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    run(['umount', probe]);
    return null;
  } catch (error) {
    return `mount -t tmpfs is not permitted here (${String(error).split('\n')[0] ?? ''})`;
  } finally {
    rmdirSync(probe);
  }
}

export function mountSmallDisk(dir: string, sizeKb: number): void {
  run(['mount', '-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir]);
}

export function remountReadOnly(dir: string): void {
  run(['mount', '-o', 'remount,ro', dir]);
}

export function remountReadWrite(dir: string): void {
  run(['mount', '-o', 'remount,rw', dir]);
}

export function unmountSmallDisk(dir: string): void {
  run(['umount', '-l', dir]);
}

/** Takes every byte left on the disk holding `dir` (down to the last one). */
export function fillDisk(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'a');
  try {
    for (const size of [1 << 20, 1 << 14, 1 << 8, 1]) {
      const chunk = Buffer.alloc(size, 0x2e);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}
