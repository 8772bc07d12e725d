/**
 * The call history and the screen pop behind one object: the history file, what feeds it (the
 * call store's recent calls, the Rocket.Chat rooms and wrap-ups), the caller lookup, the IPC
 * handlers and the window's view. The hosts provide the two things only they can do: save a
 * file where the agent chooses, and put text on the clipboard.
 */
import { join } from 'node:path';
import type { CallInfo, CallState, RealtimeEvent } from '../../../shared/domain/calls';
import type { Message } from '../../../shared/messages/catalogue';
import { historyCsv } from '../../../shared/history/csv';
import type { Handlers } from '../../../shared/ipc/define';
import type { historyMethods } from '../../../shared/ipc/history-methods';
import type { HistoryView } from '../../../shared/ipc/history';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import { say } from '../../../shared/messages/translate';
import {
  formatPhoneForDisplay,
  DEFAULT_REGION,
  isPhoneRegion,
  normalisePhone,
  type PhoneRegion,
} from '../../../shared/phone/normalise';
import type { RoomView } from '../../../shared/ipc/rocketchat';
import type { Logger } from '../ports';
import type { SettingsStore } from '../settings';
import { CallHistory } from './call-history';
import { CallerLookup, type VisitorLookupPort } from './caller-lookup';
import { followRecentCalls, type RecorderSource } from './recorder';
import { QueueWatch } from './queue-watch';

/** Saves text to a file the agent picks (Electron: a save dialog); null when they cancelled. */
export type SaveTextFile = (suggestedName: string, text: string) => Promise<string | null>;

export interface HistoryDeps {
  settings: SettingsStore;
  logger: Logger;
  now: () => number;
  /** The user data folder (`history.json`); null keeps the history in memory. */
  dataDir: string | null;
  saveTextFile?: SaveTextFile;
  copyText?: (text: string) => void;
  lookupVisitor?: VisitorLookupPort;
  onSaveFailed?: (error: unknown) => void;
  /** The queues' gentle alerts: a notice in the window per queue over a threshold. */
  raiseNotice?: (key: string, message: Message) => void;
  clearNotice?: (key: string) => void;
}

export interface HistoryFeature {
  handlers: Handlers<typeof historyMethods>;
  view(state: CallState): HistoryView;
  /** Follows the call store (its recent calls). */
  follow(source: RecorderSource): void;
  /** An own-call event (after the alert): looks up a caller that starts ringing. */
  onCallEvent(event: RealtimeEvent, before: CallState, after: CallState): void;
  /** The Rocket.Chat rooms as they are now: their ids and links go to the calls' entries. */
  roomsChanged(rooms: readonly RoomView[]): void;
  /** The alert's line about a caller who called before (how often, how it last ended); null if new. */
  callerLine(call: CallInfo): Message | null;
  /** A wrap-up the agent sent for a call. */
  wrappedUp(ivrid: string, wrapUp: { comment: string; tags: string[] }): void;
  onChange(listener: () => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly history: CallHistory;
}

export function regionOf(settings: SettingsStore): PhoneRegion {
  const region = settings.get().phone.defaultRegion;
  return isPhoneRegion(region) ? region : DEFAULT_REGION;
}

const KEEP_ROOMS = 200;

function exportName(now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return `ringside-calls-${day}.csv`;
}

export function createHistory(deps: HistoryDeps): HistoryFeature {
  const log = deps.logger.child('history');
  const region = () => regionOf(deps.settings);
  const history = new CallHistory({
    path: deps.dataDir === null ? null : join(deps.dataDir, 'history.json'),
    logger: log,
    now: deps.now,
    region,
    ...(deps.onSaveFailed ? { onSaveFailed: deps.onSaveFailed } : {}),
  });
  const callers = new CallerLookup({
    history,
    logger: log,
    now: deps.now,
    region,
    ...(deps.lookupVisitor ? { lookupVisitor: deps.lookupVisitor } : {}),
    hiddenCustomData: () => [deps.settings.get().signalwire.customDataKey],
  });
  /** The calls' rooms as last seen, so an entry made when its call ends gets its room. */
  const rooms = new Map<string, { rid: string; link: string | null }>();
  const thresholds = () => deps.settings.get().queues;
  const queues = new QueueWatch({
    thresholds,
    now: deps.now,
    raise: (key, message) => deps.raiseNotice?.(key, message),
    clear: (key) => deps.clearNotice?.(key),
  });
  const offs: Array<() => void> = [];
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  offs.push(history.onChange(emit), callers.onChange(emit), queues.onChange(emit));
  offs.push(
    deps.settings.onChange((_settings, changed) => {
      if (changed.includes('queues')) queues.check();
    }),
  );

  const handlers: Handlers<typeof historyMethods> = {
    queryHistory: (request) => history.page(request),

    async exportHistory(filter) {
      const entries = history.all(filter);
      const csv = historyCsv(entries, region());
      const fileName = exportName(deps.now());
      if (!deps.saveTextFile) return { kind: 'download', fileName, rows: entries.length, csv };
      let saved: string | null;
      try {
        saved = await deps.saveTextFile(fileName, csv);
      } catch (error) {
        log.warn('history export not saved', { error });
        throw new UserFacingError('history-export-failed', say('history.export-failed'));
      }
      return saved === null
        ? { kind: 'cancelled' }
        : { kind: 'saved', fileName: saved, rows: entries.length };
    },

    markHistorySeen() {
      history.markMissedSeen();
    },

    updateQueueAlerts(patch) {
      deps.settings.update({ queues: patch });
      queues.check();
      return queues.view(thresholds());
    },

    callBack(id) {
      const entry = history.find(id);
      if (!entry || entry.callerPhone.trim() === '') {
        throw new UserFacingError('history-no-number', say('history.no-number'));
      }
      const number = formatPhoneForDisplay(entry.callerPhone, region());
      if (!deps.copyText) return { number, copied: false };
      deps.copyText(number);
      return { number, copied: true };
    },
  };

  return {
    history,
    handlers,
    view(state) {
      const ivrids = Object.values(state.own).flatMap((record) => record.calls.map((c) => c.ivrid));
      if (state.lastCall) ivrids.push(state.lastCall.call.ivrid);
      return {
        total: history.size,
        missedUnseen: history.missedUnseen,
        revision: history.revision,
        callers: callers.infoFor([...new Set(ivrids)]),
        queueAlerts: queues.view(thresholds()),
      };
    },
    follow(source) {
      offs.push(source.onChange(() => queues.follow(source.state.queues)));
      offs.push(
        followRecentCalls(source, history, region, (entry) => {
          const room = rooms.get(entry.ivrid);
          return room ? { ...entry, roomId: room.rid, roomLink: room.link } : entry;
        }),
      );
    },
    onCallEvent: (event, before, after) => callers.handle(event, before, after),
    callerLine(call) {
      const key = normalisePhone(call.callerPhone, region());
      const [last] = history.callsWith(key, 1, call.ivrid);
      if (!last) return null;
      return say('notify.called-before', {
        count: history.countWith(key, call.ivrid),
        last: say(`history.outcome.${last.outcome}`),
      });
    },
    roomsChanged(list) {
      for (const room of list) {
        if (room.rid === null) continue;
        const known = rooms.get(room.ivrid);
        if (known?.rid === room.rid && known.link === room.link) continue;
        rooms.set(room.ivrid, { rid: room.rid, link: room.link });
        // The room usually opens while the call is up; the entry gets it when the call ends.
        history.setRoom(room.ivrid, room.rid, room.link);
      }
      while (rooms.size > KEEP_ROOMS) {
        const oldest = rooms.keys().next().value;
        if (oldest === undefined) break;
        rooms.delete(oldest);
      }
    },
    wrappedUp(ivrid, wrapUp) {
      history.setWrapUp(ivrid, { comment: wrapUp.comment, tags: [...wrapUp.tags] });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => history.load(),
    async stop() {
      callers.stop();
      queues.stop();
      offs.forEach((off) => off());
      await history.flush().catch(() => undefined);
    },
  };
}
