import type { ZodType } from 'zod';
import { isSecureUrl } from '../../../../shared/net/secure-url';
import type { Clock, Logger } from '../../ports';
import { english } from '../../../../shared/messages/translate';
import {
  RocketChatError,
  describeErrorSays,
  errorCodeOf,
  rateLimitResetAt,
  serverTextOf,
  type RocketChatErrorInfo,
} from './errors';
import {
  contactSearchSchema,
  infoSchema,
  loginSchema,
  meResponseSchema,
  successSchema,
  syncMessagesSchema,
  visitorResponseSchema,
  voipRoomResponseSchema,
  type RocketChatMe,
  type RocketChatVisitor,
  type RoomMessage,
  type VoipEventName,
  type VoipRoom,
} from './schemas';

export interface RocketChatSession {
  userId: string;
  /** An authToken from a login, or a personal access token: both travel as `X-Auth-Token`. */
  authToken: string;
  kind: 'password' | 'pat';
}

export interface RocketChatClientOptions {
  serverUrl: string;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Per request. */
  timeoutMs?: number;
  /** Told about a new token after a re-login, and `null` when the session has ended for good. */
  onSession?: (session: RocketChatSession | null) => void;
}

interface RequestSpec<T> {
  method: 'GET' | 'POST';
  route: string;
  schema: ZodType<T>;
  query?: Record<string, string>;
  body?: unknown;
  auth: boolean;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
}

export interface LoginResult {
  session: RocketChatSession;
  me: RocketChatMe;
}

/**
 * Rocket.Chat's REST API, the few routes Ringside needs. Sessions: a 401 is answered by one
 * re-login (the password kept in memory for this run, else `resume` with the token) and one more
 * try; if that fails the session is over and the owner is told. A 401 whose body is `unauthorized`
 * is not a session problem (voip/events says so for "no access to this room") and never re-logs in.
 * Rate limits are per client IP and route: after a 429 (or a response with no requests left) the
 * route is not called again before its reset, so a storm of queued actions costs no requests.
 */
export class RocketChatClient {
  readonly serverUrl: string;
  private sessionValue: RocketChatSession | null = null;
  private reloginCredentials: { user: string; password: string } | null = null;
  private relogging: Promise<boolean> | null = null;
  private readonly blockedUntil = new Map<string, number>();
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly log: Logger;
  /** The address breaks the secure-URL rule: no request goes out, whatever the caller asks. */
  private readonly refused: boolean;

  constructor(private readonly options: RocketChatClientOptions) {
    this.serverUrl = options.serverUrl.replace(/\/+$/, '');
    this.refused = !isSecureUrl(this.serverUrl);
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.log = options.logger.child('rocketchat-client');
  }

  get session(): RocketChatSession | null {
    return this.sessionValue;
  }

  /** Uses a stored session (e.g. the token kept from the last run). */
  setSession(session: RocketChatSession | null): void {
    this.sessionValue = session;
    if (!session) this.reloginCredentials = null;
  }

  async info(signal?: AbortSignal): Promise<{ version: string }> {
    return this.request({ method: 'GET', route: 'info', schema: infoSchema, auth: false, signal });
  }

  /** Password login, with the two-factor code when the server asked for one. */
  async login(credentials: {
    user: string;
    password: string;
    code?: string;
  }): Promise<LoginResult> {
    const body: Record<string, string> = { user: credentials.user, password: credentials.password };
    if (credentials.code) body.code = credentials.code;
    const result = await this.loginWith(body);
    // Kept in memory only (never written), so an expired session can be renewed without asking.
    this.reloginCredentials = { user: credentials.user, password: credentials.password };
    return result;
  }

  /** Renews a stored authToken and learns who it belongs to (`login {resume}`). */
  async resume(session: RocketChatSession): Promise<LoginResult> {
    this.sessionValue = session;
    try {
      return await this.loginWith({ resume: session.authToken });
    } catch (error) {
      if (error instanceof RocketChatError && !error.transient) this.sessionValue = null;
      throw error;
    }
  }

  /** Checks a personal access token (or a stored authToken) and who it belongs to. */
  async useToken(session: RocketChatSession): Promise<RocketChatMe> {
    this.sessionValue = session;
    try {
      // No re-login here: a refused token is the answer, not a session to renew.
      return await this.request({
        method: 'GET',
        route: 'me',
        schema: meResponseSchema,
        auth: true,
        noRelogin: true,
      });
    } catch (error) {
      if (error instanceof RocketChatError && !error.transient) this.sessionValue = null;
      throw error;
    }
  }

  async logout(): Promise<void> {
    try {
      if (this.sessionValue) {
        await this.request({
          method: 'POST',
          route: 'logout',
          schema: successSchema,
          auth: true,
          body: {},
          noRelogin: true,
        });
      }
    } finally {
      this.sessionValue = null;
      this.reloginCredentials = null;
    }
  }

  /** Creates or updates the visitor with this token (no auth needed). */
  async upsertVisitor(
    visitor: { token: string; name: string; phone: string },
    signal?: AbortSignal,
  ): Promise<RocketChatVisitor> {
    const response = await this.request({
      method: 'POST',
      route: 'livechat/visitor',
      schema: visitorResponseSchema,
      auth: false,
      body: { visitor },
      signal,
    });
    return response.visitor;
  }

  async findContactByPhone(phone: string, signal?: AbortSignal): Promise<RocketChatVisitor | null> {
    const response = await this.request({
      method: 'GET',
      route: 'omnichannel/contact.search',
      schema: contactSearchSchema,
      auth: true,
      query: { phone },
      signal,
    });
    return response.contact ?? null;
  }

  /** Creates the visitor's VoIP room or answers the open one. `direction` is always sent (7.x needs it). */
  async voipRoom(
    query: { token: string; agentId: string; direction: 'inbound' | 'outbound' },
    signal?: AbortSignal,
  ): Promise<{ room: VoipRoom; newRoom: boolean }> {
    const response = await this.request({
      method: 'GET',
      route: 'voip/room',
      schema: voipRoomResponseSchema,
      auth: true,
      query: { token: query.token, agentId: query.agentId, direction: query.direction },
      signal,
    });
    return { room: response.room, newRoom: response.newRoom ?? false };
  }

  async voipRoomById(
    query: { rid: string; token: string },
    signal?: AbortSignal,
  ): Promise<VoipRoom> {
    const response = await this.request({
      method: 'GET',
      route: 'voip/room',
      schema: voipRoomResponseSchema,
      auth: true,
      query: { rid: query.rid, token: query.token },
      signal,
    });
    return response.room;
  }

  async voipEvent(
    event: { rid: string; event: VoipEventName; comment?: string },
    signal?: AbortSignal,
  ): Promise<void> {
    const body: Record<string, string> = { rid: event.rid, event: event.event };
    if (event.comment !== undefined) body.comment = event.comment;
    await this.request({
      method: 'POST',
      route: 'voip/events',
      schema: successSchema,
      auth: true,
      body,
      signal,
    });
  }

  /** Closes the room. Comment and tags go inside `options`: a top-level comment is rejected. */
  async closeRoom(
    close: { rid: string; token: string; comment?: string; tags?: string[] },
    signal?: AbortSignal,
  ): Promise<void> {
    const options: { comment?: string; tags?: string[] } = {};
    if (close.comment) options.comment = close.comment;
    if (close.tags && close.tags.length > 0) options.tags = close.tags;
    await this.request({
      method: 'POST',
      route: 'voip/room.close',
      schema: successSchema,
      auth: true,
      body: { rid: close.rid, token: close.token, options },
      signal,
    });
  }

  /**
   * The room's messages written after `since` (UTC ms), newest first: `chat.syncMessages`, which
   * every version from 4.x on has and which any user who may see the room may call.
   */
  async roomMessages(rid: string, since: number, signal?: AbortSignal): Promise<RoomMessage[]> {
    const response = await this.request({
      method: 'GET',
      route: 'chat.syncMessages',
      schema: syncMessagesSchema,
      auth: true,
      query: { roomId: rid, lastUpdate: new Date(since).toISOString() },
      signal,
    });
    return response.result.updated;
  }

  /** When a route may next be called, if Rocket.Chat rate-limited it. */
  routeBlockedUntil(route: string): number | null {
    const until = this.blockedUntil.get(route);
    return until !== undefined && until > this.options.clock.now() ? until : null;
  }

  private async loginWith(body: Record<string, string>): Promise<LoginResult> {
    const response = await this.request({
      method: 'POST',
      route: 'login',
      schema: loginSchema,
      auth: false,
      body,
      noRelogin: true,
    });
    const session: RocketChatSession = {
      userId: response.data.userId,
      authToken: response.data.authToken,
      kind: 'password',
    };
    this.sessionValue = session;
    return { session, me: response.data.me };
  }

  private async request<T>(spec: RequestSpec<T> & { noRelogin?: boolean }): Promise<T> {
    const first = await this.send(spec);
    if (first.ok) return first.value;
    const error = first.error;
    if (!spec.auth || spec.noRelogin || !this.isSessionError(error)) throw error;
    if (!(await this.relogin())) throw this.sessionEnded(spec.route);
    const second = await this.send(spec);
    if (second.ok) return second.value;
    if (this.isSessionError(second.error)) {
      this.endSession();
      throw this.sessionEnded(spec.route);
    }
    throw second.error;
  }

  private isSessionError(error: RocketChatError): boolean {
    // `unauthorized` (voip/events, 401 or 403) means "no access to this room", not "logged out".
    return error.status === 401 && error.code !== 'unauthorized';
  }

  private sessionEnded(route: string): RocketChatError {
    return this.error({
      kind: 'http',
      status: 401,
      code: 'not-logged-in',
      serverText: '',
      route,
      retryAt: null,
    });
  }

  private endSession(): void {
    if (!this.sessionValue) return;
    this.sessionValue = null;
    this.reloginCredentials = null;
    this.log.warn('session ended');
    this.options.onSession?.(null);
  }

  /** One re-login shared by every request that hit the same 401. */
  private relogin(): Promise<boolean> {
    this.relogging ??= this.doRelogin().finally(() => {
      this.relogging = null;
    });
    return this.relogging;
  }

  private async doRelogin(): Promise<boolean> {
    const session = this.sessionValue;
    if (!session) return false;
    if (session.kind === 'pat') {
      this.endSession();
      return false;
    }
    const body: Record<string, string> = this.reloginCredentials
      ? { user: this.reloginCredentials.user, password: this.reloginCredentials.password }
      : { resume: session.authToken };
    try {
      const result = await this.loginWith(body);
      this.log.info('signed in again after the session was refused');
      this.options.onSession?.(result.session);
      return true;
    } catch (error) {
      if (error instanceof RocketChatError && error.transient) throw error;
      this.endSession();
      return false;
    }
  }

  private async send<T>(
    spec: RequestSpec<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: RocketChatError }> {
    const { route } = spec;
    if (this.refused) {
      const info = { status: null, code: 'insecure-server-url', serverText: '', retryAt: null };
      return { ok: false, error: this.error({ kind: 'refused', route, ...info }) };
    }
    const blocked = this.routeBlockedUntil(route);
    if (blocked !== null) {
      return {
        ok: false,
        error: this.error({
          kind: 'http',
          status: 429,
          code: 'error-too-many-requests',
          serverText: 'not sent: still rate-limited',
          route,
          retryAt: blocked,
        }),
      };
    }
    const url = new URL(`${this.serverUrl}/api/${route === 'info' ? '' : 'v1/'}${route}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.auth && this.sessionValue) {
      headers['X-User-Id'] = this.sessionValue.userId;
      headers['X-Auth-Token'] = this.sessionValue.authToken;
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    let response: Response;
    let body: unknown;
    try {
      response = await this.fetchImpl(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
      });
      const text = await response.text();
      body = parseJson(text);
    } catch (error) {
      if (spec.signal?.aborted) throw error;
      const kind = timeout.aborted ? 'timeout' : 'network';
      this.log.debug('request failed', { route, kind });
      return {
        ok: false,
        error: this.error({
          kind,
          status: null,
          code: kind,
          serverText: causeOf(error),
          route,
          retryAt: null,
        }),
      };
    }
    this.noteRateLimit(route, response);
    this.log.debug('response', { route, status: response.status });
    if (!response.ok) {
      const retryAt =
        response.status === 429
          ? rateLimitResetAt(response.headers, body, this.options.clock.now())
          : null;
      if (retryAt !== null) this.blockedUntil.set(route, retryAt);
      return {
        ok: false,
        error: this.error({
          kind: 'http',
          status: response.status,
          code: errorCodeOf(response.status, body),
          serverText: serverTextOf(body),
          route,
          retryAt,
        }),
      };
    }
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      return {
        ok: false,
        error: this.error({
          kind: 'bad-response',
          status: response.status,
          code: 'bad-response',
          serverText: '',
          route,
          retryAt: null,
        }),
      };
    }
    return { ok: true, value: parsed.data };
  }

  /** A success that used the last request of the window: do not spend a 429 to learn it. */
  private noteRateLimit(route: string, response: Response): void {
    if (!response.ok || response.headers.get('x-ratelimit-remaining') !== '0') return;
    const until = rateLimitResetAt(response.headers, null, this.options.clock.now());
    if (until !== null) this.blockedUntil.set(route, until);
  }

  private error(info: Omit<RocketChatErrorInfo, 'userMessage' | 'says'>): RocketChatError {
    const says = describeErrorSays(info, this.serverUrl, this.options.clock.now());
    return new RocketChatError({ ...info, userMessage: english(says), says });
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 200);
  }
}

function causeOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string')
      return cause.code;
    return error.message;
  }
  return String(error);
}
