/**
 * `npm run web -- [--port N] [--config file.json] [--data-dir DIR] [--open-url tel:…]`: runs Ringside without
 * Electron and prints the address to open in a browser.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configPathFrom } from '../core/settings';
import { startHeadlessHost } from './host';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5178' },
    config: { type: 'string' },
    'data-dir': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    /** A phone link to offer for an outbound call, as a clicked `tel:` link would. */
    'open-url': { type: 'string' },
  },
  allowPositionals: false,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}".`);
  process.exit(2);
}

// The address is printed once; stdout piped into a program that already exited must not end the host.
process.stdout.on('error', () => undefined);

const configPath = values.config ?? configPathFrom(process.argv.slice(2), process.env) ?? undefined;
const host = await startHeadlessHost({
  port,
  dataDir: values['data-dir'] ?? join(homedir(), '.ringside-web'),
  ...(configPath ? { configPath } : {}),
  verbose: values.verbose,
  ...(values['open-url'] ? { openUrl: values['open-url'] } : {}),
}).catch((error: unknown) => {
  console.error(
    `Ringside could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

console.log(
  `\nRingside is running without Electron.\nOpen this address in your browser:\n\n  ${host.url}\n`,
);
console.log('Press Ctrl+C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void host.stop().then(() => process.exit(0));
  });
}
