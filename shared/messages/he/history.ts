import type { Dictionary } from '../dictionary';
import type { historyMessages } from '../history';

export const history: Dictionary<typeof historyMessages> = {
  'history.export-failed': 'לא ניתן היה לשמור את השיחות במקום הזה.',
  'history.no-number': 'לשיחה הזו אין מספר לחיוג חוזר.',
  'history.not-saved':
    'לא ניתן היה לשמור את היסטוריית השיחות בדיסק: שיחות חדשות נשמרות רק עד ש-Ringside ייסגר.',
  'notify.called-before':
    '{count, plural, one {התקשר פעם אחת בעבר} two {התקשר פעמיים בעבר} other {התקשר # פעמים בעבר}}, לאחרונה: {last}',
  'history.outcome.answered': 'נענתה',
  'history.outcome.missed': 'לא נענתה',
  'history.outcome.answered-elsewhere': 'נענתה בשלוחה אחרת',
  'history.outcome.rejected': 'נדחתה',
  'history.outcome.busy': 'תפוס',
  'history.outcome.abandoned': 'ננטשה בתור',
  'history.outcome.failed': 'נכשלה',
  'history.outcome.unknown': 'הסתיימה בזמן ניתוק',
};
