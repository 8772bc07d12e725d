/**
 * The import aliases (`@shared/*`, `@renderer/*`, `@core/*`, `@tests/*`) are declared once, in
 * tsconfig.json's `paths`; Vite and Vitest read them from there, so the compiler, svelte-check,
 * dependency-cruiser, tsx, the bundler and the tests resolve an import the same way.
 */
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

export interface PathAlias {
  find: string;
  replacement: string;
}

/** `"@core/*": ["./electron/core/*"]` -> `{ find: '@core', replacement: '<root>/electron/core' }`. */
export function pathAliases(tsconfigPath = resolve('tsconfig.json')): PathAlias[] {
  const read = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const config = read.config as { compilerOptions?: { paths?: Record<string, string[]> } };
  const paths = config.compilerOptions?.paths;
  if (!paths) throw new Error(`${tsconfigPath} declares no compilerOptions.paths`);
  return Object.entries(paths).map(([pattern, targets]) => {
    const target = targets[0];
    if (!pattern.endsWith('/*') || targets.length !== 1 || !target?.endsWith('/*')) {
      throw new Error(`Only "@name/*": ["./folder/*"] aliases are supported, not ${pattern}`);
    }
    return {
      find: pattern.slice(0, -2),
      replacement: resolve(dirname(tsconfigPath), target.slice(0, -2)),
    };
  });
}
