import type {
  ActiveCall,
  CallOutcome,
  ExtensionInfo,
  QueueInfo,
  RecentCall,
} from '../domain/calls';
import type { ConnectionView, LoginType } from '../domain/connection';
import type { RocketChatView } from './rocketchat';
import type { SignalWireView } from './signalwire';
import type { OutboxView } from './outbox';
import type { LanguageChoice, Locale } from '../messages/locale';
import type { Message } from '../messages/catalogue';
import type { DesktopView } from './desktop';
import type { HistoryView } from './history';

/** A message for the agent. */
export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  /** The English words, for logs and tests. */
  text: string;
  /** What the window shows, in the agent's language (absent for a notice not yet given a code). */
  says?: Message;
  at: number;
}

/** Settings as the renderer may see them: no secret is ever part of this. */
export interface SettingsView {
  /** What the agent chose, and the language that follows from it (the OS's for `system`); always sent by main. */
  language?: { choice: LanguageChoice; locale: Locale };
  /** The team board: the account's own names for its statuses, by code (an administrator's). */
  board?: { statusNames: Readonly<Record<string, string>> };
  voicenter: {
    loginType: LoginType;
    /** email (user), username (account); '' for token logins. */
    identity: string;
    loginBaseUrl: string;
    /** True when a password/pin/token is stored (the value itself never leaves main). */
    hasSecret: boolean;
    ownExtensions: string[];
  };
  notifications: { enabled: boolean; focusWindowOnRing: boolean };
  demo: { enabled: boolean; scenario: string };
}

/**
 * The calls as the window sees them: the agent's own extensions and calls, and the queues. The rest
 * of the board travels separately (`AppState.board`, `AppUpdate.board`), as changes.
 */
export interface CallsView {
  ownExtensions: string[];
  /** The own extensions' board records, in `ownExtensions` order (those the board knows). */
  own: ExtensionInfo[];
  currentCall: ActiveCall | null;
  lastCall: (ActiveCall & { endedAt: number; outcome: CallOutcome }) | null;
  queues: Record<string, QueueInfo>;
}

/** Everything the window shows but the board: small, and sent in parts as they change. */
export interface AppSnapshot {
  mode: 'demo' | 'account' | 'signed-out';
  connection: ConnectionView;
  calls: CallsView;
  /**
   * The agent's recent calls, newest first. A part of its own: it changes when a call ends, not
   * with every change of the current call, and it is the biggest thing the window is sent.
   */
  recent: RecentCall[];
  settings: SettingsView;
  notices: Notice[];
  notificationsAvailable: boolean;
  rocketchat: RocketChatView;
  signalwire: SignalWireView;
  outbox: OutboxView;
  desktop: DesktopView;
  history: HistoryView;
  /** Wall clock of main when the snapshot was made (for live timers without clock drift). */
  now: number;
}

/** The parts of the view an update can carry; `now` travels with every update. */
export type ViewPart = Exclude<keyof AppSnapshot, 'now'>;

/** The whole state, for a window that (re)connects: the view, the board, and where updates resume. */
export interface AppState extends AppSnapshot {
  /** The last update this state includes: updates with a higher `seq` follow it. */
  seq: number;
  /** Every extension on the board. */
  board: ExtensionInfo[];
}

/** Changed board records (whole), or the whole board again after a server snapshot. */
export interface BoardPatch {
  /** True: `upsert` is the whole board, replacing what the window had. */
  reset: boolean;
  upsert: ExtensionInfo[];
}

/** What changed since the previous update: at most one per frame, own calls first. */
export interface AppUpdate {
  seq: number;
  now: number;
  /** View parts that changed, each whole. */
  view: Partial<Pick<AppSnapshot, ViewPart>>;
  board: BoardPatch | null;
}
