import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RingsideCore } from '../core/app/core-types';
import type { Logger } from '../core/ports';
import { dispatch } from '../../shared/ipc/dispatch';
import { WS_PATH, wsClientMessageSchema, type WsServerMessage } from '../../shared/ipc/ws-protocol';

const MAX_MESSAGE_BYTES = 256 * 1024;

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
 */
export function attachIpcSocket(server: Server, core: RingsideCore, token: string, logger: Logger) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
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
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  function serve(ws: WebSocket): void {
    const unsubscribers = [
      core.onSnapshot((snapshot) =>
        send(ws, { type: 'event', event: 'snapshot', payload: snapshot }),
      ),
      core.onFocusCall((ivrid) =>
        send(ws, { type: 'event', event: 'focusCall', payload: { ivrid } }),
      ),
    ];
    send(ws, { type: 'event', event: 'snapshot', payload: core.snapshot() });
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
      void dispatch(core.handlers, method, args, (name, error) =>
        logger.error('IPC handler failed', { method: name, error }),
      ).then((result) => send(ws, { type: 'result', id, result }));
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
