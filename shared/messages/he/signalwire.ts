import type { Dictionary } from '../dictionary';
import type { signalWireMessages } from '../signalwire';

const who = '{via, select, relay {הממסר} other {SignalWire}}';

export const signalwire: Dictionary<typeof signalWireMessages> = {
  'sw.timeout': `אין תשובה {via, select, relay {מהממסר} other {מ-SignalWire}} בזמן; ייתכן שהבקשה הגיעה וייתכן שלא.`,
  'sw.cancelled': 'בוטל לפני שהגיעה תשובה.',
  'sw.broken': `החיבור אל ${who} נותק לפני שהגיעה תשובה; ייתכן שהבקשה הגיעה.`,
  'sw.unreachable': `אין גישה אל ${who}.`,
  'sw.unreachable-code': `אין גישה אל ${who} ({code}).`,
  'sw.malformed': `${who} דחה את הבקשה כפגומה (400).`,
  'sw.relay-401': 'הממסר לא קיבל את האסימון שלו (401). יש לבדוק את אסימון הממסר בהגדרות.',
  'sw.token-401':
    'SignalWire לא קיבל את מזהה הפרויקט ואת אסימון ה-API (401). יש לבדוק אותם בהגדרות; האסימון צריך הרשאת Voice.',
  'sw.relay-403': 'הממסר סירב לבקשה הזו (403).',
  'sw.token-403':
    'אסימון ה-API לא רשאי לשלוט בשיחות (403). יש לתת לו הרשאת Voice בלוח הבקרה של SignalWire.',
  'sw.not-found': `${who} לא מכיר את השיחה הזו, או שהיא כבר הסתיימה (404).`,
  'sw.conflict': `${who} סירב: פקודה אחרת על השיחה הזו עדיין מתבצעת (409).`,
  'sw.laml': 'SignalWire לא יכול לשלוט בשיחה הזו: היא נוצרה דרך ה-API של cXML (LaML) (422).',
  'sw.refused': `${who} דחה את הבקשה: {problems} (422).`,
  'sw.refused-invalid': `${who} דחה את הבקשה: פרמטרים לא תקינים (422).`,
  'sw.rate-limited': `${who} מגביל את קצב הבקשות (429); Ringside ינסה שוב.`,
  'sw.unavailable': `${who} אינו זמין לרגע (503); Ringside ינסה שוב.`,
  'sw.internal-problem': `{via, select, relay {בממסר} other {ב-SignalWire}} הייתה תקלה פנימית ({status}). לא נשלח שוב, כי ייתכן שהפקודה כבר בוצעה.`,
  'sw.answered': `${who} ענה {status}.`,
  'sw.delivered': 'נמסר',
  'sw.delivered-not-json': 'נמסר (התשובה לא הייתה JSON)',
  'sw.already-ended': 'כבר הסתיימה',
  'sw.call-ended': 'השיחה הסתיימה',
  'sw.damaged-event': 'האירוע שבתור פגום ולא ניתן לשלוח אותו.',
  'sw.damaged-end': 'פקודת הסיום שבתור פגומה ולא ניתן לשלוח אותה.',
  'sw.unknown-kind': 'Ringside לא יכול לשלוח פעולת SignalWire מסוג "{kind}".',
  'sw.discarded': 'בוטל',
  'sw.test-connected': 'מחובר אל {target}.',
  'sw.test-relay-accepted': 'הממסר קיבל את הבקשה ({target}).',
  'sw.test-credentials-accepted': 'SignalWire קיבל את פרטי הגישה ({target}).',
  'sw.test-checking': 'בודק את {target}…',
  'sw.needs-relay': 'SignalWire לא מוגדר: יש להזין את כתובת הממסר בהגדרות.',
  'sw.needs-space': 'SignalWire לא מוגדר: יש להזין את המרחב, מזהה הפרויקט ואסימון ה-API בהגדרות.',
  'sw.enter-project': 'יש להזין את מזהה הפרויקט ואת אסימון ה-API.',
  'sw.enter-api-token': 'יש להזין את אסימון ה-API (מספיק אסימון עם הרשאת Voice).',
  'sw.no-such-call': 'השיחה הזו כבר לא מופיעה במסך שלך.',
  'sw.no-such-preset': 'התבנית הזו כבר לא מוגדרת.',
  'sw.no-call-id': 'לשיחה הזו אין מזהה שיחה של SignalWire. יש להדביק מזהה כדי לקשר אותה.',
  'sw.call-already-ended': 'שיחת SignalWire הזו כבר הסתיימה.',
  'sw.not-saved': 'Ringside לא הצליח לשמור את הפעולה ({why}), ולכן היא לא נשלחה.',
  'sw.entry-not-saved': 'לא ניתן היה לשמור ({why}), ולכן לא נשלח.',
  'sw.space-empty': 'יש להזין את מרחב ה-SignalWire שלך, למשל acme.signalwire.com.',
  'sw.space-bad': 'זה לא נראה כמו כתובת מרחב של SignalWire.',
  'sw.space-credentials': 'אין לכלול את מזהה הפרויקט והאסימון בכתובת המרחב; יש להם שדות משלהם.',
  'sw.space-path': 'יש להזין רק את כתובת המרחב (acme.signalwire.com), בלי נתיב.',
  'sw.space-insecure':
    'כתובת המרחב חייבת להתחיל ב-https:// כדי שסיסמאות ואסימונים לא יעברו ברשת כטקסט גלוי.',
  'sw.relay-invalid': 'כתובת הממסר אינה כתובת תקינה (https://...).',
  'sw.relay-insecure':
    'כתובת הממסר חייבת להתחיל ב-https:// כדי שסיסמאות ואסימונים לא יעברו ברשת כטקסט גלוי.',
  'sw.relay-token-in-url': 'יש לשים את אסימון הממסר בשדה האסימון, לא בכתובת.',
  'sw.relay-fragment': 'כתובת הממסר לא יכולה להכיל #fragment.',
  'sw.event-too-long': 'האירוע ארוך מדי (לכל היותר {max} תווים).',
  'sw.event-empty': `יש לכתוב את האירוע כאובייקט JSON, למשל '{"action": "order.confirmed"}'.`,
  'sw.event-not-json': 'זה אינו JSON תקין: {problem}.',
  'sw.event-not-object':
    "האירוע חייב להיות אובייקט JSON ('{' ... '}'), לא {kind}. SignalWire מסרב לכל דבר אחר.",
  'sw.call-id-empty': 'יש להדביק את מזהה השיחה של SignalWire (UUID).',
  'sw.call-id-bad':
    'מזהה שיחה של SignalWire נראה כך: 0e9c80d7-a149-4917-892d-420043709f45. אי אפשר לשלוט כאן בשיחות שנוצרו דרך ה-API של cXML (LaML).',
};
