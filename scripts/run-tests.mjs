// Runs the whole suite: every project of vitest.config.ts (unit, components in Chromium,
// integration, faults, e2e). On Linux with dbus-run-session available, the run gets its own private
// session bus, so the notification test can observe the real node-notifier -> notify-send ->
// D-Bus path without touching the desktop's bus. Elsewhere the suite runs as is and that test
// skips with a printed reason.
import { spawnSync } from 'node:child_process';

const vitest = ['npx', 'vitest', 'run', ...process.argv.slice(2)];
const hasDbusSession =
  process.platform === 'linux' && spawnSync('which', ['dbus-run-session']).status === 0;
const command = hasDbusSession ? ['dbus-run-session', '--', ...vitest] : vitest;
const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit' });
process.exit(result.status ?? 1);
