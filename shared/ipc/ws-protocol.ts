/**
 * The IPC contract carried over a WebSocket by the headless host (the same app without Electron).
 * The page is served at `http://127.0.0.1:PORT/#token=<per-run token>`; the renderer connects to
 * `ws://127.0.0.1:PORT/ipc?token=<token>` and the host refuses any other token or origin.
 */
import { z } from 'zod';

export const WS_PATH = '/ipc';

/**
 * The largest message either side accepts, in UTF-8 bytes. Every IPC schema caps its strings far
 * below it, so a valid call always fits; the page refuses to send more, and the host closes a
 * socket that does.
 */
export const MAX_WS_MESSAGE_BYTES = 1024 * 1024;

export const wsClientMessageSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  args: z.array(z.unknown()).max(10),
});
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;

export type WsServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown };

/** Reads the per-run token from the page's URL fragment (`#token=...`). */
export function tokenFromHash(hash: string): string | null {
  // Parsed by hand: shared/ has no DOM or Node APIs (no URLSearchParams).
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    const [key, value] = part.split('=', 2);
    if (key === 'token' && value && /^[A-Za-z0-9_-]{16,128}$/.test(value)) return value;
  }
  return null;
}
