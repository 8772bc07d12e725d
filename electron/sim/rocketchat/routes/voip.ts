import { isVoipRoomCloseProps, isVoipRoomProps } from '../schemas';
import type { RequestContext, Route, SimContext } from '../context';
import { isoAt } from '../context';
import { randomId } from '../ids';
import { Match, matchError } from '../meteor-check';
import type { Reply } from '../responses';
import { failure, notFound, ok } from '../responses';
import type { SimUser, Visitor, VoipRoomDoc } from '../store';

// The omnichannel VoIP endpoints (app/api/server/v1/voip/{rooms,events}.ts) and the room logic of
// server/services/omnichannel-voip/service.ts (+ the Enterprise closing override).

export const VOIP_EVENTS = [
  'voip-call-started',
  'voip-call-ended',
  'voip-call-declined',
  'voip-call-on-hold',
  'voip-call-unhold',
  'voip-call-duration',
] as const;

/**
 * The real server links a room to a PBX call through the Asterisk `QueueCallerJoin` event whose
 * caller id equals the visitor's phone; the room then carries that call's `callUniqueId`. The
 * simulator has no PBX, so it treats every visitor WITH a phone as having such a call: rooms for
 * visitors without a phone are unlinked (no callUniqueId) and silently drop voip/events.
 */
function createRoom(
  sim: SimContext,
  guest: Visitor,
  agent: SimUser,
  direction: VoipRoomDoc['direction'],
): VoipRoomDoc {
  const nowMs = sim.now();
  const now = isoAt(nowMs);
  const phone = guest.phone?.[0]?.phoneNumber;
  const callUniqueId = phone ? sim.store.nextCallUniqueId(nowMs) : undefined;
  const fname = guest.name || guest.username;
  const room: VoipRoomDoc = {
    _id: randomId(),
    msgs: 0,
    usersCount: 1,
    lm: now,
    name: callUniqueId ? `${fname}-${callUniqueId}` : fname,
    fname,
    t: 'v',
    ts: now,
    ...(guest.department ? { departmentId: guest.department } : {}),
    v: { _id: guest._id, token: guest.token, status: 'online', ...(phone ? { phone } : {}) },
    servedBy: { _id: agent._id, ts: now, username: agent.username },
    open: true,
    waitingResponse: true,
    source: { type: 'api' },
    queuedAt: now,
    callStarted: now,
    queue: 'default',
    ...(callUniqueId ? { callUniqueId } : {}),
    uids: [],
    u: { _id: agent._id, username: agent.username },
    ...(direction ? { direction } : {}),
    _updatedAt: now,
  };
  sim.store.rooms.set(room._id, room);
  return room;
}

function roomReply(room: VoipRoomDoc, newRoom: boolean): Reply {
  return ok({ room: structuredClone(room), newRoom });
}

function getRoom(sim: SimContext, req: RequestContext): Reply {
  const { token, agentId, direction, rid } = req.query as {
    token: string;
    agentId?: string;
    direction?: 'inbound' | 'outbound';
    rid?: string;
  };
  const guest = sim.store.visitors.get(token);
  if (!guest) return failure('invalid-token');
  if (!rid) {
    const open = sim.store.findOpenRoomByVisitorToken(token);
    if (open) return roomReply(open, false);
    // 7.x reads agentId only together with direction; without it the agent is "missing".
    const effectiveAgentId = sim.parsedVersion.major === 7 && !direction ? undefined : agentId;
    if (!effectiveAgentId) return failure('agent-not-found');
    const agent = sim.store.users.get(effectiveAgentId);
    if (!agent?.roles.includes('livechat-agent')) return failure('agent-not-found');
    return roomReply(createRoom(sim, guest, agent, direction), true);
  }
  const room = sim.store.rooms.get(rid);
  if (!room || room.v.token !== token) return failure('invalid-room');
  return roomReply(room, false);
}

const eventsPattern = Match.Object({
  event: Match.Where(
    (v) => typeof v === 'string' && (VOIP_EVENTS as readonly string[]).includes(v),
  ),
  rid: Match.String,
  comment: Match.Maybe(Match.String),
});

/** `canAccessRoom` for a VoIP room: its serving agent, or whoever may see every omnichannel room. */
export function canAccessRoom(sim: SimContext, room: VoipRoomDoc, user: SimUser): boolean {
  return room.servedBy._id === user._id || sim.store.hasPermission(user, 'view-livechat-rooms');
}

function postEvent(sim: SimContext, req: RequestContext): Reply {
  // Meteor check() runs inside the handler, i.e. AFTER the permission check.
  const error = matchError(req.body, eventsPattern);
  if (error) return failure(error);
  const { rid, event, comment } = req.body as { rid: string; event: string; comment?: string };
  const room = sim.store.rooms.get(rid);
  if (!room) return notFound();
  const user = req.user as SimUser;
  if (!canAccessRoom(sim, room, user))
    return { status: sim.eventsNoAccessStatus, body: { success: false, error: 'unauthorized' } };
  if (room.open && room.callUniqueId) {
    sim.store.addMessage(
      room,
      user,
      {
        t: event,
        msg: comment ?? '',
        voipData: { callDuration: Number(room.callDuration) || 0, callStarted: room.callStarted },
      },
      isoAt(sim.now()),
    );
  }
  // Dropped or not, the answer is the same.
  return ok();
}

function closeRoom(sim: SimContext, req: RequestContext): Reply {
  const { rid, token, options } = req.body as {
    rid: string;
    token: string;
    options?: { comment?: string | null; tags?: string[] | null };
  };
  const visitor = sim.store.visitors.get(token);
  if (!visitor) return failure('invalid-token');
  // LivechatVoip.findRoom: an empty rid (ajv coerces null to '') falls back to "any room of this visitor".
  const room = rid ? sim.store.rooms.get(rid) : sim.store.findRoomByVisitorToken(token);
  if (!room || room.v.token !== token) return failure('invalid-room');
  if (!room.open) return failure('room-closed');

  const nowMs = sim.now();
  const now = isoAt(nowMs);
  const comment = options?.comment ?? undefined;
  const tags = options?.tags ?? undefined;
  const enterprise = sim.edition === 'enterprise';
  const t = enterprise && !comment ? 'voip-call-ended' : 'voip-call-wrapup';
  sim.store.addMessage(
    room,
    req.user as SimUser,
    { t, msg: enterprise && comment ? comment : '' },
    now,
  );

  room.closedAt = now;
  room.callDuration = nowMs - Date.parse(room.ts);
  // The route passes the visitor as the "closer" (LivechatVoip.closeRoom(visitor, room, user, ...)).
  room.closer = 'visitor';
  room.closedBy = { _id: visitor._id, username: visitor.username };
  room.v.status = 'offline';
  if (enterprise && tags?.length) room.tags = [...tags];
  delete room.open;
  room._updatedAt = now;
  return ok({ rid });
}

export const voipRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'voip/room',
    auth: true,
    rateLimit: 'voip/room',
    validate: isVoipRoomProps,
    permission: 'inbound-voip-calls',
    voip: true,
    handler: getRoom,
  },
  {
    method: 'POST',
    path: 'voip/events',
    auth: true,
    rateLimit: 'default',
    permission: 'view-l-room',
    voip: true,
    handler: postEvent,
  },
  {
    method: 'POST',
    path: 'voip/room.close',
    auth: true,
    rateLimit: 'default',
    validate: isVoipRoomCloseProps,
    permission: 'inbound-voip-calls',
    voip: true,
    handler: closeRoom,
  },
];
