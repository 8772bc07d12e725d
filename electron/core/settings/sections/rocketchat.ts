import { z } from 'zod';
import { defineSection } from '../section';

// Owned by the Rocket.Chat work: add fields (each with a default) to the schema here; nothing else
// needs to change. The session token is a secret: it lives in the SecretStore, never in this section.
export const rocketchatSection = defineSection({
  schema: z.object({}).loose(),
  secretFields: { authToken: 'rocketchat.authToken' },
});
