/**
 * The baseline: a bare socket.io-client 2.5 with the app's socket options that receives the same
 * stream and does nothing but look at each decoded payload. Whatever the app costs above this is
 * the app's own work.
 */
import io from 'socket.io-client';
import {
  childInput,
  cpuUs,
  hrtimeMs,
  numberKeys,
  sample,
  tell,
  type BareChildInput,
  type ToChild,
} from './protocol';

// The server events of the protocol (spec §2.1); socket.io 2.x has no catch-all listener.
const EVENTS = [
  'loginSuccess',
  'loginStatus',
  'AllExtensionsStatus',
  'ExtensionEvent',
  'QueueEvent',
  'keepaliveResponse',
] as const;

interface ExtensionEventShape {
  reason?: unknown;
  data?: { number?: unknown; currentCall?: { ivrid?: unknown; callerphone?: unknown } };
}

const input = childInput<BareChildInput>();

process.on('message', (message: ToChild) => {
  if (message.type === 'sample') tell({ type: 'sample', id: message.id, ...sample(message.gc) });
  else process.exit(0);
});
process.on('disconnect', () => process.exit(0));

const response = await fetch(`${input.loginBaseUrl}/Account`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: input.username, password: input.password }),
});
if (!response.ok) {
  tell({ type: 'failed', message: `login failed: HTTP ${response.status}` });
  process.exit(1);
}
const login = (await response.json()) as { Data: { Socket: { Token: string; Url: string } } };
const socket = io(login.Data.Socket.Url, {
  query: { token: login.Data.Socket.Token },
  transports: ['websocket'],
  upgrade: false,
  reconnection: false,
  forceNew: true,
  timeout: 10_000,
});

let events = 0;
for (const name of EVENTS) {
  socket.on(name, (payload: unknown) => {
    events++;
    if (name === 'AllExtensionsStatus') tell({ type: 'ready', url: '' });
    if (name !== 'ExtensionEvent') return;
    const event = payload as ExtensionEventShape;
    if (event.reason === 'NEWCALL' && event.data?.number === input.ownExtension) {
      const atMs = hrtimeMs();
      const call = event.data.currentCall;
      const numbers = typeof call?.callerphone === 'string' ? numberKeys(call.callerphone) : [];
      tell({ type: 'seen', ivrid: String(call?.ivrid), numbers, atMs, events, cpuUs: cpuUs() });
    }
  });
}
socket.on('error', (error: unknown) => tell({ type: 'failed', message: String(error) }));
