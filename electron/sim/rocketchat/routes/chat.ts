import { isChatSyncMessagesProps } from '../schemas';
import type { RequestContext, Route, SimContext } from '../context';
import type { Reply } from '../responses';
import { failure, ok } from '../responses';
import type { MessageDoc, SimUser } from '../store';
import { canAccessRoom } from './voip';

// GET /api/v1/chat.syncMessages (app/api/server/v1/chat.ts -> getMessageHistory in
// server/publications/messages.ts): a room's messages changed since `lastUpdate`. Ringside reads it
// to learn whether an event sent just before it stopped reached the room.

/** Meteor.Error thrown in an endpoint: `failure(message, error, details)`. */
const meteorError = (code: string, reason: string, details?: unknown): Reply =>
  failure(`${reason} [${code}]`, code, details);

const byTsDesc = (a: MessageDoc, b: MessageDoc): number => Date.parse(b.ts) - Date.parse(a.ts);
const byUpdatedAsc = (a: MessageDoc, b: MessageDoc): number =>
  Date.parse(a._updatedAt) - Date.parse(b._updatedAt);

function syncMessages(sim: SimContext, req: RequestContext): Reply {
  // Validation coerced the query in place (`count` is a number now).
  const { roomId, lastUpdate, type, count } = req.query as unknown as {
    roomId: string;
    lastUpdate?: string | null;
    type?: 'UPDATED' | 'DELETED' | null;
    count?: number | null;
  };
  if (!roomId)
    return meteorError('error-param-required', 'The required "roomId" query param is missing');
  if (!lastUpdate && !type)
    return meteorError(
      'error-param-required',
      'The "type" or "lastUpdate" parameters must be provided',
    );
  if (lastUpdate && Number.isNaN(Date.parse(lastUpdate)))
    return meteorError(
      'error-lastUpdate-param-invalid',
      'The "lastUpdate" query parameter must be a valid date',
    );
  const room = sim.store.rooms.get(roomId);
  if (!room || !canAccessRoom(sim, room, req.user as SimUser))
    return meteorError('error-not-allowed', 'Not allowed', { method: 'messages/get' });
  const inRoom = sim.store.messages.filter((m) => m.rid === roomId);
  if (lastUpdate) {
    const since = Date.parse(lastUpdate);
    // Newest first; of two in the same millisecond, the later written.
    const updated = inRoom
      .filter((m) => Date.parse(m._updatedAt) > since)
      .reverse()
      .sort(byTsDesc);
    return ok({ result: { updated: structuredClone(updated), deleted: [] } });
  }
  // Cursor paging (`type` without `next`/`previous`): the first page; later pages are not simulated.
  const page = type === 'UPDATED' ? inRoom.sort(byUpdatedAsc).slice(0, count ?? 20) : [];
  return ok({
    result: {
      updated: structuredClone(page),
      deleted: [],
      cursor: { next: null, previous: null },
    },
  });
}

export const chatRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'chat.syncMessages',
    auth: true,
    rateLimit: 'default',
    validate: isChatSyncMessagesProps,
    voip: false,
    handler: syncMessages,
  },
];
