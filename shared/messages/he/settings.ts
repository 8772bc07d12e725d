import type { Dictionary } from '../dictionary';
import type { settingsMessages } from '../settings';

export const settings: Dictionary<typeof settingsMessages> = {
  'settings.secrets-memory-only':
    'המחשב הזה לא יכול להצפין סיסמאות שמורות, ולכן Ringside שומר את הסיסמה שלך רק עד שייסגר.',
  'settings.secrets-not-kept':
    'המחשב הזה לא יכול להצפין סיסמאות שמורות, ולכן Ringside לא שמר את הסיסמה שלך. יש להתחבר שוב כדי לקבל שיחות.',
  'settings.sign-in-incomplete':
    'ההתחברות שלך ל-Voicenter אינה שלמה. יש להתחבר שוב כדי לקבל שיחות.',
  'settings.demo-disabled': 'ההדגמה כבויה במחשב הזה.',
  'settings.not-saved':
    'Ringside משתמש בשינוי הזה אבל לא הצליח לשמור אותו, כי {because}. השינוי יאבד כש-Ringside ייסגר, אלא אם יצליח לשמור אותו לפני כן.',
  'settings.data-folder':
    'Ringside לא יכול לכתוב לתיקיית הנתונים שלו ({dir}) כי {because}: הגדרות ופעולות בתור לא נשמרות {until, select, space {עד שיתפנה מקום} other {עד שיוכל לכתוב שם שוב}}.',
  'settings.config-not-used':
    'Ringside לא השתמש בקובץ ההגדרות {why}. הוא הופעל עם ההגדרות שהיו לו.',
  'settings.config-not-used-see-log':
    'Ringside לא השתמש בקובץ ההגדרות {path} (הפרטים ביומן). הוא הופעל עם ההגדרות שהיו לו.',
  'disk.full': 'הדיסק מלא',
  'disk.quota': 'מכסת הדיסק נוצלה',
  'disk.folder-read-only': 'התיקייה לקריאה בלבד',
  'disk.read-only': 'הדיסק לקריאה בלבד',
  'disk.not-allowed': 'ל-Ringside אין הרשאה לכתוב שם',
  'disk.may-not-write': 'ל-Ringside אין הרשאה לכתוב לתיקיית הנתונים שלו',
  'disk.io-error': 'הדיסק דיווח על שגיאה',
  'disk.refused': 'הדיסק סירב לכתיבה',
  'disk.refused-code': 'הדיסק סירב לכתיבה ({code})',
};
