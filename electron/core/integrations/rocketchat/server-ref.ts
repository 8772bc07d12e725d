import { z } from 'zod';
import { english, say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

/**
 * The Rocket.Chat server a room (and every action queued for it) belongs to: the server's
 * normalised base URL and the user signed in there. Room ids, visitor tokens and the agent a room
 * is served by mean something only there, so a room is sent to its own server or not at all; a
 * different account on the same server is another server too.
 */
export const serverRefSchema = z.object({
  url: z.string(),
  userId: z.string(),
  /** For the agent's eyes only ("Waiting for … (as alice)"); not part of who the server is. */
  username: z.string().default(''),
  /** The demo's own server: it lives only as long as the demo, and its rooms go with it. */
  demo: z.boolean().default(false),
});
export type ServerRef = z.infer<typeof serverRefSchema>;

/** `https://Chat.Example.com/rc/` -> `https://chat.example.com/rc`: one spelling per server. */
export const normaliseServerUrl = (raw: string): string => {
  const url = new URL(raw);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
};

export const sameServer = (a: ServerRef, b: ServerRef): boolean =>
  a.url === b.url && a.userId === b.userId;

/**
 * Whether something of `owner` may go to `current`. Records from before rooms knew their server
 * (`owner` null) belong to whichever server Ringside is on, except the demo's: a throw-away
 * server must not take over what may be the agent's real rooms, and then forget them with it.
 */
export const belongsTo = (owner: ServerRef | null, current: ServerRef): boolean =>
  owner === null ? !current.demo : sameServer(owner, current);

/** How the agent knows the server: its address without the scheme, and who was signed in. */
export function serverLabel(server: ServerRef): string {
  let place = server.url;
  try {
    const url = new URL(server.url);
    place = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    // Stored by hand or by a broken version: the raw text still names it.
  }
  return server.username ? `${place} (as ${server.username})` : place;
}

/** What an action of another server says while it waits (null: one that does not say which). */
export const waitingForWords = (server: ServerRef | null): string =>
  english(waitingForSays(server));

/** The same, as a code the window puts in the agent's language. */
export const waitingForSays = (server: ServerRef | null): Message =>
  server ? say('rc.waiting-for', { server: serverLabel(server) }) : say('rc.waiting-for-own');
