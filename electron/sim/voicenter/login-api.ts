/**
 * The HTTP login API (spec §1.1): `POST {base}/User|Account|Token` and
 * `GET /monitorAPI/RefreshIdentityToken`. Paths match case-insensitively, like the ASP.NET stack.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimCredentials } from './directory';
import { DEMO_ACCOUNT_PERSON_ID, DEMO_AGENT } from './directory';
import {
  formatExpiry,
  type ExpiryZone,
  type LoginIdentity,
  type TokenGrant,
  type TokenStore,
} from './tokens';
import type { WireLoginResponse, WireSocketLogin } from './wire-types';

export const LOGIN_PATH = '/monitorAPI/Login';
export const REFRESH_PATH = '/monitorAPI/RefreshIdentityToken';
const SOCKET_CLIENT_VERSION = '1.3.7';
const MAX_BODY_BYTES = 64 * 1024;

/** How a failed login answers: both status codes occur in production; `error-body` is a 200. */
export type BadCredentialsResponse = 401 | 500 | 'error-body';

export interface LoginResponseShape {
  /** `Url` (default) or `URL`: clients must accept both. */
  urlKey: 'Url' | 'URL';
  /** `URLList` (default) or the newer stack's `MonitorList` with priorities. */
  serverList: 'URLList' | 'MonitorList';
  badCredentials: BadCredentialsResponse;
  /** The zone `TokenExpiry` and `RefreshTokenExpiry` are written in, without saying so. */
  expiryZone: ExpiryZone;
}

export interface LoginApiDeps {
  credentials: () => SimCredentials;
  tokens: TokenStore;
  socketUrls: () => readonly string[];
  shape: () => LoginResponseShape;
  origin: () => string;
  /** Called after each successful login or refresh (never with the secrets themselves logged). */
  onGrant?: (grant: TokenGrant, kind: 'login' | 'refresh') => void;
  /** Called after each refused login or refresh. */
  onRefused?: (kind: 'login' | 'refresh', loginType?: LoginIdentity['loginType']) => void;
}

const userBody = z.object({ email: z.string(), pin: z.string() });
const accountBody = z.object({ username: z.string(), password: z.string() });
const tokenBody = z.object({ token: z.string() });

class BadJson extends Error {}

export function createLoginHandler(deps: LoginApiDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(deps, req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };
}

async function handle(deps: LoginApiDeps, req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://sim').pathname.toLowerCase().replace(/\/+$/, '');
  const loginType = loginTypeOf(path);
  if (path === REFRESH_PATH.toLowerCase()) {
    if (req.method !== 'GET') return sendText(res, 405, 'Method Not Allowed');
    return refresh(deps, req, res);
  }
  if (!loginType) return sendText(res, 404, 'Not Found');
  if (req.method !== 'POST') return sendText(res, 405, 'Method Not Allowed');

  let body: unknown;
  try {
    body = await readJson(req);
  } catch (err) {
    // What the production stack answers to a body it cannot parse.
    if (err instanceof BadJson) return sendText(res, 500, 'Unexpected token');
    throw err;
  }
  const identity = authenticate(deps.credentials(), loginType, body);
  if (!identity) {
    deps.onRefused?.('login', loginType);
    return badCredentials(res, deps.shape().badCredentials);
  }
  const grant = deps.tokens.issue(identity);
  deps.onGrant?.(grant, 'login');
  sendJson(res, 200, loginResponse(deps, grant));
}

function loginTypeOf(path: string): LoginIdentity['loginType'] | null {
  const prefix = `${LOGIN_PATH.toLowerCase()}/`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  return rest === 'user' || rest === 'account' || rest === 'token' ? rest : null;
}

function authenticate(
  creds: SimCredentials,
  loginType: LoginIdentity['loginType'],
  body: unknown,
): LoginIdentity | null {
  switch (loginType) {
    case 'user': {
      const b = userBody.safeParse(body);
      if (!b.success) return null;
      const ok =
        b.data.email.trim().toLowerCase() === creds.user.email.toLowerCase() &&
        b.data.pin === creds.user.pin;
      const personId = DEMO_AGENT.userID;
      return ok ? { loginType, extension: creds.user.extension, personId } : null;
    }
    case 'account': {
      const b = accountBody.safeParse(body);
      const ok =
        b.success &&
        b.data.username === creds.account.username &&
        b.data.password === creds.account.password;
      return ok ? { loginType, personId: DEMO_ACCOUNT_PERSON_ID } : null;
    }
    case 'token': {
      const b = tokenBody.safeParse(body);
      const ok = b.success && b.data.token === creds.token;
      return ok ? { loginType, personId: DEMO_ACCOUNT_PERSON_ID } : null;
    }
  }
}

function refresh(deps: LoginApiDeps, req: IncomingMessage, res: ServerResponse): void {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const grant = match?.[1] ? deps.tokens.refresh(match[1]) : null;
  if (!grant) {
    deps.onRefused?.('refresh');
    return sendText(res, 401, 'Unauthorized');
  }
  deps.onGrant?.(grant, 'refresh');
  sendJson(res, 200, loginResponse(deps, grant));
}

export function loginResponse(deps: LoginApiDeps, grant: TokenGrant): WireLoginResponse {
  const shape = deps.shape();
  const urls = deps.socketUrls();
  const main = urls[0] ?? '';
  const socket: WireSocketLogin = {
    Token: grant.token,
    TokenExpiry: formatExpiry(grant.tokenExpiresMs, shape.expiryZone),
    RefreshToken: grant.refreshToken,
    RefreshTokenExpiry: formatExpiry(grant.refreshTokenExpiresMs, shape.expiryZone),
    PersonId: grant.identity.personId,
    Client: `${deps.origin()}/monitorAPI/GetSocketClient?v=${SOCKET_CLIENT_VERSION}`,
    Version: SOCKET_CLIENT_VERSION,
  };
  socket[shape.urlKey] = main;
  if (shape.serverList === 'URLList') {
    socket.URLList = [...urls];
  } else {
    // Larger Priority wins; listed lowest first so a client has to sort, not trust the order.
    // Domain carries the scheme because the sim speaks plain http.
    socket.MonitorList = urls
      .map((url, i) => ({
        URLID: i + 1,
        Priority: urls.length - 1 - i,
        Domain: url,
        Version: SOCKET_CLIENT_VERSION,
      }))
      .reverse();
  }
  return { StatusCode: 200, Status: 'OK', Data: { Socket: socket } };
}

function badCredentials(res: ServerResponse, mode: BadCredentialsResponse): void {
  if (mode === 401) return sendText(res, 401, 'Unauthorized');
  if (mode === 500) return sendText(res, 500, 'Unexpected token');
  sendJson(res, 200, { error: 'Unauthorized' });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BadJson('body too large');
    chunks.push(buf);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BadJson('not json');
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
