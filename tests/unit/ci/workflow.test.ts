import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../../..');
const WORKFLOW = join(root, '.github/workflows/build.yml');
const text = readFileSync(WORKFLOW, 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const workflow = parse(text) as {
  permissions: Record<string, string>;
  jobs: {
    build: {
      strategy: { matrix: { include: { os: string; dist: string; app: string }[] } };
      env: Record<string, string>;
      steps: Step[];
    };
  };
};
const job = workflow.jobs.build;
const matrix = job.strategy.matrix.include;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  engines: { node: string };
};

/** The GitHub Actions linter the `lint:workflows` script runs (offline: a WebAssembly build). */
function actionValidator(path: string): { status: number | null; output: string } {
  const cli = join(root, 'node_modules/@action-validator/cli/cli.mjs');
  const result = spawnSync(process.execPath, [cli, path], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('.github/workflows/build.yml', () => {
  it('passes the workflow linter, which refuses a broken workflow', () => {
    expect(actionValidator(WORKFLOW)).toMatchObject({ status: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'ringside-workflow-'));
    try {
      const broken = join(dir, 'broken.yml');
      writeFileSync(broken, text.replace('runs-on:', 'runs-onn:'));
      expect(actionValidator(broken).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(pkg.scripts.verify).toContain('npm run lint:workflows');
    expect(pkg.scripts['lint:workflows']).toContain('.github/workflows/build.yml');
  });

  it('pins every action to a full commit, with the version in a comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const line of uses) {
      expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('reads the repository only', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('runs on Windows, macOS and Linux, each packaging with a script that exists', () => {
    expect(matrix.map((entry) => entry.os).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
    for (const entry of matrix)
      expect(pkg.scripts[`dist:${entry.dist}`]).toContain('electron-builder');
    expect(pkg.scripts['dist:win']).toMatch(/--win .*--x64 .*--arm64/);
    expect(pkg.scripts['dist:mac']).toMatch(/--mac .*--x64 .*--arm64/);
  });

  it("launches electron-builder's unpacked app of each platform", () => {
    const apps = Object.fromEntries(matrix.map((entry) => [entry.dist, entry.app]));
    expect(apps).toEqual({
      win: 'dist/win-unpacked/Ringside.exe',
      mac: 'dist/mac-arm64/Ringside.app/Contents/MacOS/Ringside',
      linux: 'dist/linux-unpacked/ringside',
    });
  });

  it('installs, tests, packages, launches the package, and uploads installers and screenshots', () => {
    const runs = job.steps.map((step) => step.run ?? step.uses ?? '');
    const at = (pattern: RegExp): number => runs.findIndex((run) => pattern.test(run));
    const order = [
      at(/^actions\/checkout@/),
      at(/^actions\/setup-node@/),
      at(/^npm ci$/),
      at(/npm test/),
      at(/npm run dist:\$\{\{ matrix\.dist \}\}/),
      at(/vitest run --project e2e tests\/e2e\/electron/),
      at(/^actions\/upload-artifact@/),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const launch = job.steps.find((step) => step.run?.includes('tests/e2e/electron'));
    expect(launch?.env?.RINGSIDE_E2E_EXECUTABLE).toContain('matrix.app');
    const uploads = job.steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const paths = uploads.map((step) => step.with?.path ?? '').join('\n');
    for (const installer of ['*.exe', '*.dmg', '*.zip', '*.AppImage', '*.deb', 'test-results/'])
      expect(paths).toContain(installer);
    expect(uploads.every((step) => step.if === 'always()')).toBe(true);
  });

  it("uses a Node version that package.json's engines accepts", () => {
    const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    const major = Number(setup?.with?.['node-version']);
    const minimum = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(minimum).not.toBeNull();
    // A bare major in setup-node means its newest release, which is past any x.y minimum.
    expect(major).toBeGreaterThanOrEqual(Number(minimum?.[1]));
  });

  it('passes signing and notarisation secrets only to the steps that need them', () => {
    const withSecrets = job.steps.filter((step) => JSON.stringify(step).includes('secrets.'));
    expect(withSecrets.map((step) => step.name)).toEqual(['Notarisation key (macOS)', 'Package']);
    // Not in the job's environment, where every step (and every dependency's code) could read them.
    expect(JSON.stringify(job.env)).not.toContain('secrets.');
  });
});
