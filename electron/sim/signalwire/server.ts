/**
 * The SignalWire side of the demo service: `POST /api/calling/calls` as the spec describes it
 * (Basic auth, validation with the 422 body, unknown call 404, ended calls, 409 while ending),
 * plus `POST /relay`, which takes the same body with the organisation's own bearer token instead
 * of SignalWire credentials, as an organisation's backend would. Tests read the request journal
 * and inject faults. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallBook } from './call-book';
import { validateCommand } from './validate';
import type {
  SignalWireSim,
  SignalWireSimOptions,
  SimFault,
  SimFaultOptions,
  SimJournalEntry,
} from './types';

export type {
  SignalWireSim,
  SignalWireSimOptions,
  SimFault,
  SimFaultOptions,
  SimJournalEntry,
} from './types';

const CALLS_PATH = '/api/calling/calls';
const RELAY_PATH = '/relay';
const MAX_BODY_BYTES = 1024 * 1024;

const STATUS_BODIES: Record<number, unknown> = {
  400: { error: 'Bad Request' },
  401: { error: 'Unauthorized' },
  403: { error: 'Forbidden' },
  404: { error: 'Not Found' },
  409: { error: 'Conflict' },
  422: {
    errors: [
      {
        type: 'validation_error',
        code: 'missing_required_parameter',
        message: 'event is required',
        attribute: 'event',
        url: 'https://developer.signalwire.com/rest/signalwire-rest/endpoints/calling/call-commands',
      },
    ],
  },
  429: { error: 'Too Many Requests' },
  500: { error: 'Internal Server Error' },
  502: { error: 'Bad Gateway' },
  503: { error: 'Service Unavailable' },
};

interface PendingFault {
  fault: SimFault;
  options: SimFaultOptions;
}

interface Parsed {
  via: 'direct' | 'relay';
  authOk: boolean;
  /** Set when the credentials are right but the token may not use the Calling API. */
  scopeDenied: boolean;
  json: unknown;
  isJson: boolean;
}

export async function startSignalWireSim(
  options: SignalWireSimOptions = {},
): Promise<SignalWireSim> {
  const projectId = options.projectId ?? 'd3b07384-d9a0-4c9b-8f3e-5a1c2e7f9b10';
  const token = options.token ?? 'PTdemo0000000000000000000000000000000000000000';
  const noVoice = new Set(options.tokensWithoutVoice ?? []);
  const missingScopeStatus = options.missingScopeStatus ?? 403;
  const relayToken = options.relayToken === undefined ? 'relay-demo-token' : options.relayToken;
  const now = options.now ?? Date.now;
  let latencyMs = options.latencyMs ?? 0;
  const book = new CallBook({
    acceptUnknownCalls: options.acceptUnknownCalls ?? false,
    endingMs: options.endingMs ?? 0,
    now,
  });
  const faults: PendingFault[] = [];
  const entries: SimJournalEntry[] = [];
  const waits = new Set<NodeJS.Timeout>();

  const sleep = (ms: number, res: ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        waits.delete(timer);
        resolve();
      }, ms);
      waits.add(timer);
      res.once('close', () => {
        clearTimeout(timer);
        waits.delete(timer);
        resolve();
      });
    });

  const checkAuth = (
    req: IncomingMessage,
    via: 'direct' | 'relay',
  ): { authOk: boolean; scopeDenied: boolean } => {
    const header = req.headers.authorization ?? '';
    if (via === 'relay')
      return {
        authOk: relayToken === null || header === `Bearer ${relayToken}`,
        scopeDenied: false,
      };
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    if (!match?.[1]) return { authOk: false, scopeDenied: false };
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (colon < 0 || user !== projectId) return { authOk: false, scopeDenied: false };
    if (password === token) return { authOk: true, scopeDenied: false };
    return { authOk: false, scopeDenied: noVoice.has(password) };
  };

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    extra: SimFaultOptions = {},
  ): void => {
    if (res.destroyed) return;
    const headers: Record<string, string> = {};
    if (extra.retryAfter !== undefined) headers['retry-after'] = String(extra.retryAfter);
    let payload = '';
    if (status !== 204 && body !== undefined) {
      if (typeof body === 'string') {
        payload = body;
        headers['content-type'] = extra.contentType ?? 'text/plain; charset=utf-8';
      } else {
        payload = JSON.stringify(body);
        headers['content-type'] = extra.contentType ?? 'application/json';
      }
    }
    res.writeHead(status, headers).end(payload);
  };

  const readBody = (req: IncomingMessage): Promise<string | null> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      req.on('end', () =>
        resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')),
      );
      req.on('error', () => resolve(null));
    });

  const parseRequest = async (req: IncomingMessage, via: 'direct' | 'relay'): Promise<Parsed> => {
    const text = await readBody(req);
    let json: unknown = undefined;
    let isJson = false;
    if (text !== null) {
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        // Left undefined: answered as a 400 below.
      }
    }
    return { via, ...checkAuth(req, via), json, isJson };
  };

  const handleCommand = async (
    req: IncomingMessage,
    res: ServerResponse,
    via: 'direct' | 'relay',
  ): Promise<void> => {
    const parsed = await parseRequest(req, via);
    const validated = parsed.isJson ? validateCommand(parsed.json) : null;
    const body = parsed.json as { command?: unknown; id?: unknown; params?: unknown } | undefined;
    const entry: SimJournalEntry = {
      at: now(),
      via,
      command: typeof body?.command === 'string' ? body.command : null,
      id: typeof body?.id === 'string' ? body.id : null,
      params: body?.params,
      status: null,
      authOk: parsed.authOk,
      applied: false,
      fault: null,
    };
    entries.push(entry);
    const apply = (): { status: number; body: unknown } => {
      if (!validated?.ok) return { status: 400, body: STATUS_BODIES[400] };
      const outcome = book.run(validated.command, validated.id, validated.params);
      entry.applied = outcome.status === 200;
      return outcome;
    };

    const pending = faults.shift();
    if (pending) {
      const { fault, options: extra } = pending;
      entry.fault = String(fault);
      await sleep(latencyMs + (extra.delayMs ?? 0), res);
      const effective = extra.apply ?? (typeof fault === 'number' && fault >= 200 && fault < 300);
      if (effective && parsed.authOk) apply();
      // `hang` never answers: the socket closes when the client gives up.
      if (fault === 'hang' || res.destroyed) return;
      if (fault === 'reset') {
        res.socket?.destroy();
        return;
      }
      entry.status = fault;
      send(res, fault, extra.body !== undefined ? extra.body : STATUS_BODIES[fault], extra);
      return;
    }

    await sleep(latencyMs, res);
    if (res.destroyed) return;
    if (!parsed.authOk) {
      const status = parsed.scopeDenied ? missingScopeStatus : 401;
      entry.status = status;
      send(res, status, STATUS_BODIES[status]);
      return;
    }
    if (!validated) {
      entry.status = 400;
      send(res, 400, STATUS_BODIES[400]);
      return;
    }
    if (!validated.ok) {
      entry.status = validated.status;
      send(res, validated.status, validated.body);
      return;
    }
    const outcome = apply();
    entry.status = outcome.status;
    send(res, outcome.status, outcome.body);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const via = path === CALLS_PATH ? 'direct' : path === RELAY_PATH ? 'relay' : null;
    if (via === null) return send(res, 404, STATUS_BODIES[404]);
    if (req.method !== 'POST') return send(res, 405, { error: 'Method Not Allowed' });
    handleCommand(req, res, via).catch(() => {
      if (!res.headersSent) send(res, 500, STATUS_BODIES[500]);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const baseUrl = `http://${address.address}:${address.port}`;

  const close = async (): Promise<void> => {
    for (const timer of waits) clearTimeout(timer);
    waits.clear();
    book.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    baseUrl,
    url: baseUrl,
    relayUrl: `${baseUrl}${RELAY_PATH}`,
    projectId,
    token,
    relayToken,
    addCall: (id, init) => book.add(id, init),
    call: (id) => book.get(id),
    hangUp: (id) => book.hangUp(id),
    failNext: (count, fault, faultOptions = {}) => {
      for (let index = 0; index < count; index += 1) faults.push({ fault, options: faultOptions });
    },
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    journal: () => entries.map((item) => ({ ...item })),
    clearJournal: () => {
      entries.length = 0;
    },
    userEvents: (callId) => book.events(callId),
    close,
    stop: close,
  };
}
