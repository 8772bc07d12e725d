import { z } from 'zod';
import { defineSection } from '../section';

export const languageSection = defineSection({
  schema: z.object({
    /** The agent's language for the window, notifications and the tray; `system` follows the OS. */
    choice: z.enum(['system', 'en', 'he']).default('system'),
  }),
});
