/**
 * The Rocket.Chat components' words in both languages, kept beside them (a missing Hebrew string
 * is a compile error, as in the app's own dictionaries). `{name}` parameters.
 */
import { translator } from '../../lib/i18n.svelte';

const en = {
  title: 'Rocket.Chat room',
  openRoom: 'Open room',
  opening: 'Opening the room…',
  noRoomHint: 'Open the caller’s omnichannel room to keep it in step with this call.',
  caller: 'Caller',
  agent: 'Agent',
  roomId: 'Room',
  'status.opening': 'opening',
  'status.open': 'open',
  'status.closing': 'closing',
  'status.closed': 'closed',
  'status.failed': 'not opened',
  openInRocketChat: 'Open in Rocket.Chat',
  hold: 'Hold',
  unhold: 'Unhold',
  end: 'End',
  ended: 'The end of the call was sent to the room.',
  wrapUpTitle: 'Wrap-up',
  wrapUpHint: 'Closes the room with your notes.',
  comment: 'Comment',
  tags: 'Tags (comma-separated)',
  closeRoom: 'Close room',
  endUnknown:
    'This call ended while Ringside was not running, and nobody reported when: the room got its end without a duration.',
  pendingWrapUps: 'Rooms waiting for wrap-up',
  wrapUpThis: 'Wrap up',
  back: 'Back to the current call',
  keepInStepOn: 'Hold, unhold and hang-up are sent by themselves.',
  notSignedIn: 'Sign in to Rocket.Chat (Settings) to open rooms.',
  // Outbox strip
  outboxTitle: 'Sent to Rocket.Chat',
  outboxEmpty: 'Nothing queued.',
  'state.queued': 'Queued',
  'state.sending': 'Sending',
  'state.waiting': 'Waiting',
  'state.sent': 'Sent',
  'state.failed': 'Failed',
  'doubt.unresolved':
    'Ringside stopped (or lost the answer) while sending this: it checks whether it arrived before sending it again.',
  'doubt.found': 'It had arrived before Ringside stopped, so it was not sent again.',
  'doubt.maybe-twice':
    'May have been sent twice: Ringside stopped while sending it and could not check whether it had arrived.',
  retryIn: 'next try in {seconds} s',
  attempts: '{count} attempts',
  retry: 'Retry',
  discard: 'Discard',
  showSent: 'Show sent ({count})',
  hideSent: 'Hide sent',
  // Sign-in and settings
  signInTitle: 'Rocket.Chat',
  signInIntro:
    'Sign in once: Ringside opens the caller’s omnichannel room and keeps it in step with the call.',
  serverUrl: 'Server address',
  methodPassword: 'Username and password',
  methodToken: 'Personal access token',
  username: 'Username or email',
  password: 'Password',
  code: 'Two-factor code',
  codeHint: 'Rocket.Chat asks for the current code from your authenticator app.',
  userId: 'User id',
  token: 'Personal access token',
  tokenHint: 'Create one in Rocket.Chat under My Account > Personal Access Tokens.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name} on {server}',
  version: 'Rocket.Chat {version}',
  sessionEnded: 'Your session ended. Sign in again to send queued room actions.',
  autoOpen: 'Open the room automatically when I answer',
  keepInStep: 'Keep the room in step with the call (hold, unhold, end)',
  defaultTags: 'Default wrap-up tags (comma-separated)',
  save: 'Save',
  notAgent: 'not an omnichannel agent',
} as const;

export type RcKey = keyof typeof en;

const he: Record<RcKey, string> = {
  title: 'חדר Rocket.Chat',
  openRoom: 'פתיחת חדר',
  opening: 'פותח את החדר…',
  noRoomHint: 'פתחו את חדר הפנייה של המתקשר כדי שיתעדכן לפי השיחה.',
  caller: 'מתקשר',
  agent: 'נציג',
  roomId: 'חדר',
  'status.opening': 'נפתח',
  'status.open': 'פתוח',
  'status.closing': 'נסגר',
  'status.closed': 'סגור',
  'status.failed': 'לא נפתח',
  openInRocketChat: 'פתיחה ב-Rocket.Chat',
  hold: 'המתנה',
  unhold: 'חזרה מהמתנה',
  end: 'סיום',
  ended: 'סיום השיחה נשלח לחדר.',
  wrapUpTitle: 'סיכום שיחה',
  wrapUpHint: 'סוגר את החדר עם ההערות שלכם.',
  comment: 'הערה',
  tags: 'תגיות (מופרדות בפסיקים)',
  closeRoom: 'סגירת החדר',
  endUnknown:
    'השיחה הסתיימה כש-Ringside לא פעל, ואיש לא דיווח מתי: סיום השיחה נשלח לחדר בלי משך השיחה.',
  pendingWrapUps: 'חדרים שממתינים לסיכום',
  wrapUpThis: 'לסיכום',
  back: 'חזרה לשיחה הנוכחית',
  keepInStepOn: 'המתנה, חזרה וניתוק נשלחים אוטומטית.',
  notSignedIn: 'התחברו ל-Rocket.Chat (בהגדרות) כדי לפתוח חדרים.',
  outboxTitle: 'נשלח ל-Rocket.Chat',
  outboxEmpty: 'אין פעולות בתור.',
  'state.queued': 'בתור',
  'state.sending': 'נשלח',
  'state.waiting': 'ממתין',
  'state.sent': 'נשלח',
  'state.failed': 'נכשל',
  'doubt.unresolved':
    'Ringside נעצר (או לא קיבל תשובה) בזמן השליחה: הוא בודק אם הפעולה הגיעה לפני ששולח אותה שוב.',
  'doubt.found': 'הפעולה הגיעה לפני ש-Ringside נעצר, ולכן לא נשלחה שוב.',
  'doubt.maybe-twice':
    'ייתכן שנשלחה פעמיים: Ringside נעצר בזמן השליחה ולא יכול היה לבדוק אם הגיעה.',
  retryIn: 'ניסיון נוסף בעוד {seconds} שנ׳',
  attempts: '{count} ניסיונות',
  retry: 'לנסות שוב',
  discard: 'לבטל',
  showSent: 'הצגת פעולות שנשלחו ({count})',
  hideSent: 'הסתרת פעולות שנשלחו',
  signInTitle: 'Rocket.Chat',
  signInIntro: 'התחברו פעם אחת: Ringside פותח את חדר הפנייה של המתקשר ומעדכן אותו לפי השיחה.',
  serverUrl: 'כתובת השרת',
  methodPassword: 'שם משתמש וסיסמה',
  methodToken: 'אסימון גישה אישי',
  username: 'שם משתמש או דוא״ל',
  password: 'סיסמה',
  code: 'קוד אימות דו-שלבי',
  codeHint: 'Rocket.Chat מבקש את הקוד הנוכחי מאפליקציית האימות.',
  userId: 'מזהה משתמש',
  token: 'אסימון גישה אישי',
  tokenHint: 'יוצרים אותו ב-Rocket.Chat תחת החשבון שלי > אסימוני גישה אישיים.',
  signIn: 'התחברות',
  signingIn: 'מתחבר…',
  signOut: 'התנתקות',
  signedInAs: 'מחובר כ-{name} בשרת {server}',
  version: 'Rocket.Chat {version}',
  sessionEnded: 'החיבור הסתיים. התחברו שוב כדי לשלוח את פעולות החדר שבתור.',
  autoOpen: 'לפתוח את החדר אוטומטית כשאני עונה',
  keepInStep: 'לעדכן את החדר לפי השיחה (המתנה, חזרה, סיום)',
  defaultTags: 'תגיות ברירת מחדל לסיכום (מופרדות בפסיקים)',
  save: 'שמירה',
  notAgent: 'אינו נציג פניות',
};

export const rc = translator<RcKey>({ en, he });

/** "a, b,, c " -> ["a", "b", "c"] */
export const parseTags = (text: string): string[] =>
  [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ].slice(0, 20);
