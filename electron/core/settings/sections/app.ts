import { z } from 'zod';
import { defineSection } from '../section';

export const appSection = defineSection({
  schema: z.object({
    /** What Ringside runs now: the demo service, a real Voicenter account, or nothing (signed out). */
    mode: z.enum(['demo', 'account', 'signed-out']).default('demo'),
  }),
});
