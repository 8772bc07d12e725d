/** The queues' gentle alerts, from main. */
import { defineMessages } from './catalogue';

export const queueMessages = defineMessages({
  /** `limit`: the agent's threshold, as mm:ss. */
  'queues.wait-alert': { queue: 'id', limit: 'id' },
  'queues.count-alert': { queue: 'id', count: 'count' },
});
