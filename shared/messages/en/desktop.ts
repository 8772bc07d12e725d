import type { Dictionary } from '../dictionary';
import type { desktopMessages } from '../desktop';

const demo = '{mode, select, demo { (demo)} other {}}';

export const desktop: Dictionary<typeof desktopMessages> = {
  'notify.incoming-call': 'Incoming call',
  'notify.caller-named': '{name} {number}',
  'notify.caller-number': '{number}',
  'notify.caller-unknown': 'Unknown caller',
  'notify.ring-body': '{who}',
  'notify.ring-body-line': '{who}, line {line}',
  'notify.action-show': 'Show',
  'notify.action-open-room': 'Open room',
  'notify.test-title': 'Incoming call (test)',
  'notify.test-body': 'This is how Ringside tells you a call is ringing.',
  'notify.alert-failed':
    'Ringside could not show a desktop notification for the ringing call. Check that notifications are allowed for Ringside in your system settings.',
  'notify.test-failed':
    'The test notification did not reach your desktop. Check that notifications are allowed for Ringside in your system settings.',
  'notify.test-no-service':
    'The test notification did not reach your desktop: no notification service is running on this computer, so Ringside cannot show desktop alerts here.',
  'desktop.no-service':
    'Call alerts cannot be shown here: {why}. {platform, select, linux {Ringside needs a desktop notification server on the session bus (GNOME, KDE and most desktops have one; on a bare window manager start one such as {example}) and {tool} (Debian/Ubuntu: {install}).} other {Ask your IT department whether notifications are disabled for this computer.}} Until then, ringing calls show in the window and the tray.',
  'desktop.no-service-here': 'this desktop has no notification service',
  'desktop.no-notify-send': '{tool} is not installed (Debian/Ubuntu: {install})',
  'desktop.no-session-bus': 'there is no desktop session bus to send alerts to',
  'desktop.blocked':
    'The system refused Ringside\'s call alert. {platform, select, win32 {Open Settings > System > Notifications, turn notifications on for Ringside, and check that Do not disturb (Focus assist) lets them through.} darwin {Open System Settings > Notifications > Ringside, turn on "Allow notifications" with the Alerts style, and check that no Focus mode holds them back.} other {Check your desktop\'s notification settings and its do-not-disturb mode.}} Then use "Test ring" to check.',
  'desktop.tray-no-service': 'No notification service: alerts cannot show',
  'desktop.tray-blocked': 'Alerts blocked by the system (see the window)',
  'desktop.not-a-phone-link': 'That link is not a phone number.',
  'desktop.link-gone': 'That call link is no longer waiting.',
  'update.not-ready': 'There is no update ready to install.',
  'update.during-call':
    'Ringside does not restart during a call. Restart to update when the call is over.',
  'tray.show': 'Show Ringside',
  'tray.quit': 'Quit Ringside',
  'tray.signed-out': 'Signed out',
  'tray.not-connected': `Not connected${demo}`,
  'tray.connecting': `Connecting…${demo}`,
  'tray.connecting-attempt': `Connecting… (attempt {attempt})${demo}`,
  'tray.offline': `Offline${demo}: {reason}`,
  'tray.offline-retrying-now': `Offline${demo}: {reason}, retrying now`,
  'tray.offline-retrying-in': `Offline${demo}: {reason}, retrying in {wait}`,
  'tray.connected': `Connected${demo}`,
  'tray.ringing': 'Ringing: {who}',
  'tray.on-hold': 'On hold: {who}',
  'tray.calling': 'Calling {who}',
  'tray.listening': 'Listening in: {who}',
  'tray.on-call': 'On a call with {who}',
  'tray.caller-unknown': 'unknown caller',
  'tray.last-event': 'Last event {ago}',
  'tray.alerts-off': 'Call alerts are turned off',
  'tray.alerts-unavailable': 'Desktop alerts are not available',
  'tray.dnd-until-off': 'Do not disturb until you turn it off',
  'tray.dnd-until': 'Do not disturb until {time}',
  'tray.missed': '{count, plural, one {# missed call} other {# missed calls}}',
  'tray.since': '{host} since {time}',
  'tray.waiting': '{count, plural, one {# caller waiting} other {# callers waiting}}',
  'time.seconds': '{count} s',
  'time.minutes': '{count} min',
  'time.hours': '{count} h',
  'time.ago': '{duration} ago',
};
