/**
 * What Ringside knows about a ringing caller (the screen pop): earlier calls with the number from
 * the history, the Rocket.Chat visitor and their conversations when signed in, and the call's
 * Voicenter `customdata` as labelled extras.
 */
import type { HistoryEntry } from './entry';

export type PreviousCall = Pick<
  HistoryEntry,
  'ivrid' | 'endedAt' | 'outcome' | 'direction' | 'takenBy' | 'durationMs' | 'wrapUp'
>;

export interface ConversationSummary {
  rid: string;
  /** The call the conversation was opened for, when this desk opened it (its wrap-up is in the history). */
  ivrid: string | null;
  /** When the conversation started, and ended (null while open). */
  startedAt: number | null;
  closedAt: number | null;
  /** Username of the agent who served it. */
  agent: string;
  /** The wrap-up comment (the room's closing note) and tags; '' and [] when there were none. */
  comment: string;
  tags: string[];
  link: string | null;
}

export type VisitorLookup =
  | { status: 'looking' }
  | { status: 'not-found' }
  /** Not signed in to Rocket.Chat, or the server cannot answer: nothing to show. */
  | { status: 'unavailable' }
  | { status: 'failed' }
  | {
      status: 'found';
      name: string;
      openRoom: ConversationSummary | null;
      /** The last closed conversations, newest first. */
      closed: ConversationSummary[];
    };

export interface CallerExtra {
  label: string;
  /** A yes/no stays a boolean: the window says it in the agent's language. */
  value: string | boolean;
}

export interface CallerInfo {
  ivrid: string;
  /** The caller's number for matching ('' when the call has none). */
  phoneKey: string;
  /** Earlier calls with this number, newest first (a few). */
  previous: PreviousCall[];
  /** How many earlier calls with this number the history holds in all. */
  previousTotal: number;
  rocketchat: VisitorLookup;
  extras: CallerExtra[];
}

const MAX_EXTRAS = 12;
const MAX_EXTRA_LENGTH = 200;

/** `order_id` / `orderId` -> `Order id`: a label from a field name nobody wrote for people. */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLocaleLowerCase();
  return words === '' ? key : words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/**
 * The call's custom data as label/value pairs: text, numbers and yes/no only (nested objects are
 * for machines), values cut to a readable length, keys in `hidden` left out (the SignalWire call
 * id is plumbing, not something the agent needs to read).
 */
export function customDataExtras(
  data: Readonly<Record<string, unknown>>,
  hidden: readonly string[] = [],
): CallerExtra[] {
  const extras: CallerExtra[] = [];
  for (const [key, raw] of Object.entries(data)) {
    if (hidden.includes(key)) continue;
    if (typeof raw === 'boolean') {
      extras.push({ label: labelOf(key), value: raw });
      if (extras.length >= MAX_EXTRAS) break;
      continue;
    }
    let value: string;
    if (typeof raw === 'string') value = raw.trim();
    else if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw);
    else continue;
    if (value === '') continue;
    if (value.length > MAX_EXTRA_LENGTH) value = `${value.slice(0, MAX_EXTRA_LENGTH - 1)}…`;
    extras.push({ label: labelOf(key), value });
    if (extras.length >= MAX_EXTRAS) break;
  }
  return extras;
}
