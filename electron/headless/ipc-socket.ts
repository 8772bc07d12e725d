import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RingsideCore } from '../core/types';
import type { Logger } from '../core/ports';
import { dispatch, refuse } from '../../shared/ipc/dispatch';
import { say } from '../../shared/messages/translate';
import {
  MAX_WS_MESSAGE_BYTES,
  WS_PATH,
  wsClientMessageSchema,
  type WsServerMessage,
} from '../../shared/ipc/ws-protocol';

const INTERNAL = say('ipc.internal');
/** The answer when checking a call itself failed (arguments nested too deep to check). */
const UNCHECKED = say('ipc.unchecked');

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Carries the IPC contract over a WebSocket for the headless host. The same `dispatch` as the
 * Electron IPC helper validates every call; instead of Electron's sender-frame check, a client must
 * present the per-run token and come from the host's own origin.
 *
 * Nothing a client sends may end the process: every socket has an error listener (an unhandled
 * `'error'` event throws), a frame over the size limit, a text frame that is not UTF-8 or one the
 * protocol does not allow closes that socket only (`ws` picks the close code), and the page
 * reconnects.
 */
export function attachIpcSocket(server: Server, core: RingsideCore, token: string, logger: Logger) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    // Node hands the raw socket over without its own error listener; a reset during the handshake
    // would otherwise be unhandled. `ws` adds its own once it takes the socket.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      logger.debug('an IPC connection failed during its handshake', { code: error.code }),
    );
    const url = new URL(req.url ?? '/', 'http://host');
    const address = server.address();
    const ownOrigin =
      typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    const originOk =
      req.headers.origin === ownOrigin ||
      req.headers.origin === ownOrigin.replace('127.0.0.1', 'localhost');
    if (url.pathname !== WS_PATH || !originOk || !sameToken(url.searchParams.get('token'), token)) {
      logger.warn('refused an IPC socket', { path: url.pathname, originOk });
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function send(ws: WebSocket, message: WsServerMessage): void {
    if (ws.readyState !== ws.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      // A value JSON cannot carry is a bug in main, not a reason to stop serving the window.
      logger.error('an IPC message could not be encoded', { type: message.type, error });
      if (message.type !== 'result') return;
      text = JSON.stringify({ ...message, result: refuse('internal', INTERNAL) });
    }
    ws.send(text);
  }

  function serve(ws: WebSocket): void {
    ws.on('error', (error: Error & { code?: string }) => {
      logger.warn('closed an IPC socket that sent a frame it may not send', {
        code: error.code ?? error.name,
      });
    });
    // Each socket is a window of its own: it watches its own board records.
    const link = core.connectWindow((update) =>
      send(ws, { type: 'event', event: 'update', payload: update }),
    );
    const unsubscribers = [
      () => link.close(),
      core.onFocusCall((ivrid) =>
        send(ws, { type: 'event', event: 'focusCall', payload: { ivrid } }),
      ),
    ];
    send(ws, { type: 'event', event: 'snapshot', payload: link.state() });
    ws.on('message', (data, isBinary) => {
      if (isBinary || !Buffer.isBuffer(data)) {
        ws.close(1003, 'text frames only');
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString('utf8'));
      } catch {
        ws.close(1003, 'not JSON');
        return;
      }
      const message = wsClientMessageSchema.safeParse(parsed);
      if (!message.success) {
        ws.close(1003, 'not an IPC message');
        return;
      }
      const { id, method, args } = message.data;
      void dispatch(link.handlers, method, args, (name, error) =>
        logger.error('IPC handler failed', { method: name, error }),
      )
        .catch((error: unknown) => {
          // Validation itself can throw (a stack overflow on deeply nested arguments).
          logger.error('IPC call could not be checked', { method, error });
          return refuse('invalid-arguments', UNCHECKED);
        })
        .then((result) => send(ws, { type: 'result', id, result }));
    });
    ws.on('close', () => unsubscribers.forEach((off) => off()));
  }

  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
