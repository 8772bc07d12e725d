import { z } from 'zod';
import { defineSection } from '../section';

export const notificationsSection = defineSection({
  schema: z.object({
    /** Native alerts for calls ringing on the agent's own extensions. */
    enabled: z.boolean().default(true),
    /** Bring the window to the front when a call rings. Off by default: never steal focus unless the agent chose it. */
    focusWindowOnRing: z.boolean().default(false),
  }),
});
