import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathAliases } from '../../path-aliases';

describe('pathAliases', () => {
  it('reads the four aliases from tsconfig.json, each naming a folder that exists', () => {
    const aliases = pathAliases();
    expect(aliases).toEqual([
      { find: '@shared', replacement: resolve('shared') },
      { find: '@renderer', replacement: resolve('renderer/src') },
      { find: '@core', replacement: resolve('electron/core') },
      { find: '@tests', replacement: resolve('tests') },
    ]);
    for (const { replacement } of aliases) expect(existsSync(replacement)).toBe(true);
  });

  it('refuses an alias it cannot hand to Vite as a folder, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringside-aliases-'));
    try {
      const path = join(dir, 'tsconfig.json');
      const paths = { '@one': ['./one.ts'] };
      await writeFile(path, JSON.stringify({ compilerOptions: { paths } }));
      expect(() => pathAliases(path)).toThrow(/not @one/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
