import type { Dictionary } from '../dictionary';
import type { outboxMessages } from '../outbox';

export const outbox: Dictionary<typeof outboxMessages> = {
  'outbox.queue-not-saved':
    'Not sent yet: Ringside could not save its queue ({why}). It is sent once it can.',
  'outbox.waiting-for': 'Waiting for "{label}" to be sent first.',
  'outbox.waiting-for-failed': 'Waiting for "{label}", which failed: retry or discard it first.',
};
