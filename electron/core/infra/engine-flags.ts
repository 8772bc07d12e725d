/**
 * V8 settings for a process that folds a fast stream of small events into a large, long-lived
 * state. Called once by each host before the core starts.
 *
 * Allocation-site pretenuring is off. V8 watches how many objects from each `{...}` in the code
 * survive a young-generation collection and, past a threshold, allocates that site's objects in
 * the old generation from then on. Parsing a server snapshot of thousands of extensions keeps
 * every object the readers make alive for a while, so the readers' sites are marked long-lived;
 * afterwards every event's parsed call and extension (garbage a moment later) is made in the old
 * generation, and the fresh payload objects they point to are copied out of the young generation
 * on every collection until a full one runs. Measured on an account of 5,000 extensions: about
 * 820 bytes per event promoted to the old generation, against 380 with pretenuring off (240 at
 * 50 extensions), and about 2 µs of CPU per event (benchmarks/README.md). The flag is read at
 * collection time, so setting it at start-up applies.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneEngineForEventStreams(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
