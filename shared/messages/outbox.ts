/** The durable outbox's own words: why an action is not sent yet. */
import { defineMessages } from './catalogue';

export const outboxMessages = defineMessages({
  'outbox.queue-not-saved': { why: 'message' },
  'outbox.waiting-for': { label: 'message' },
  'outbox.waiting-for-failed': { label: 'message' },
});
