import type { Dictionary } from '../dictionary';
import type { queueMessages } from '../queues';

export const queues: Dictionary<typeof queueMessages> = {
  'queues.wait-alert': 'A caller in {queue} has waited over {limit}.',
  'queues.count-alert':
    '{count, plural, one {# caller waits} other {# or more callers wait}} in {queue}.',
};
