import { z } from 'zod';
import { defineSection } from '../section';

/**
 * When the queues raise a gentle alert in the window: a caller waiting longer than
 * `alertWaitSeconds`, or at least `alertWaitingCount` callers waiting in one queue. 0 is off. An
 * administrator sets them in the configuration file; the agent can change them.
 */
export const queuesSection = defineSection({
  schema: z.object({
    alertWaitSeconds: z.int().min(0).max(7_200).default(0),
    alertWaitingCount: z.int().min(0).max(1_000).default(0),
  }),
});
