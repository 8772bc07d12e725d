import type { Dictionary } from '../dictionary';
import type { queueMessages } from '../queues';

export const queues: Dictionary<typeof queueMessages> = {
  'queues.wait-alert': 'מתקשר בתור {queue} ממתין יותר מ-{limit}.',
  'queues.count-alert':
    '{count, plural, one {מתקשר אחד ממתין} two {# מתקשרים או יותר ממתינים} other {# מתקשרים או יותר ממתינים}} בתור {queue}.',
};
