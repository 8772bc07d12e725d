/** The traffic a benchmark sends: the load mix with calls to the agent's own extension in it. */
import type { BenchServer } from './server';

/** A call to the agent's own extension: what the app must alert on. */
export interface Probe {
  ivrid: string;
  phone: string;
  /** Events in the stream up to and including this call's NEWCALL. */
  index: number;
}

/** A unique mobile number per probe, so the window shows (and the page matches) each one apart. */
export function probePhone(serial: number): string {
  return `0549${String(serial % 1_000_000).padStart(6, '0')}`;
}

/**
 * Encodes `events` events: the load mix, with `probes` own-extension NEWCALLs spread evenly and
 * the last one at the very end (each probe hangs up just before the next rings). Built before it
 * is sent, so that sending costs the server nothing but the socket writes.
 */
export function buildStream(
  server: BenchServer,
  events: number,
  probes: number,
  tag: string,
): { packets: string[]; probes: Probe[] } {
  const marks: Probe[] = [];
  const packets = server.record(() => {
    let emitted = 0;
    let previous: Probe | null = null;
    for (let k = 1; k <= probes; k++) {
      const due = Math.floor((events * k) / probes) - (previous ? 1 : 0) - 1;
      for (; emitted < due; emitted++) server.traffic.step();
      if (previous) {
        server.hangUp(previous.ivrid);
        emitted++;
      }
      const probe: Probe = { ivrid: `${tag}-${k}`, phone: probePhone(k), index: emitted + 1 };
      server.ring(probe.ivrid, probe.phone);
      emitted++;
      marks.push(probe);
      previous = probe;
    }
  });
  return { packets, probes: marks };
}
