import { z } from 'zod';
import { defineSection } from '../section';

/**
 * The team board. Accounts can rename their statuses (spec 2.5: "Lunch" may be "Break" on one
 * account), so an administrator can give the board the account's own names, by code; codes not
 * named keep the app's names in the agent's language, and unknown ones read "Status N".
 */
export const boardSection = defineSection({
  schema: z.object({
    statusNames: z
      .record(
        z.string().regex(/^\d{1,4}$/, 'a status is named by its code, digits only'),
        z.string().trim().min(1).max(40),
      )
      .refine((names) => Object.keys(names).length <= 100, 'at most 100 status names')
      .default(() => ({})),
  }),
});
