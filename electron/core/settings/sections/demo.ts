import { z } from 'zod';
import { defineSection } from '../section';

/** The built-in demo telephony service, so anyone can try Ringside without an account. */
export const demoSection = defineSection({
  schema: z.object({
    /** Whether the demo is offered. On until an account is set up; a managed deployment may turn it off. */
    enabled: z.boolean().default(true),
    scenario: z.string().trim().min(1).max(64).default('demo-loop'),
    /** Seed of the demo's pseudo-random callers, so a run can be repeated. */
    seed: z.int().min(0).max(2_147_483_647).default(1),
  }),
});
