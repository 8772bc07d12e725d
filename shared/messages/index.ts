/**
 * The message catalogue: every code main may send the window, with its parameters' kinds. A
 * feature adds its codes in its own file here and its words in `en/` and `he/`.
 */
import type { ParamsOf } from './catalogue';
import { connectionMessages } from './connection';
import { desktopMessages } from './desktop';
import { historyMessages } from './history';
import { queueMessages } from './queues';
import { ipcMessages } from './ipc';
import { outboxMessages } from './outbox';
import { rocketChatMessages } from './rocketchat';
import { settingsMessages } from './settings';
import { signalWireMessages } from './signalwire';

export const catalogue = {
  ...connectionMessages,
  ...desktopMessages,
  ...historyMessages,
  ...queueMessages,
  ...ipcMessages,
  ...outboxMessages,
  ...rocketChatMessages,
  ...settingsMessages,
  ...signalWireMessages,
} as const;

export type Catalogue = typeof catalogue;
export type MessageCode = keyof Catalogue;
export type MessageParams<C extends MessageCode> = ParamsOf<Catalogue[C]>;

export type { Message, ParamKind, ParamValue } from './catalogue';
export { LOCALES, type Locale, type LanguageChoice } from './locale';
