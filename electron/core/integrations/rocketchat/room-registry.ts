import { z } from 'zod';
import type { Logger } from '../../ports';
import { VOIP_EVENTS, type VoipEventName } from './schemas';
import { serverRefSchema, type ServerRef } from './server-ref';
import { JsonStateFile } from '../../infra/state-file';
import { messageSchema } from '../../../../shared/messages/schema';

const callRoomSchema = z.object({
  ivrid: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  callerPhone: z.string(),
  callerName: z.string(),
  /** The visitor token this call's room is for (chosen before the visitor exists on the server). */
  visitorToken: z.string().nullable(),
  rid: z.string().nullable(),
  visitorName: z.string().nullable(),
  /** Username of the agent serving the room (may be someone else if the visitor's room was open). */
  agent: z.string().nullable(),
  /** opening: queued; open; closing: close queued; closed; failed: opening failed or was discarded. */
  status: z.enum(['opening', 'open', 'closing', 'closed', 'failed']),
  lastError: z.string().nullable(),
  /** `lastError` as a code the window puts in the agent's language. */
  lastErrorSays: messageSchema.optional(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /**
   * The call ended while Ringside was not running and Voicenter did not say when: the room got its
   * end without a duration. Absent in files from before crash recovery.
   */
  endUnknown: z.boolean().default(false),
  /** The call is still up (hold/unhold/end still make sense). */
  callActive: z.boolean(),
  held: z.boolean(),
  /** End (or declined) has been queued: never twice. */
  endQueued: z.boolean(),
  openActionId: z.string().nullable(),
  closeActionId: z.string().nullable(),
  /**
   * The room events the server confirmed (200) for this call, so an event in doubt after a crash
   * can be told apart from the same event sent earlier: see `confirmedEvents`.
   */
  sentEvents: z.array(z.object({ id: z.string(), event: z.enum(VOIP_EVENTS) })).default([]),
  /**
   * The server the room was opened on: its actions go there and nowhere else. Null in files from
   * before rooms knew it, until the first server Ringside is signed in to adopts them.
   */
  server: serverRefSchema.nullable().default(null),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type CallRoom = z.infer<typeof callRoomSchema>;

const visitorEntrySchema = z.object({ token: z.string(), name: z.string(), at: z.number() });
export type VisitorEntry = z.infer<typeof visitorEntrySchema>;

const registryStateSchema = z.object({
  version: z.literal(1),
  /** The server the visitor tokens belong to: another server knows none of them. */
  serverUrl: z.string(),
  rooms: z.array(callRoomSchema),
  /** Visitor per normalised caller number, so the next call from that number reuses it. */
  visitors: z.record(z.string(), visitorEntrySchema),
});
type RegistryState = z.infer<typeof registryStateSchema>;

const KEEP_CLOSED_ROOMS = 30;
const KEEP_VISITORS = 5_000;

/**
 * What Ringside knows about each call's room and each caller's visitor, on disk: actions queued
 * before a restart carry only the call's ivrid and find the room id here when they are delivered.
 */
export class RoomRegistry {
  private rooms = new Map<string, CallRoom>();
  private visitors = new Map<string, VisitorEntry>();
  private serverUrl = '';
  private readonly file: JsonStateFile<RegistryState> | null;
  private readonly listeners = new Set<() => void>();

  constructor(
    path: string | null,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {
    this.file = path ? new JsonStateFile(path, registryStateSchema, logger, now) : null;
  }

  async load(): Promise<void> {
    const state = await this.file?.load();
    if (!state) return;
    this.serverUrl = state.serverUrl;
    this.rooms = new Map(state.rooms.map((room) => [room.ivrid, room]));
    this.visitors = new Map(Object.entries(state.visitors));
  }

  /**
   * The server Ringside is signed in to now. Visitor tokens belong to one server: switching
   * servers forgets them. Rooms from before rooms knew their server were made on the server
   * Ringside was on then, which is this one as far as anyone can tell: they become its rooms
   * (never the demo's, which is thrown away with them).
   */
  async useServer(server: ServerRef): Promise<void> {
    const orphans = server.demo
      ? []
      : [...this.rooms.values()].filter((room) => room.server === null);
    for (const room of orphans) this.rooms.set(room.ivrid, { ...room, server });
    if (server.url === this.serverUrl && orphans.length === 0) return;
    if (server.url !== this.serverUrl && this.serverUrl !== '') this.visitors.clear();
    this.serverUrl = server.url;
    await this.save();
  }

  /** Drops the rooms `gone` picks (their server no longer exists); returns them. */
  async forget(gone: (room: CallRoom) => boolean): Promise<CallRoom[]> {
    const dropped = [...this.rooms.values()].filter(gone);
    if (dropped.length === 0) return [];
    for (const room of dropped) this.rooms.delete(room.ivrid);
    await this.save();
    return dropped;
  }

  get(ivrid: string): CallRoom | undefined {
    return this.rooms.get(ivrid);
  }

  all(): CallRoom[] {
    return [...this.rooms.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  async put(room: CallRoom): Promise<void> {
    this.rooms.set(room.ivrid, { ...room, updatedAt: this.now() });
    this.prune();
    await this.save();
  }

  async update(ivrid: string, patch: Partial<CallRoom>): Promise<CallRoom | undefined> {
    const room = this.rooms.get(ivrid);
    if (!room) return undefined;
    const next = { ...room, ...patch, updatedAt: this.now() };
    this.rooms.set(ivrid, next);
    await this.save();
    return next;
  }

  /** Records that the server confirmed one of the call's room events (once per action). */
  async noteEventSent(ivrid: string, actionId: string, event: VoipEventName): Promise<void> {
    const room = this.rooms.get(ivrid);
    if (!room || room.sentEvents.some((sent) => sent.id === actionId)) return;
    await this.update(ivrid, { sentEvents: [...room.sentEvents, { id: actionId, event }] });
  }

  /**
   * How many `event`s the server confirmed in room `rid`, over every call that used it (a caller's
   * open room is reused by their next call).
   */
  confirmedEvents(rid: string, event: VoipEventName): number {
    let count = 0;
    for (const room of this.rooms.values()) {
      if (room.rid !== rid) continue;
      count += room.sentEvents.filter((sent) => sent.event === event).length;
    }
    return count;
  }

  visitor(phoneKey: string): VisitorEntry | undefined {
    return phoneKey === '' ? undefined : this.visitors.get(phoneKey);
  }

  async rememberVisitor(phoneKey: string, token: string, name: string): Promise<void> {
    if (phoneKey === '') return;
    this.visitors.delete(phoneKey);
    this.visitors.set(phoneKey, { token, name, at: this.now() });
    // Map order is insertion order: the oldest entries go first.
    while (this.visitors.size > KEEP_VISITORS) {
      const oldest = this.visitors.keys().next().value;
      if (oldest === undefined) break;
      this.visitors.delete(oldest);
    }
    await this.save();
  }

  async forgetVisitor(phoneKey: string): Promise<void> {
    if (this.visitors.delete(phoneKey)) await this.save();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private prune(): void {
    const closed = this.all().filter(
      (room) => room.status === 'closed' || room.status === 'failed',
    );
    for (const room of closed.slice(0, Math.max(0, closed.length - KEEP_CLOSED_ROOMS))) {
      this.rooms.delete(room.ivrid);
    }
  }

  private async save(): Promise<void> {
    for (const listener of this.listeners) listener();
    if (!this.file) return;
    try {
      await this.file.save({
        version: 1,
        serverUrl: this.serverUrl,
        rooms: this.all(),
        visitors: Object.fromEntries(this.visitors),
      });
    } catch (error) {
      this.logger.error('could not save Rocket.Chat rooms', {
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }
}
