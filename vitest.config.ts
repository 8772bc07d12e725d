import { defineConfig } from 'vitest/config';
import { pathAliases } from './path-aliases.ts';

// Four projects: `unit` (pure logic and thin adapters with fakes), `integration` (real sockets and
// real HTTP on 127.0.0.1), `faults` (the whole app against the demo services while they fail, with
// recovery times), `e2e` (the headless host driven in real Chromium).
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
