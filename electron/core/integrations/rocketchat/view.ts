import type {
  RocketChatServerView,
  RocketChatStatus,
  RocketChatUserView,
  RocketChatView,
  RoomView,
} from '../../../../shared/ipc/rocketchat';
import type { RocketChatSettings } from '../../settings/sections/rocketchat';
import type { RocketChatMe } from './schemas';
import type { CallRoom } from './room-registry';
import { sameServer, serverLabel, type ServerRef } from './server-ref';
import { english } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

const MAX_ROOMS = 20;

/** Who Ringside is signed in as, from the server's own account record. */
export const userViewOf = (me: RocketChatMe): RocketChatUserView => ({
  userId: me._id,
  username: me.username,
  name: me.name ?? me.username,
  isAgent: (me.roles ?? []).includes('livechat-agent'),
});

/** The room's page in Rocket.Chat's web app (VoIP rooms live under `/voip/:id`). */
export const roomLink = (serverUrl: string, rid: string): string =>
  `${serverUrl.replace(/\/+$/, '')}/voip/${encodeURIComponent(rid)}`;

export function roomView(
  room: CallRoom,
  serverUrl: string | null,
  current: ServerRef | null,
): RoomView {
  const live = room.status === 'opening' || room.status === 'open';
  const elsewhere = room.server !== null && (current === null || !sameServer(room.server, current));
  // The room's own server: its id means nothing on another one.
  const home = room.server?.url ?? serverUrl;
  return {
    ivrid: room.ivrid,
    rid: room.rid,
    direction: room.direction,
    callerPhone: room.callerPhone,
    visitorName: room.visitorName ?? (room.callerName.trim() || room.callerPhone),
    agent: room.agent,
    open: room.rid !== null && (room.status === 'open' || room.status === 'closing'),
    status: room.status,
    link: room.rid && home ? roomLink(home, room.rid) : null,
    lastError: room.lastError,
    ...(room.lastErrorSays ? { lastErrorSays: room.lastErrorSays } : {}),
    callActive: room.callActive,
    held: room.held,
    ended: room.endQueued,
    endUnknown: room.endUnknown,
    needsWrapUp: live && !room.callActive,
    waitingFor:
      room.server && elsewhere && (live || room.status === 'closing')
        ? serverLabel(room.server)
        : null,
  };
}

export function buildView(input: {
  status: RocketChatStatus;
  server: RocketChatServerView | null;
  user: RocketChatUserView | null;
  notices: Message[];
  settings: RocketChatSettings;
  rooms: CallRoom[];
  /** The server (and account) Ringside is signed in to; rooms of any other wait for theirs. */
  current: ServerRef | null;
}): RocketChatView {
  const serverUrl = input.server?.url ?? (input.settings.serverUrl || null);
  const rooms = [...input.rooms]
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, MAX_ROOMS)
    .map((room) => roomView(room, serverUrl, input.current));
  return {
    configured: input.status !== 'signed-out' && serverUrl !== null,
    status: input.status,
    server:
      input.server ?? (serverUrl ? { url: serverUrl, version: null, voipSupported: null } : null),
    signedInAs: input.status === 'signed-in' ? input.user : null,
    lastUsername: input.settings.username,
    settings: {
      autoOpenRoom: input.settings.autoOpenRoom,
      keepInStep: input.settings.keepInStep,
      defaultTags: [...input.settings.defaultTags],
    },
    notices: input.notices.map(english),
    noticesSay: input.notices,
    rooms,
    pendingWrapUps: rooms.filter((room) => room.needsWrapUp).map((room) => room.ivrid),
  };
}
