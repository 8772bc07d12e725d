import { z } from 'zod';
import { defineSection } from '../section';

// Owned by the SignalWire work: add fields (each with a default) to the schema here; nothing else
// needs to change. The API token is a secret: it lives in the SecretStore, never in this section.
export const signalwireSection = defineSection({
  schema: z.object({}).loose(),
  secretFields: { apiToken: 'signalwire.apiToken' },
});
