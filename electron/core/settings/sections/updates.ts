import { z } from 'zod';
import { isSecureUrl } from '../../../../shared/net/secure-url';
import { defineSection } from '../section';

/**
 * The app's own updates. Set by an administrator in the configuration file (the window has no
 * control for them), so a managed deployment decides whether and from where desks update.
 */
export const updatesSection = defineSection({
  schema: z.object({
    /** Look for new versions on start and daily, download them in the background, offer a restart. */
    enabled: z.boolean().default(true),
    /**
     * A generic update server (electron-builder's `latest.yml` files) instead of the feed the
     * build was made with (GitHub releases). https only, with no exception for this computer:
     * what comes from it is installed.
     */
    feedUrl: z
      .string()
      .trim()
      .max(2048)
      .refine((text) => isSecureUrl(text, { loopbackHttp: false }), {
        error: 'must start with https:// (updates are only fetched over an encrypted connection)',
      })
      .nullable()
      .default(null),
  }),
});
