import type { CallState } from '../../../../shared/domain/calls';
import type { Logger } from '../../ports';
import type { RocketChatSettings } from '../../settings/sections/rocketchat';
import { findCall, isCallActive } from '../../calls/transitions';
import type { CallRoom, RoomRegistry } from './room-registry';
import { isLiveRoom, type RoomQueue } from './room-queue';

/** What Voicenter said about the end of a call that is no longer live. */
export interface ReportedEnd {
  answeredAt: number | null;
  endedAt: number;
}

/**
 * The end of a call as the call state knows it: from the recent calls (the entry that was
 * answered, when the call rang at several of the agent's extensions) or the last call. Null when
 * Voicenter never said, e.g. the call ended while Ringside was not running.
 */
export function reportedEnd(state: CallState, ivrid: string): ReportedEnd | null {
  const entries = state.recent.filter((entry) => entry.ivrid === ivrid);
  const recent = entries.find((entry) => entry.answeredAt !== null) ?? entries[0];
  if (recent) return { answeredAt: recent.answeredAt, endedAt: recent.endedAt };
  const last = state.lastCall?.call.ivrid === ivrid ? state.lastCall : null;
  if (last) return { answeredAt: last.call.answeredAt, endedAt: last.endedAt };
  return null;
}

export interface RecoveryDeps {
  registry: RoomRegistry;
  queue: RoomQueue;
  settings: RocketChatSettings;
  logger: Logger;
}

/**
 * Rooms of calls Ringside was following when it last stopped (crashed, was killed, or quit mid
 * call), brought to the truth by the call state (the first snapshot after the start, or what
 * followed it): a call that is no longer live gets its end, with the duration when Voicenter
 * reported when it was answered and ended, and its wrap-up is offered; a call still live gets a
 * hold or unhold it missed meanwhile. The caller picks the rooms: those of the server Ringside is
 * signed in to, since the others' actions could not go anywhere yet.
 */
export async function recoverRooms(
  ivrids: Iterable<string>,
  state: CallState,
  deps: RecoveryDeps,
): Promise<void> {
  for (const ivrid of ivrids) {
    const room = deps.registry.get(ivrid);
    if (!room?.callActive) continue;
    try {
      if (isCallActive(state, room.ivrid)) await catchUp(room, state, deps);
      else await endedWhileAway(room, state, deps);
    } catch (error) {
      deps.logger.warn('could not bring a room up to date after the restart', {
        ivrid: room.ivrid,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

async function catchUp(room: CallRoom, state: CallState, deps: RecoveryDeps): Promise<void> {
  const held = findCall(state, room.ivrid)?.status === 'hold';
  // The record may lag behind the events (Ringside stopped between saving the two).
  const sent = deps.queue.heldSent(room);
  if (room.held !== sent) await deps.registry.update(room.ivrid, { held: sent });
  if (deps.settings.keepInStep && isLiveRoom(room) && !deps.queue.endSent(room) && sent !== held)
    await deps.queue.hold(room, held);
}

async function endedWhileAway(room: CallRoom, state: CallState, deps: RecoveryDeps): Promise<void> {
  const reported = reportedEnd(state, room.ivrid);
  const answeredAt = room.answeredAt ?? reported?.answeredAt ?? null;
  const endedAt = reported?.endedAt ?? null;
  deps.logger.info('the call ended while Ringside was not following it', {
    ivrid: room.ivrid,
    endKnown: endedAt !== null,
  });
  const fresh = await deps.registry.update(room.ivrid, {
    callActive: false,
    held: false,
    answeredAt,
    endedAt,
    endUnknown: endedAt === null,
  });
  if (fresh && deps.settings.keepInStep && isLiveRoom(fresh))
    await deps.queue.endCall(fresh, { answered: answeredAt !== null, answeredAt, endedAt });
}
