import type { CallStatus } from '../domain/calls';
import type { AlertMode } from '../desktop/alert-policy';
import type { AppSnapshot } from '../ipc/snapshot';
import { formatPhoneForDisplay } from '../phone/normalise';

/** The six looks of the tray icon, one glance apart. */
export type TrayKind = 'connected' | 'connecting' | 'offline' | 'ringing' | 'in-call' | 'missed';

export interface TrayState {
  kind: TrayKind;
  /** What the tray shows on hover: the first line is the headline. */
  tooltip: string;
  /** The same facts, one per line, for the (disabled) status items of the tray menu. */
  lines: string[];
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
 * else, and muted or unavailable alerts are said out loud.
 */
export function trayStateOf(snapshot: TraySource): TrayState {
  const { headline, kind } = headlineOf(snapshot);
  const lines = [headline];
  const state = snapshot.connection.state;
  const lastEventAt = snapshot.connection.lastEventAt;
  if (
    state.status === 'connected' &&
    lastEventAt !== null &&
    snapshot.now - lastEventAt >= QUIET_AFTER_MS
  ) {
    lines.push(`Last event ${ago(snapshot.now - lastEventAt)}`);
  }
  const desktop = snapshot.desktop;
  if (snapshot.mode !== 'signed-out') {
    if (!snapshot.settings.notifications.enabled) lines.push('Call alerts are turned off');
    else if (desktop?.dnd.active) lines.push(`Do not disturb ${dndWords(desktop.dnd.until)}`);
    else if (desktop && desktop.notifications.status !== 'ok')
      lines.push(desktop.notifications.trayLine);
    else if (!snapshot.notificationsAvailable) lines.push('Desktop alerts are not available');
  }
  const missed = desktop?.missed.count ?? 0;
  if (missed > 0) lines.push(missed === 1 ? '1 missed call' : `${missed} missed calls`);
  const shown = kind === 'connected' && missed > 0 ? 'missed' : kind;
  return {
    kind: shown,
    lines,
    tooltip: clip(['Ringside', ...lines, ...detailsOf(snapshot)].join('\n'), TOOLTIP_MAX),
    ...(desktop ? { alertMode: desktop.alertMode } : {}),
  };
}

/** The tooltip's details below the status: the server and since when, who waits in the queues. */
function detailsOf(snapshot: TraySource): string[] {
  const details: string[] = [];
  const state = snapshot.connection.state;
  if (state.status === 'connected')
    details.push(`${hostOf(state.server)} since ${clockTime(state.since)}`);
  let waiting = 0;
  for (const queue of Object.values(snapshot.calls.queues)) waiting += queue.calls.length;
  if (waiting > 0) details.push(waiting === 1 ? '1 caller waiting' : `${waiting} callers waiting`);
  return details;
}

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

function dndWords(until: number | null): string {
  return until === null ? 'until you turn it off' : `until ${clockTime(until)}`;
}

function headlineOf(snapshot: TraySource): { headline: string; kind: TrayKind } {
  if (snapshot.mode === 'signed-out') return { kind: 'offline', headline: 'Signed out' };
  const demo = snapshot.mode === 'demo' ? ' (demo)' : '';
  const state = snapshot.connection.state;
  switch (state.status) {
    case 'idle':
      return { kind: 'offline', headline: `Not connected${demo}` };
    case 'connecting':
      return {
        kind: 'connecting',
        headline:
          state.attempt > 1
            ? `Connecting… (attempt ${state.attempt})${demo}`
            : `Connecting…${demo}`,
      };
    case 'offline': {
      const retry =
        state.fatal || state.nextRetryAt === null
          ? ''
          : `, retrying ${state.nextRetryAt <= snapshot.now ? 'now' : `in ${duration(state.nextRetryAt - snapshot.now)}`}`;
      return { kind: 'offline', headline: `Offline${demo}: ${state.reason}${retry}` };
    }
    case 'connected': {
      const current = snapshot.calls.currentCall;
      if (current) {
        const who = callerOf(current.call.callerName, current.call.callerPhone);
        const status = current.call.status;
        if (status === 'ringing') return { kind: 'ringing', headline: `Ringing: ${who}` };
        if (isInCall(status)) return { kind: 'in-call', headline: `${inCallWords(status)} ${who}` };
      }
      return { kind: 'connected', headline: `Connected${demo}` };
    }
  }
}

function isInCall(status: CallStatus): boolean {
  return status === 'talking' || status === 'hold' || status === 'dialing' || status === 'spying';
}

function inCallWords(status: CallStatus): string {
  if (status === 'hold') return 'On hold:';
  if (status === 'dialing') return 'Calling';
  if (status === 'spying') return 'Listening in:';
  return 'On a call with';
}

function callerOf(name: string, phone: string): string {
  const number = phone ? formatPhoneForDisplay(phone) : '';
  const trimmed = name.trim();
  if (trimmed && number && trimmed !== phone && trimmed !== number) return `${trimmed} ${number}`;
  return trimmed || number || 'unknown caller';
}

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
}

function ago(ms: number): string {
  return `${duration(ms)} ago`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
