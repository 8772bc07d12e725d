import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { pathAliases } from './path-aliases.ts';
import { CHROMIUM_ARGS, chromiumMissingReason, chromiumPath } from './tests/support/chromium.ts';

// The panels in Debian's Chromium (Vitest's browser mode): real clicks and typing, main stood in
// for by the preload's object (tests/components/support/fake-main.ts). Where Chromium is missing
// the project runs one test that says why, so the skip is never silent.
const chromium = chromiumPath();
const components: TestProjectInlineConfiguration = chromium
  ? {
      extends: true,
      plugins: [svelte({ configFile: false })],
      test: {
        name: 'components',
        include: ['tests/components/**/*.test.ts'],
        exclude: ['tests/components/support/**'],
        setupFiles: ['tests/components/support/setup.ts'],
        // After the other projects, on their own: a second Chromium beside the fault suite would
        // weigh on the recovery times it measures on a two-core machine.
        sequence: { groupOrder: 1 },
        browser: {
          enabled: true,
          headless: true,
          provider: playwright({
            launchOptions: { executablePath: chromium, args: [...CHROMIUM_ARGS] },
          }),
          instances: [{ browser: 'chromium' }],
          screenshotFailures: false,
        },
      },
    }
  : {
      extends: true,
      test: {
        name: 'components',
        include: ['tests/components/support/chromium-missing.test.ts'],
        env: { CHROMIUM_MISSING: chromiumMissingReason },
      },
    };

// Five projects: `unit` (pure logic and thin adapters with fakes), `components` (each panel in real
// Chromium), `integration` (real sockets and real HTTP on 127.0.0.1), `faults` (the whole app
// against the demo services while they fail, with recovery times), `e2e` (the headless host driven
// in real Chromium).
export default defineConfig({
  // The projects below extend this root config, so they all resolve tsconfig.json's aliases.
  resolve: { alias: pathAliases() },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      components,
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          globalSetup: ['tests/faults/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
          // One file at a time: their recovery times go to one shared file, and a fault test
          // measures best without another one loading these two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
