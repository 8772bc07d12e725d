/**
 * The one IPC contract between the renderer and main. Both the preload and main are typed against
 * it, so a drift between the two sides is a compile error; every argument has a schema, validated
 * in main before a handler runs. To add a method, see `shared/README.md`.
 */
import { z } from 'zod';
import { method, type ApiMethods, type Handlers } from './define';
import { secureUrlSchema } from '../net/secure-url';
import type { AppState, AppUpdate, SettingsView } from './snapshot';
import { rocketChatMethods } from './rocketchat-methods';
import { signalWireMethods } from './signalwire-methods';
import { updateMethods } from './update-methods';
import type { UpdateStatus } from './update';
import { desktopMethods } from './desktop-methods';
import { historyMethods } from './history-methods';
import type { EventName, MethodName } from './names';

const extensionNumber = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, 'an extension is digits only');

export const voicenterSignInSchema = z.discriminatedUnion('loginType', [
  z.object({
    loginType: z.literal('user'),
    email: z.string().trim().min(3).max(254),
    password: z.string().min(1).max(512),
    loginBaseUrl: secureUrlSchema.optional(),
  }),
  z.object({
    loginType: z.literal('account'),
    username: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(512),
    loginBaseUrl: secureUrlSchema.optional(),
  }),
  z.object({
    loginType: z.literal('token'),
    token: z.string().trim().min(8).max(4096),
    loginBaseUrl: secureUrlSchema.optional(),
  }),
]);
export type VoicenterSignIn = z.infer<typeof voicenterSignInSchema>;

/** Which board records the window shows and wants kept up to date: all, some, or none. */
export const boardSelectionSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ extensions: z.array(extensionNumber).max(2_000) }).strict(),
]);
export type BoardSelection = z.infer<typeof boardSelectionSchema>;

export const settingsPatchSchema = z
  .object({
    ownExtensions: z.array(extensionNumber).max(50).optional(),
    notifications: z
      .object({ enabled: z.boolean().optional(), focusWindowOnRing: z.boolean().optional() })
      .strict()
      .optional(),
    /** The agent's language, or `system` to follow the operating system's. */
    language: z.enum(['system', 'en', 'he']).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const coreMethods = {
  /**
   * The whole state (the view and the board records this window watches), as pushed by the
   * `snapshot` event; updates follow it.
   */
  getSnapshot: method<AppState>()(z.tuple([])),
  /**
   * Which board records this window shows (a board view's visible rows, or all of them): they
   * come back as a board reset in its next update, and changes to them follow. Until a window
   * asks, no board record is sent to it; another window's choice is its own.
   */
  watchBoard: method()(z.tuple([boardSelectionSchema])),
  /** Signs in to a real Voicenter account; the secret stays in main, encrypted at rest. */
  signInVoicenter: method()(z.tuple([voicenterSignInSchema])),
  /** Switches to the built-in demo telephony service. */
  useDemo: method()(z.tuple([])),
  /** Signs out, forgets the stored secret and disconnects. */
  signOut: method()(z.tuple([])),
  /** Drops the socket and connects again now (the agent's "Reconnect" button). */
  reconnect: method()(z.tuple([])),
  /** Changes non-secret settings; answers the settings as they are now. */
  updateSettings: method<SettingsView>()(z.tuple([settingsPatchSchema])),
  /** Raises a test notification so the agent can see that alerts reach them. */
  testRing: method()(z.tuple([])),
  /** Removes a notice from the window. */
  dismissNotice: method()(z.tuple([z.string().min(1).max(100)])),
  /** Support bundle: state, connection history and recent log lines, secrets redacted. */
  exportDiagnostics: method<string>()(z.tuple([])),
} as const;

export const methods = {
  ...coreMethods,
  ...rocketChatMethods,
  ...signalWireMethods,
  ...desktopMethods,
  ...updateMethods,
  ...historyMethods,
} as const;
export type Methods = typeof methods;
export { methodNames, eventNames, invokeChannel, eventChannel } from './names';
export type { MethodName, EventName } from './names';

// The schema-free name list (names.ts) must be exactly the contract's methods, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: Same<MethodName, keyof Methods> = true;
void namesMatchContract;

/** Events main pushes to the renderer. */
export interface ApiEvents {
  /** The whole state: sent when a window connects. */
  snapshot: AppState;
  /** What changed since the previous update (coalesced to one per frame). */
  update: AppUpdate;
  /** The agent clicked a call's notification: show that call. */
  focusCall: { ivrid: string };
  /** The app's own update moved on (found, downloaded, ready to install). */
  updateStatus: UpdateStatus;
}
// Every event has a payload type, and every payload type is a named event.
const eventsMatchNames: Same<EventName, keyof ApiEvents> = true;
void eventsMatchNames;

/** The single object the renderer uses (exposed by the preload as `window.ringside`). */
export type Api = ApiMethods<Methods> & {
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

export type ApiHandlers = Handlers<Methods>;

/** The methods that answer for the window that calls them: its state, and what it watches. */
export type WindowMethod = 'getSnapshot' | 'watchBoard';

/** The handlers of every other method: the same whichever window (or the tray) calls. */
export type ActionHandlers = Omit<ApiHandlers, WindowMethod>;
