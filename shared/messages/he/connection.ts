import type { Dictionary } from '../dictionary';
import type { connectionMessages } from '../connection';

const service = '{what, select, refresh {רענון האסימון} other {ההתחברות}}';

export const connection: Dictionary<typeof connectionMessages> = {
  'connection.no-sign-of-life': 'אין סימני חיים מ-{host}',
  'connection.could-not-connect': 'לא ניתן להתחבר אל {host}',
  'connection.no-answer': '{host} לא ענה בזמן',
  'connection.dropped': 'החיבור אל {host} נותק',
  'connection.host-error': '{host} דיווח על שגיאה',
  'connection.bad-link': '{host} דיווח על קישור פגום (קוד {code})',
  'connection.refused-again':
    'Voicenter ממשיך לסרב לחיבור גם אחרי התחברות מחדש. יש לנסות שוב מאוחר יותר.',
  'connection.session-refused': 'Voicenter סירב להפעלה; מתחבר מחדש',
  'login.cancelled': `${service} בוטל.`,
  'login.timeout': `שירות ${service} של Voicenter לא ענה בזמן.`,
  'login.network': `אין גישה לשירות ${service} של Voicenter (שגיאת רשת).`,
  'login.no-service': `אין שירות ${service} של Voicenter בכתובת שהוגדרה.`,
  'login.server-problem': `בשירות ${service} של Voicenter הייתה תקלה (HTTP {status}).`,
  'login.server-status': `בשירות ${service} של Voicenter הייתה תקלה (סטטוס {status}).`,
  'login.redirects': `כתובת ${service} של Voicenter מפנה למקום אחר; יש להגדיר את הכתובת הסופית.`,
  'login.odd-answer': `שירות ${service} של Voicenter ענה באופן חריג (HTTP {status}).`,
  'login.unreadable': `שירות ${service} של Voicenter שלח תשובה שלא ניתן לקרוא.`,
  'login.unexpected': `שירות ${service} של Voicenter שלח תשובה לא צפויה ({why}).`,
  'login.rejected':
    'Voicenter דחה את ההתחברות: {loginType, select, user {יש לבדוק את הדוא"ל והסיסמה} account {יש לבדוק את שם המשתמש והסיסמה} other {יש לבדוק את אסימון החשבון}}.',
  'login.session-expired': 'Voicenter כבר לא מקבל את ההפעלה השמורה; מתחבר מחדש.',
  'login.address-invalid': 'כתובת ההתחברות של Voicenter אינה כתובת אינטרנט תקינה.',
  'login.address-insecure':
    'כתובת ההתחברות של Voicenter חייבת להתחיל ב-https:// כדי שסיסמאות ואסימונים לא יעברו ברשת כטקסט גלוי.',
  'login.address-credentials': 'כתובת ההתחברות של Voicenter לא יכולה להכיל שם או סיסמה.',
};
