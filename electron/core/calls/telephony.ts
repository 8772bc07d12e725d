import type { CallBoard, CallState, RealtimeEvent } from '../../../shared/domain/calls';
import type { ConnectionView } from '../../../shared/domain/connection';
import { CallStore } from '../../../shared/calls/store';
import type { Logger } from '../ports';

/** The parts of the realtime client the app uses (see electron/core/voicenter/realtime-client.ts). */
export interface RealtimeClientLike {
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
  reconnectNow(reason: string): void;
  /** The connection now, with a fresh `lastEventAt` (the `state` event fires on changes only). */
  getView(): ConnectionView;
  on(event: 'event', listener: (event: RealtimeEvent) => void): () => void;
  on(event: 'state', listener: (view: ConnectionView) => void): () => void;
}

export type CallEventListener = (event: RealtimeEvent, before: CallState, after: CallState) => void;

/** Which board records changed: one extension's, or all of them (a snapshot, a new session). */
export type BoardChange = { kind: 'one'; extension: string } | { kind: 'all' };

/**
 * Whether an event may have changed anything about the agent's own calls: the own extensions'
 * records (their calls), the current or last call, or which extensions are own. O(own extensions).
 */
export function ownCallsChanged(before: CallState, after: CallState): boolean {
  if (before === after) return false;
  if (
    before.currentCall !== after.currentCall ||
    before.lastCall !== after.lastCall ||
    before.ownExtensions !== after.ownExtensions
  ) {
    return true;
  }
  for (const n of after.ownExtensions) if (before.own[n] !== after.own[n]) return true;
  return false;
}

const IDLE: ConnectionView = {
  state: { status: 'idle' },
  lastEventAt: null,
  tokenExpiresAt: null,
  malformedEvents: 0,
};

/**
 * The realtime call spine: one client at a time, its events folded into the call state by the
 * call store. The services that follow the agent's calls (alerts, Rocket.Chat, SignalWire) hear
 * only of events that may have changed those calls, with the agent's side before and after; on
 * an account login the other extensions' events (nearly all of them) reach only the board's
 * listeners.
 */
export class Telephony {
  private client: RealtimeClientLike | null = null;
  private unsubscribe: Array<() => void> = [];
  private store: CallStore;
  private connection: ConnectionView = IDLE;
  private readonly boardListeners = new Set<(change: BoardChange) => void>();
  private readonly ownCallListeners = new Set<CallEventListener>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly logger: Logger,
    ownExtensions: string[],
  ) {
    this.store = new CallStore(ownExtensions);
  }

  /** The agent's side of the call state now. */
  get state(): CallState {
    return this.store.state;
  }

  /** The whole board, as of the latest event. */
  get board(): CallBoard {
    return this.store.board;
  }

  get connectionView(): ConnectionView {
    return this.client?.getView() ?? this.connection;
  }

  /** Replaces the current client (closing the old one first) and starts the new one. */
  async use(client: RealtimeClientLike, ownExtensions: string[]): Promise<void> {
    await this.disconnect();
    this.store = new CallStore(ownExtensions);
    this.emitBoard({ kind: 'all' });
    this.client = client;
    this.unsubscribe = [
      client.on('event', (event) => this.apply(event)),
      client.on('state', (view) => {
        this.connection = view;
        this.changed();
      }),
    ];
    this.changed();
    await client.start();
  }

  async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.unsubscribe.forEach((off) => off());
    this.unsubscribe = [];
    if (client) await client.stop();
    this.connection = IDLE;
    this.changed();
  }

  reconnectNow(reason: string): void {
    this.client?.reconnectNow(reason);
  }

  setOwnExtensions(list: string[]): void {
    this.store.setOwnExtensions(list);
    this.changed();
  }

  /** Board records changed (the window's board follows every extension). */
  onBoardChange(listener: (change: BoardChange) => void): () => void {
    this.boardListeners.add(listener);
    return () => this.boardListeners.delete(listener);
  }

  /** Events that may have changed the agent's own calls (see `ownCallsChanged`). */
  onOwnCallEvent(listener: CallEventListener): () => void {
    this.ownCallListeners.add(listener);
    return () => this.ownCallListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private apply(event: RealtimeEvent): void {
    const change = this.store.apply(event);
    const { before, after } = change;
    if (ownCallsChanged(before, after)) this.notify(event, before, after);
    if (change.board === 'all') this.emitBoard({ kind: 'all' });
    else if (change.board === 'one' && change.extension !== null) {
      this.emitBoard({ kind: 'one', extension: change.extension });
    }
    // Even an event that changes no call moves the connection's "last event" time.
    this.changed();
  }

  private emitBoard(change: BoardChange): void {
    for (const listener of this.boardListeners) listener(change);
  }

  private notify(event: RealtimeEvent, before: CallState, after: CallState): void {
    for (const listener of this.ownCallListeners) {
      // One follower's failure must not stop the others or the call state.
      try {
        listener(event, before, after);
      } catch (error) {
        this.logger.error('call event follower failed', { error, kind: event.kind });
      }
    }
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
