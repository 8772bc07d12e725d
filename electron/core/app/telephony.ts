import type { CallState, RealtimeEvent } from '../../../shared/domain/calls';
import type { ConnectionView } from '../../../shared/domain/connection';
import { initialCallState, reduceCallState, setOwnExtensions } from '../../../shared/calls/reducer';
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

const IDLE: ConnectionView = {
  state: { status: 'idle' },
  lastEventAt: null,
  tokenExpiresAt: null,
  malformedEvents: 0,
};

/**
 * The realtime call spine: one client at a time, its events folded into the call state by the
 * pure reducer, and every change announced to the services that follow the call (alerts,
 * Rocket.Chat, SignalWire) with the state before and after.
 */
export class Telephony {
  private client: RealtimeClientLike | null = null;
  private unsubscribe: Array<() => void> = [];
  private calls: CallState;
  private connection: ConnectionView = IDLE;
  private readonly callListeners = new Set<CallEventListener>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly logger: Logger,
    ownExtensions: string[],
  ) {
    this.calls = initialCallState(ownExtensions);
  }

  get state(): CallState {
    return this.calls;
  }

  get connectionView(): ConnectionView {
    return this.client?.getView() ?? this.connection;
  }

  /** Replaces the current client (closing the old one first) and starts the new one. */
  async use(client: RealtimeClientLike, ownExtensions: string[]): Promise<void> {
    await this.disconnect();
    this.calls = initialCallState(ownExtensions);
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
    this.calls = setOwnExtensions(this.calls, list);
    this.changed();
  }

  onCallEvent(listener: CallEventListener): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private apply(event: RealtimeEvent): void {
    const before = this.calls;
    const after = reduceCallState(before, event);
    this.calls = after;
    for (const listener of this.callListeners) {
      // One follower's failure must not stop the others or the call state.
      try {
        listener(event, before, after);
      } catch (error) {
        this.logger.error('call event follower failed', { error, kind: event.kind });
      }
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
