import { z } from 'zod';
import { defineSection } from '../section';
import { DEFAULT_REGION, isPhoneRegion } from '../../../../shared/phone/normalise';

/** How caller numbers are read when matching a call to earlier ones and to Rocket.Chat visitors. */
export const phoneSection = defineSection({
  schema: z.object({
    /**
     * The region a number written without a country code belongs to (two letters, `IL`, `GB`),
     * so `0501234567`, `972501234567` and `+972501234567` are one caller in Israel.
     */
    defaultRegion: z
      .string()
      .trim()
      .refine(isPhoneRegion, 'a region is a two-letter country code such as IL or GB')
      .default(DEFAULT_REGION),
  }),
});
