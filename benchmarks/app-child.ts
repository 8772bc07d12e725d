/**
 * The app, in a process of its own so that its CPU time and memory are its own: the headless host
 * (the real main-process services in plain Node) reading a config file that points it at the
 * benchmark's server, with a notifier that reports each call alert to `run.ts` with its time.
 */
import type { CallAlert, Notifier } from '../electron/core/ports';
import { startHeadlessHost, type HeadlessHost } from '../electron/headless/host';
import {
  childInput,
  cpuUs,
  hrtimeMs,
  numberKeys,
  sample,
  tell,
  type AppChildInput,
  type ToChild,
} from './protocol';

const input = childInput<AppChildInput>();

const notifier: Notifier = {
  notify(alert: CallAlert): Promise<void> {
    // Taken first: this is the moment the alert reached the port.
    const atMs = hrtimeMs();
    // Matched by the call's id and, should the id ever be something else, by the caller's number.
    tell({ type: 'seen', ivrid: alert.id, numbers: numberKeys(alert.body), atMs, cpuUs: cpuUs() });
    return Promise.resolve();
  },
  dismiss: () => undefined,
};

let host: HeadlessHost | null = null;

process.on('message', (message: ToChild) => {
  if (message.type === 'sample') tell({ type: 'sample', id: message.id, ...sample(message.gc) });
  else void stop();
});
process.on('disconnect', () => void stop());

async function stop(): Promise<void> {
  const running = host;
  host = null;
  await running?.stop().catch(() => undefined);
  process.exit(0);
}

try {
  host = await startHeadlessHost({
    dataDir: input.dataDir,
    configPath: input.configPath,
    rendererDir: input.rendererDir,
    notifier: { notifier, available: true },
  });
  tell({ type: 'ready', url: host.url });
} catch (error) {
  tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
