import type { Dictionary } from '../dictionary';
import type { historyMessages } from '../history';

export const history: Dictionary<typeof historyMessages> = {
  'history.export-failed': 'The calls could not be saved there.',
  'history.no-number': 'That call has no number to call back.',
  'history.not-saved':
    'The call history could not be saved to disk: new calls are kept only until Ringside closes.',
  'notify.called-before':
    '{count, plural, one {Called once before} other {Called # times before}}, last: {last}',
  'history.outcome.answered': 'answered',
  'history.outcome.missed': 'missed',
  'history.outcome.answered-elsewhere': 'answered elsewhere',
  'history.outcome.rejected': 'rejected',
  'history.outcome.busy': 'busy',
  'history.outcome.abandoned': 'gave up in the queue',
  'history.outcome.failed': 'failed',
  'history.outcome.unknown': 'ended while offline',
};
