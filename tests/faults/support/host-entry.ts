/**
 * The headless host as `npm run web` starts it (`electron/headless/cli.ts`), with the core's test
 * hooks the CLI does not offer: shorter timers, and SignalWire at a plain-http server on this
 * computer. `tests/support/host-process.ts` runs it as its own process, so a test can kill it.
 *
 * Arguments: `--port N --data-dir DIR [--config FILE] [--hooks JSON]`.
 */
import { parseArgs } from 'node:util';
import { startHeadlessHost, type HeadlessHostOptions } from '../../../electron/headless/host';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    config: { type: 'string' },
    hooks: { type: 'string', default: '{}' },
  },
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');

const host = await startHeadlessHost({
  port: Number(values.port),
  dataDir,
  ...(values.config ? { configPath: values.config } : {}),
  notifier: { notifier: { notify: async () => {}, dismiss: () => {} }, available: false },
  core: JSON.parse(values.hooks) as HeadlessHostOptions['core'],
});
// The line `startHostProcess` waits for, as the CLI prints it.
console.log(`Open this address in your browser: ${host.url}`);

process.on('SIGTERM', () => {
  void host.stop().then(() => process.exit(0));
});
