/**
 * The IPC contract over a WebSocket, for the headless host (the same app without Electron). It
 * implements the same `Api` the preload exposes, so nothing above `api.ts` knows which transport
 * it talks to. Calls never hang: while the socket is down they fail at once, and a call without an
 * answer fails after `requestTimeoutMs`.
 */
import { z } from 'zod';
import type { Api, ApiEvents } from '@shared/ipc/contract';
import { eventNames, methodNames, type EventName, type MethodName } from '@shared/ipc/names';
import { fail, type IpcResult } from '@shared/ipc/result';
import { MAX_WS_MESSAGE_BYTES, type WsClientMessage } from '@shared/ipc/ws-protocol';
import { Backoff } from '@shared/retry/backoff';
import { messageSchema } from '@shared/messages/schema';

/** Whether the renderer can reach main right now. */
export type LinkState =
  | { status: 'up' }
  | { status: 'connecting'; attempt: number }
  | { status: 'down'; attempt: number; retryAt: number | null; reason: string };

export interface Transport {
  readonly api: Api;
  link(): LinkState;
  onLink(listener: (state: LinkState) => void): () => void;
  close(): void;
}

/** The parts of the DOM `WebSocket` the transport uses (the `ws` package fits too, for tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface WsTransportOptions {
  url: string;
  createSocket?: SocketFactory;
  /** A call without an answer fails after this long. */
  requestTimeoutMs?: number;
  /** A call whose message is larger (UTF-8 bytes) is refused here; the host would close the socket. */
  maxMessageBytes?: number;
  /** Reconnect back-off: doubles from `initialMs` up to `maxMs`, reset after a successful connect. */
  backoff?: { initialMs: number; maxMs: number };
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

const OPEN = 1;
export const LOST_CONTACT = "Lost contact with Ringside's main process.";
export const TOO_LONG = 'This value is too long for Ringside to accept. Shorten it and try again.';

const encoder = new TextEncoder();
/** UTF-8 length, without encoding when even three bytes per UTF-16 unit would fit. */
function fits(text: string, maxBytes: number): boolean {
  return text.length * 3 <= maxBytes || encoder.encode(text).length <= maxBytes;
}

const ipcResultSchema = z.union([
  // A void result arrives as `{ ok: true }`: JSON drops an undefined `value`.
  z.object({ ok: z.literal(true), value: z.unknown().optional() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), says: messageSchema.optional() }),
  }),
]);
const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number(), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);

const isEventName = (name: string): name is EventName =>
  (eventNames as readonly string[]).includes(name);

interface Pending {
  resolve: (result: IpcResult<unknown>) => void;
  timer: unknown;
}

export function createWsTransport(options: WsTransportOptions): Transport {
  const createSocket =
    options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const maxMessageBytes = options.maxMessageBytes ?? MAX_WS_MESSAGE_BYTES;
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 500, maxMs: 10_000 };
  // No jitter: one window reconnecting to its own host, and the countdown it shows stays true.
  const backoff = new Backoff({ baseMs: initialMs, capMs: maxMs, jitter: 0 });
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => Date.now());

  const pending = new Map<number, Pending>();
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>();
  const linkListeners = new Set<(state: LinkState) => void>();
  let state: LinkState = { status: 'connecting', attempt: 1 };
  let socket: SocketLike | null = null;
  let nextId = 1;
  let retryTimer: unknown = null;
  let closed = false;

  function setLink(next: LinkState): void {
    state = next;
    for (const listener of linkListeners) listener(next);
  }

  function settle(id: number, result: IpcResult<unknown>): void {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimer(entry.timer);
    entry.resolve(result);
  }

  function failAllPending(): void {
    for (const id of [...pending.keys()]) {
      settle(id, fail('disconnected', `${LOST_CONTACT} The action may not have been carried out.`));
    }
  }

  function onMessage(data: unknown): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return;
    }
    const message = serverMessageSchema.safeParse(parsed);
    if (!message.success) return;
    if (message.data.type === 'result') {
      const result = ipcResultSchema.safeParse(message.data.result);
      settle(
        message.data.id,
        result.success
          ? (result.data as IpcResult<unknown>)
          : fail('internal', 'Ringside answered with something the window did not understand.'),
      );
      return;
    }
    const { event, payload } = message.data;
    if (!isEventName(event)) return;
    for (const listener of eventListeners.get(event) ?? []) {
      (listener as (p: unknown) => void)(payload);
    }
  }

  function scheduleReconnect(reason: string): void {
    if (closed) return;
    const delay = backoff.next();
    setLink({ status: 'down', attempt: backoff.attemptCount, retryAt: now() + delay, reason });
    retryTimer = setTimer(() => {
      retryTimer = null;
      connect();
    }, delay);
  }

  function connect(): void {
    if (closed) return;
    if (state.status !== 'up') setLink({ status: 'connecting', attempt: backoff.attemptCount + 1 });
    let current: SocketLike;
    try {
      current = createSocket(options.url);
    } catch {
      scheduleReconnect('could not open the connection');
      return;
    }
    socket = current;
    current.onopen = () => {
      if (socket !== current) return;
      backoff.reset();
      setLink({ status: 'up' });
    };
    current.onmessage = (event) => {
      if (socket === current) onMessage(event.data);
    };
    current.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      failAllPending();
      scheduleReconnect('the connection closed');
    };
  }

  function invoke(method: MethodName, args: unknown[]): Promise<IpcResult<unknown>> {
    const current = socket;
    if (closed || !current || current.readyState !== OPEN || state.status !== 'up') {
      return Promise.resolve(fail('disconnected', `${LOST_CONTACT} Try again in a moment.`));
    }
    const id = nextId++;
    const message: WsClientMessage = { type: 'invoke', id, method, args };
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch {
      return Promise.resolve(fail('invalid-arguments', 'That request could not be sent.'));
    }
    // Refused here, in words the window can show: over the limit the host would close the socket.
    if (!fits(text, maxMessageBytes)) return Promise.resolve(fail('too-long', TOO_LONG));
    return new Promise((resolve) => {
      const timer = setTimer(
        () => settle(id, fail('timeout', 'Ringside did not answer in time. Try again.')),
        requestTimeoutMs,
      );
      pending.set(id, { resolve, timer });
      try {
        current.send(text);
      } catch {
        settle(id, fail('disconnected', `${LOST_CONTACT} Try again in a moment.`));
      }
    });
  }

  const methodsObject = Object.fromEntries(
    methodNames.map((name) => [name, (...args: unknown[]) => invoke(name, args)]),
  );
  const api = {
    ...methodsObject,
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as Api;

  connect();

  return {
    api,
    link: () => state,
    onLink(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    close() {
      closed = true;
      if (retryTimer !== null) clearTimer(retryTimer);
      const current = socket;
      socket = null;
      failAllPending();
      current?.close(1000, 'window closed');
    },
  };
}
