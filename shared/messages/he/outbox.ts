import type { Dictionary } from '../dictionary';
import type { outboxMessages } from '../outbox';

export const outbox: Dictionary<typeof outboxMessages> = {
  'outbox.queue-not-saved':
    'עדיין לא נשלח: Ringside לא הצליח לשמור את התור שלו ({why}). הפעולה תישלח כשיוכל.',
  'outbox.waiting-for': 'ממתין ש"{label}" יישלח קודם.',
  'outbox.waiting-for-failed': 'ממתין ל"{label}", שנכשל: יש לשלוח אותו שוב או לבטל אותו קודם.',
};
