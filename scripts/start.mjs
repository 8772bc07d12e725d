// `npm start`: the desktop app when Electron can run here, otherwise the headless host in the
// browser, said plainly. Arguments after `npm start --` are passed on (e.g. `--config <file>`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The Electron binary's path, or the reason there is none. Never downloads by itself on import. */
function findElectron() {
  const require = createRequire(import.meta.url);
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { binary: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    // Electron 45 fetches its binary on first use; try once, quietly, and accept a refusal.
    const fetched = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
      stdio: 'ignore',
      timeout: 180_000,
    });
    if (fetched.status !== 0 || !existsSync(pathFile)) {
      return { binary: null, reason: 'its download from the Electron release servers failed' };
    }
  }
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
  if (!existsSync(binary)) return { binary: null, reason: `${binary} is missing` };
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || '')
      .split('\n')
      .find((line) => line.trim());
    return { binary: null, reason: `it does not run here${why ? `: ${why.trim()}` : ''}` };
  }
  return { binary, reason: null };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const { binary, reason } = findElectron();
if (binary) {
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(binary, ['.', ...args]);
} else {
  console.log(
    `Electron's binary is not available on this machine (${reason}); ` +
      'starting the headless host in your browser instead.',
  );
  run(npm, ['run', 'web', ...(args.length > 0 ? ['--', ...args] : [])]);
}
