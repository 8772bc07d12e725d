/**
 * `LoadTraffic` at a steady pace, open-ended: the demo's large board (a busy account on the team
 * board) and anything else that wants a live account rather than a bounded benchmark run. A timer
 * that fell behind (a paused process, a busy machine) catches up by at most one second of events,
 * so a late tick never turns into a flood.
 */
import { z } from 'zod';
import { LoadTraffic, trafficOptionsSchema } from './load';
import type { SimState } from './state';
import type { SimTelephony } from './telephony';

export const pacedTrafficOptionsSchema = trafficOptionsSchema.extend({
  eventsPerSecond: z.number().positive().max(10_000),
});

export type PacedTrafficOptions = z.input<typeof pacedTrafficOptionsSchema>;

export interface TrafficRun {
  readonly traffic: LoadTraffic;
  /** Events emitted so far. */
  sent(): number;
  /** Stops the pace; calls in progress stay as they are (the board keeps its busy share). */
  stop(): void;
}

const TICK_MS = 20;

export function startPacedTraffic(
  input: PacedTrafficOptions,
  deps: { state: SimState; tel: SimTelephony; now: () => number },
): TrafficRun {
  const { eventsPerSecond, ...options } = pacedTrafficOptionsSchema.parse(input);
  const traffic = new LoadTraffic(options, deps);
  let sent = 0;
  let last = deps.now();
  let owed = 0;
  const timer = setInterval(() => {
    const now = deps.now();
    owed = Math.min(owed + ((now - last) * eventsPerSecond) / 1000, eventsPerSecond);
    last = now;
    for (; owed >= 1; owed -= 1) {
      traffic.step();
      sent += 1;
    }
  }, TICK_MS);
  timer.unref?.();
  return {
    traffic,
    sent: () => sent,
    stop: () => clearInterval(timer),
  };
}
