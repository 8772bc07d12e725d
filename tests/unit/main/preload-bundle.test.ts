import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bundle = join(import.meta.dirname, '../../../out/preload/index.cjs');
const built = existsSync(bundle);
if (!built)
  console.warn(
    'Skipping the preload bundle check: out/preload/index.cjs is not built (run `npm run build`).',
  );

describe('the built preload', () => {
  // A sandboxed preload can require only `electron` (and a few Node polyfills): any other
  // require() fails at run time and the window gets no `window.ringside` at all.
  it.skipIf(!built)(
    'is one self-contained CommonJS file that requires nothing but electron',
    () => {
      const code = readFileSync(bundle, 'utf8');
      const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map(
        (match) => match[1],
      );
      expect(required.length).toBeGreaterThan(0);
      expect(new Set(required)).toEqual(new Set(['electron']));
      expect(code).not.toMatch(/^\s*(import|export)\s/m);
    },
  );
});
