import type { Dictionary } from '../dictionary';
import type { desktopMessages } from '../desktop';

const demo = '{mode, select, demo { (הדגמה)} other {}}';

export const desktop: Dictionary<typeof desktopMessages> = {
  'notify.incoming-call': 'שיחה נכנסת',
  'notify.caller-named': '{name} {number}',
  'notify.caller-number': '{number}',
  'notify.caller-unknown': 'מתקשר לא מזוהה',
  'notify.ring-body': '{who}',
  'notify.ring-body-line': '{who}, קו {line}',
  'notify.action-show': 'הצגה',
  'notify.action-open-room': 'פתיחת החדר',
  'notify.test-title': 'שיחה נכנסת (בדיקה)',
  'notify.test-body': 'כך Ringside מודיע לך ששיחה מצלצלת.',
  'notify.alert-failed':
    'Ringside לא הצליח להציג התראה בשולחן העבודה על השיחה המצלצלת. יש לוודא שההתראות של Ringside מותרות בהגדרות המערכת.',
  'notify.test-failed':
    'התראת הבדיקה לא הגיעה לשולחן העבודה. יש לוודא שההתראות של Ringside מותרות בהגדרות המערכת.',
  'notify.test-no-service':
    'התראת הבדיקה לא הגיעה לשולחן העבודה: אין במחשב הזה שירות התראות פעיל, ולכן Ringside לא יכול להציג כאן התראות.',
  'desktop.no-service':
    'אי אפשר להציג כאן התראות על שיחות: {why}. {platform, select, linux {Ringside צריך שרת התראות של שולחן העבודה על ערוץ ההפעלה (ל-GNOME, ל-KDE ולרוב שולחנות העבודה יש כזה; במנהל חלונות בסיסי יש להפעיל אחד, למשל {example}) ואת {tool} (ב-Debian/Ubuntu: {install}).} other {יש לשאול את מחלקת המחשוב אם ההתראות חסומות במחשב הזה.}} עד אז, שיחות מצלצלות מוצגות בחלון ובמגש המערכת.',
  'desktop.no-service-here': 'אין בשולחן העבודה הזה שירות התראות',
  'desktop.no-notify-send': '{tool} אינו מותקן (ב-Debian/Ubuntu: {install})',
  'desktop.no-session-bus': 'אין ערוץ הפעלה של שולחן העבודה לשלוח אליו התראות',
  'desktop.blocked':
    'המערכת סירבה להתראת השיחה של Ringside. {platform, select, win32 {יש לפתוח הגדרות > מערכת > הודעות, להפעיל הודעות עבור Ringside ולוודא שמצב "נא לא להפריע" (Focus assist) מאפשר אותן.} darwin {יש לפתוח הגדרות מערכת > עדכונים > Ringside, להפעיל "אפשר עדכונים" בסגנון התראות ולוודא שאף מצב ריכוז לא עוצר אותן.} other {יש לבדוק את הגדרות ההתראות של שולחן העבודה ואת מצב "נא לא להפריע".}} אחר כך אפשר להשתמש ב"צלצול בדיקה" כדי לבדוק.',
  'desktop.tray-no-service': 'אין שירות התראות: אי אפשר להציג התראות',
  'desktop.tray-blocked': 'ההתראות נחסמו על ידי המערכת (פרטים בחלון)',
  'desktop.not-a-phone-link': 'הקישור הזה אינו מספר טלפון.',
  'desktop.link-gone': 'קישור השיחה הזה כבר לא ממתין.',
  'update.not-ready': 'אין עדכון מוכן להתקנה.',
  'update.during-call':
    'Ringside לא מופעל מחדש במהלך שיחה. אפשר להפעיל מחדש לעדכון כשהשיחה תסתיים.',
  'tray.show': 'הצגת Ringside',
  'tray.quit': 'יציאה מ-Ringside',
  'tray.signed-out': 'מנותק מהחשבון',
  'tray.not-connected': `לא מחובר${demo}`,
  'tray.connecting': `מתחבר…${demo}`,
  'tray.connecting-attempt': `מתחבר… (ניסיון {attempt})${demo}`,
  'tray.offline': `לא מקוון${demo}: {reason}`,
  'tray.offline-retrying-now': `לא מקוון${demo}: {reason}, מנסה שוב עכשיו`,
  'tray.offline-retrying-in': `לא מקוון${demo}: {reason}, מנסה שוב בעוד {wait}`,
  'tray.connected': `מחובר${demo}`,
  'tray.ringing': 'מצלצל: {who}',
  'tray.on-hold': 'בהמתנה: {who}',
  'tray.calling': 'מחייג אל {who}',
  'tray.listening': 'האזנה: {who}',
  'tray.on-call': 'בשיחה עם {who}',
  'tray.caller-unknown': 'מתקשר לא מזוהה',
  'tray.last-event': 'אירוע אחרון לפני {ago}',
  'tray.alerts-off': 'התראות השיחה כבויות',
  'tray.alerts-unavailable': 'התראות בשולחן העבודה אינן זמינות',
  'tray.dnd-until-off': 'נא לא להפריע עד שתכבה',
  'tray.dnd-until': 'נא לא להפריע עד {time}',
  'tray.missed':
    '{count, plural, one {שיחה אחת שלא נענתה} two {שתי שיחות שלא נענו} other {# שיחות שלא נענו}}',
  'tray.since': '{host} מאז {time}',
  'tray.waiting':
    '{count, plural, one {מתקשר אחד ממתין} two {שני מתקשרים ממתינים} other {# מתקשרים ממתינים}}',
  'time.seconds': '{count, plural, one {שנייה} two {שתי שניות} other {# שניות}}',
  'time.minutes': '{count, plural, one {דקה} two {שתי דקות} other {# דקות}}',
  'time.hours': '{count, plural, one {שעה} two {שעתיים} other {# שעות}}',
  'time.ago': '{duration}',
};
