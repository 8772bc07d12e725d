import type { Dictionary } from '../dictionary';
import type { ipcMessages } from '../ipc';

export const ipc: Dictionary<typeof ipcMessages> = {
  'ipc.unknown-method': 'ב-Ringside אין פעולה בשם "{name}".',
  'ipc.too-long':
    'השדה {field} ארוך מדי ש-Ringside יקבל אותו (לכל היותר {max} תווים). יש לקצר ולנסות שוב.',
  'ipc.too-long-value':
    'ערך ארוך מדי ש-Ringside יקבל אותו (לכל היותר {max} תווים). יש לקצר ולנסות שוב.',
  'ipc.invalid': 'הבקשה לא הייתה תקינה: {problem}.',
  'ipc.invalid-at': 'הבקשה לא הייתה תקינה ({path}): {problem}.',
  'ipc.insecure-url':
    'הבקשה לא הייתה תקינה ({path}): הכתובת חייבת להתחיל ב-https:// כדי שסיסמאות ואסימונים לא יעברו ברשת כטקסט גלוי.',
  plain: '{text}',
  'ipc.internal': 'משהו השתבש בתוך Ringside. הפרטים ביומן.',
  'ipc.unchecked': 'Ringside לא הצליח לבדוק את הבקשה, ולכן לא ביצע אותה.',
  'ipc.forbidden': 'Ringside עונה רק לחלון שלו.',
  'field.email': 'דוא"ל',
  'field.password': 'סיסמה',
  'field.username': 'שם המשתמש',
  'field.token': 'אסימון',
  'field.user-id': 'מזהה המשתמש',
  'field.personal-access-token': 'אסימון הגישה האישי',
  'field.comment': 'הערה',
  'field.tags': 'תגיות',
  'field.label': 'תווית',
  'field.api-token': 'אסימון ה-API',
  'field.relay-token': 'אסימון הממסר',
  'field.relay-url': 'כתובת הממסר',
  'field.space': 'מרחב',
  'field.project-id': 'מזהה הפרויקט',
  'field.server-url': 'כתובת השרת',
  'field.login-base-url': 'כתובת ההתחברות',
  'field.custom-data-key': 'מפתח הנתונים המותאמים',
  'field.event': 'אירוע',
  'field.other': '{name}',
};
