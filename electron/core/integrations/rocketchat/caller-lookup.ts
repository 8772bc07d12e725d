/**
 * Who a ringing caller is in Rocket.Chat, for the screen pop: the visitor found by phone
 * (`GET omnichannel/contact.search`, the lookup Rocket.Chat's own agent UI makes first) and the
 * conversations this desk had with that visitor (the room registry: open, or closed with when).
 *
 * One request per lookup, on purpose: the server's limits are per client address and route (the
 * whole call centre behind one NAT shares them), and `voip/room` (5 a minute) must stay free for
 * opening the rooms of answered calls. Listing the visitor's rooms across every desk would need an
 * endpoint outside the documented VoIP API (`livechat/visitors.chatHistory` wants a room the agent
 * may already read; `livechat/rooms` a manager's permission), so conversations are this desk's.
 */
import type { ConversationSummary, VisitorLookup } from '../../../../shared/history/caller-info';
import { formatPhoneForDisplay, normalisePhone } from '../../../../shared/phone/normalise';
import type { RocketChatClient } from './client';
import type { CallRoom } from './room-registry';
import { roomLink } from './view';

export interface CallerLookupInput {
  client: RocketChatClient;
  /** The server's address, for the rooms' links. */
  serverUrl: string;
  rooms: readonly CallRoom[];
  phone: string;
  signal: AbortSignal;
}

/** How many closed conversations the pop shows. */
const CLOSED_SHOWN = 3;

/**
 * The number as the PBX sent it first (visitors are stored that way, and the server matches the
 * stored number exactly), then its other usual spellings: national digits and E.164.
 */
function phoneForms(phone: string): string[] {
  const sent = phone.trim();
  const national = formatPhoneForDisplay(sent).replace(/[^\d+]/g, '');
  const e164 = normalisePhone(sent);
  return [...new Set([sent, national, e164].filter((p) => p !== ''))];
}

function summaryOf(room: CallRoom, serverUrl: string): ConversationSummary {
  return {
    rid: room.rid ?? '',
    ivrid: room.ivrid,
    startedAt: room.answeredAt ?? room.createdAt,
    closedAt: room.status === 'closed' ? room.updatedAt : null,
    agent: room.agent ?? '',
    comment: '',
    tags: [],
    link: room.rid ? roomLink(room.server?.url ?? serverUrl, room.rid) : null,
  };
}

export async function lookUpCaller(input: CallerLookupInput): Promise<VisitorLookup> {
  let visitor = null;
  for (const phone of phoneForms(input.phone)) {
    visitor = await input.client.findContactByPhone(phone, input.signal);
    if (visitor) break;
  }
  if (!visitor) return { status: 'not-found' };
  const token = visitor.token;
  const rooms = input.rooms
    .filter((room) => room.visitorToken === token && room.rid !== null && room.status !== 'failed')
    .sort((a, b) => b.createdAt - a.createdAt);
  const open = rooms.find((room) => room.status === 'open' || room.status === 'closing');
  const closed = rooms.filter((room) => room.status === 'closed').slice(0, CLOSED_SHOWN);
  return {
    status: 'found',
    name: visitor.name?.trim() || visitor.phone?.[0]?.phoneNumber || input.phone,
    openRoom: open ? summaryOf(open, input.serverUrl) : null,
    closed: closed.map((room) => summaryOf(room, input.serverUrl)),
  };
}
