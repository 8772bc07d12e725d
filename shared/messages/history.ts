/** What the call history and the screen pop say from main: refusals, disk trouble, the alert's line. */
import { defineMessages } from './catalogue';

export const historyMessages = defineMessages({
  'history.export-failed': {},
  'history.no-number': {},
  'history.not-saved': {},
  /** The notification's line about a caller who called before: how often, and the last outcome. */
  'notify.called-before': { count: 'count', last: 'message' },
  'history.outcome.answered': {},
  'history.outcome.missed': {},
  'history.outcome.answered-elsewhere': {},
  'history.outcome.rejected': {},
  'history.outcome.busy': {},
  'history.outcome.abandoned': {},
  'history.outcome.failed': {},
  'history.outcome.unknown': {},
});
