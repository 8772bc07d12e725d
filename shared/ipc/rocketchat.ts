import type { Message } from '../messages/catalogue';

/** The Rocket.Chat side as the renderer sees it. No token or password is ever part of it. */

export type RocketChatStatus = 'signed-out' | 'signed-in' | 'session-ended';

export interface RocketChatServerView {
  url: string;
  /** From `GET /api/info`; null until the server has answered. */
  version: string | null;
  /** False on 8.x and later (VoIP rooms were removed); null while unknown. */
  voipSupported: boolean | null;
}

export interface RocketChatUserView {
  userId: string;
  username: string;
  name: string;
  /** Has the `livechat-agent` role: only agents can have VoIP rooms created for them. */
  isAgent: boolean;
}

export type RoomStatus = 'opening' | 'open' | 'closing' | 'closed' | 'failed';

/** One call's omnichannel room. */
export interface RoomView {
  ivrid: string;
  /** Null until Rocket.Chat has created or found the room. */
  rid: string | null;
  direction: 'inbound' | 'outbound';
  callerPhone: string;
  visitorName: string;
  /** Username of the agent serving the room. */
  agent: string | null;
  /** The room is open on the server (as far as Ringside knows). */
  open: boolean;
  status: RoomStatus;
  /** Opens the room in Rocket.Chat (use `openRoomInBrowser`); null until the room exists. */
  link: string | null;
  /** Plain words for the last thing that went wrong with this room. */
  lastError: string | null;
  /** `lastError` in the agent's language. */
  lastErrorSays?: Message;
  /** The call is still up: Hold/Unhold/End apply. */
  callActive: boolean;
  held: boolean;
  /** The end of the call has been sent (or queued). */
  ended: boolean;
  /**
   * The call ended while Ringside was not running and nobody reported when: the room gets its end
   * without a duration.
   */
  endUnknown: boolean;
  /** The call is over and the room still needs its wrap-up (comment, tags) to close. */
  needsWrapUp: boolean;
  /**
   * The room is on another Rocket.Chat server (or account) than the one Ringside is signed in to
   * now, named as the agent knows it ("chat.example.com (as alice)"): what is queued for the room
   * waits until the agent signs in there. Null when it is on the current one.
   */
  waitingFor: string | null;
}

export interface RocketChatView {
  /** A server and a session are set up. */
  configured: boolean;
  status: RocketChatStatus;
  server: RocketChatServerView | null;
  signedInAs: RocketChatUserView | null;
  /** The last username used, to prefill the sign-in form. */
  lastUsername: string;
  settings: { autoOpenRoom: boolean; keepInStep: boolean; defaultTags: string[] };
  /** What the agent should know about the Rocket.Chat side, in plain words (empty when all is well). */
  notices: string[];
  /** `notices` in the agent's language, one for one. */
  noticesSay?: Message[];
  /** Rooms of recent calls, newest first. */
  rooms: RoomView[];
  /** Calls whose room waits for its wrap-up, newest first. */
  pendingWrapUps: string[];
}
