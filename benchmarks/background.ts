// Helpers the benchmarks share: the steady background traffic a measurement runs against, a
// pause, and the rounding the reports use.
import { hrtimeMs } from './protocol';
import type { BenchServer } from './server';

/** Other extensions' traffic at a steady `rate`, sent as it is due whatever the app keeps up with. */
export function startBackground(server: BenchServer, rate: number): { stop(): number } {
  const start = hrtimeMs();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((hrtimeMs() - start) * rate) / 1000);
    for (; sent < due; sent++) server.traffic.step();
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return (sent * 1000) / (hrtimeMs() - start);
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
