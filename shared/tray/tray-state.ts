import type { CallStatus } from '../domain/calls';
import type { AlertMode } from '../desktop/alert-policy';
import type { AppSnapshot } from '../ipc/snapshot';
import { formatPhoneForDisplay } from '../phone/normalise';
import type { Message } from '../messages/catalogue';
import type { Locale } from '../messages/locale';
import { english, say, translate } from '../messages/translate';

/** The six looks of the tray icon, one glance apart. */
export type TrayKind = 'connected' | 'connecting' | 'offline' | 'ringing' | 'in-call' | 'missed';

export interface TrayState {
  kind: TrayKind;
  /** What the tray shows on hover: the first line is the headline. */
  tooltip: string;
  /** The same facts, one per line, for the (disabled) status items of the tray menu. */
  lines: string[];
  /** The menu's own items in the agent's language (absent: English). */
  menu?: { show: string; quit: string };
  /** The agent's alert mode, for the menu's radio items (absent: the menu offers none). */
  alertMode?: AlertMode;
}

/** The view the tray reads; the desktop part is optional so the tray also renders without it. */
export type TraySource = Omit<AppSnapshot, 'desktop'> & Partial<Pick<AppSnapshot, 'desktop'>>;

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;
/** After this long without any event while "connected", say how long it has been quiet. */
const QUIET_AFTER_MS = 5 * 60_000;

/**
 * The tray tells the truth about reachability: a connection that is down or still connecting wins
 * over any call it last knew about (that call may be stale), a ringing call wins over everything
 * else, and muted or unavailable alerts are said out loud. In `locale`, names and numbers isolated;
 * without one, plain English (logs, tests).
 */
export function trayStateOf(snapshot: TraySource, locale?: Locale): TrayState {
  const words = (message: Message): string =>
    locale ? translate(locale, message) : english(message);
  const { headline, kind } = headlineOf(snapshot);
  const lines = [words(headline)];
  const state = snapshot.connection.state;
  const lastEventAt = snapshot.connection.lastEventAt;
  if (
    state.status === 'connected' &&
    lastEventAt !== null &&
    snapshot.now - lastEventAt >= QUIET_AFTER_MS
  ) {
    lines.push(words(say('tray.last-event', { ago: ago(snapshot.now - lastEventAt) })));
  }
  const desktop = snapshot.desktop;
  if (snapshot.mode !== 'signed-out') {
    if (!snapshot.settings.notifications.enabled) lines.push(words(say('tray.alerts-off')));
    else if (desktop?.dnd.active) lines.push(words(dndWords(desktop.dnd.until)));
    else if (desktop && desktop.notifications.status !== 'ok')
      lines.push(
        desktop.notifications.traySays
          ? words(desktop.notifications.traySays)
          : desktop.notifications.trayLine,
      );
    else if (!snapshot.notificationsAvailable) lines.push(words(say('tray.alerts-unavailable')));
  }
  const missed = desktop?.missed.count ?? 0;
  if (missed > 0) lines.push(words(say('tray.missed', { count: missed })));
  const shown = kind === 'connected' && missed > 0 ? 'missed' : kind;
  return {
    kind: shown,
    lines,
    tooltip: clip(
      ['Ringside', ...lines, ...detailsOf(snapshot).map(words)].join('\n'),
      TOOLTIP_MAX,
    ),
    ...(desktop ? { alertMode: desktop.alertMode } : {}),
    ...(locale ? { menu: { show: words(say('tray.show')), quit: words(say('tray.quit')) } } : {}),
  };
}

/** The tooltip's details below the status: the server and since when, who waits in the queues. */
function detailsOf(snapshot: TraySource): Message[] {
  const details: Message[] = [];
  const state = snapshot.connection.state;
  if (state.status === 'connected')
    details.push(say('tray.since', { host: hostOf(state.server), time: clockTime(state.since) }));
  let waiting = 0;
  for (const queue of Object.values(snapshot.calls.queues)) waiting += queue.calls.length;
  if (waiting > 0) details.push(say('tray.waiting', { count: waiting }));
  return details;
}

// shared/ compiles without DOM or Node typings, yet both runtimes have the WHATWG URL parser.
declare const URL: new (input: string) => { readonly host: string };

function hostOf(server: string): string {
  try {
    return new URL(server).host || server;
  } catch {
    return server;
  }
}

/** The local time of day, "14:05". */
function clockTime(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function dndWords(until: number | null): Message {
  return until === null
    ? say('tray.dnd-until-off')
    : say('tray.dnd-until', { time: clockTime(until) });
}

function headlineOf(snapshot: TraySource): { headline: Message; kind: TrayKind } {
  if (snapshot.mode === 'signed-out') return { kind: 'offline', headline: say('tray.signed-out') };
  const mode = snapshot.mode;
  const state = snapshot.connection.state;
  switch (state.status) {
    case 'idle':
      return { kind: 'offline', headline: say('tray.not-connected', { mode }) };
    case 'connecting':
      return {
        kind: 'connecting',
        headline:
          state.attempt > 1
            ? say('tray.connecting-attempt', { mode, attempt: state.attempt })
            : say('tray.connecting', { mode }),
      };
    case 'offline': {
      const reason = snapshot.connection.offlineSays ?? say('plain', { text: state.reason });
      if (state.fatal || state.nextRetryAt === null)
        return { kind: 'offline', headline: say('tray.offline', { mode, reason }) };
      return {
        kind: 'offline',
        headline:
          state.nextRetryAt <= snapshot.now
            ? say('tray.offline-retrying-now', { mode, reason })
            : say('tray.offline-retrying-in', {
                mode,
                reason,
                wait: duration(state.nextRetryAt - snapshot.now),
              }),
      };
    }
    case 'connected': {
      const current = snapshot.calls.currentCall;
      if (current) {
        const who = callerOf(current.call.callerName, current.call.callerPhone);
        const status = current.call.status;
        if (status === 'ringing')
          return { kind: 'ringing', headline: say('tray.ringing', { who }) };
        if (isInCall(status)) return { kind: 'in-call', headline: inCallWords(status, who) };
      }
      return { kind: 'connected', headline: say('tray.connected', { mode }) };
    }
  }
}

function isInCall(status: CallStatus): boolean {
  return status === 'talking' || status === 'hold' || status === 'dialing' || status === 'spying';
}

function inCallWords(status: CallStatus, who: Message): Message {
  if (status === 'hold') return say('tray.on-hold', { who });
  if (status === 'dialing') return say('tray.calling', { who });
  if (status === 'spying') return say('tray.listening', { who });
  return say('tray.on-call', { who });
}

function callerOf(name: string, phone: string): Message {
  const number = phone ? formatPhoneForDisplay(phone) : '';
  const trimmed = name.trim();
  if (trimmed && number && trimmed !== phone && trimmed !== number)
    return say('notify.caller-named', { name: trimmed, number });
  if (trimmed || number) return say('notify.caller-number', { number: trimmed || number });
  return say('tray.caller-unknown');
}

function duration(ms: number): Message {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return say('time.seconds', { count: seconds });
  const minutes = Math.round(seconds / 60);
  return minutes < 60
    ? say('time.minutes', { count: minutes })
    : say('time.hours', { count: Math.round(minutes / 60) });
}

function ago(ms: number): Message {
  return say('time.ago', { duration: duration(ms) });
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
