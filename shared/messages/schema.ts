import { z } from 'zod';
import type { Message } from './catalogue';

/** A message as it arrives over the headless host's socket, checked like any other frame. */
export const messageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    code: z.string().max(100),
    params: z.record(z.string(), z.union([z.string(), z.number(), messageSchema])),
  }),
);
