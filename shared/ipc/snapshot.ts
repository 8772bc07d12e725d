import type { CallState } from '../domain/calls';
import type { ConnectionView, LoginType } from '../domain/connection';
import type { RocketChatView } from './rocketchat';
import type { SignalWireView } from './signalwire';
import type { OutboxView } from './outbox';

/** A message for the agent, in plain words. */
export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  text: string;
  at: number;
}

/** Settings as the renderer may see them: no secret is ever part of this. */
export interface SettingsView {
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

/** Everything the window shows, pushed by main on every change. */
export interface AppSnapshot {
  mode: 'demo' | 'account' | 'signed-out';
  connection: ConnectionView;
  calls: CallState;
  settings: SettingsView;
  notices: Notice[];
  notificationsAvailable: boolean;
  rocketchat: RocketChatView;
  signalwire: SignalWireView;
  outbox: OutboxView;
  /** Wall clock of main when the snapshot was made (for live timers without clock drift). */
  now: number;
}
