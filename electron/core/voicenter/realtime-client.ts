/**
 * The Voicenter realtime client (main process, plain Node): HTTP login, then one socket.io 2.x
 * socket at a time, with its own keepalive, failover by server priority, capped back-off that
 * resets after a good connect, return to the main server, token refresh and re-login on a
 * rejected token. It never sends anything anywhere but the configured Voicenter login API and the
 * socket servers that API names, and it never logs a secret.
 */
import type { RealtimeEvent } from '../../../shared/domain/calls';
import type { ConnectionState, ConnectionView } from '../../../shared/domain/connection';
import type { ParseResult } from '../../../shared/voicenter/parse';
import { Backoff } from '../../../shared/retry/backoff';
import { describeError, redactString, type KnownSecrets } from '../infra/redact';
import type { Clock, Logger } from '../ports';
import { KeepaliveMonitor } from './keepalive';
import { Listeners } from './listeners';
import {
  loginVoicenter,
  loginFailureSays,
  refreshVoicenterToken,
  type LoginFailure,
  type LoginResult,
} from './login-api';
import { planRefresh, timerDelay, type RefreshPlan } from './refresh-schedule';
import { SocketLink, type LinkFailureKind } from './socket-link';
import {
  DEFAULT_TIMINGS,
  type EventParser,
  type SocketFactory,
  type Timings,
  type VoicenterCredentials,
  type VoicenterSession,
} from './types';
import type { Message } from '../../../shared/messages/catalogue';
import { english, say } from '../../../shared/messages/translate';

/** Consecutive token rejections (without a good connect between) before giving up. */
const MAX_TOKEN_REJECTIONS = 3;

const MONITORED_SET_EVENTS = new Set(['ExtensionsUpdated', 'QueuesUpdated', 'DialersUpdated']);

export interface RealtimeClientDeps {
  credentials: VoicenterCredentials;
  /** socket.io-client 2.5.0's default export. */
  io: SocketFactory;
  parser: EventParser;
  logger: Logger;
  clock: Clock;
  timings?: Partial<Timings>;
  /** Jitter source for the back-off (tests pass a constant). */
  random?: () => number;
}

export interface MalformedEvent {
  /** The socket event name. */
  event: string;
  /** Why it was dropped (redacted). */
  error: string;
}

export interface RealtimeClientEvents {
  event: RealtimeEvent;
  state: ConnectionView;
  malformed: MalformedEvent;
}

type Timer = ReturnType<typeof setTimeout>;

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

export class VoicenterRealtimeClient {
  private readonly timings: Timings;
  private readonly log: Logger;
  private readonly listeners: Listeners<RealtimeClientEvents>;
  private readonly backoff: Backoff;
  private readonly refreshBackoff: Backoff;

  private running = false;
  private fatal = false;
  private session: VoicenterSession | null = null;
  private link: SocketLink | null = null;
  private linkIndex = 0;
  /** Socket attempts since the last good connect. */
  private attempt = 0;
  private tokenRejections = 0;
  /** The one HTTP exchange under way (login or refresh); a newer one aborts it. */
  private http: AbortController | null = null;
  private keepalive: KeepaliveMonitor | null = null;
  private retryTimer: Timer | null = null;
  private refreshTimer: Timer | null = null;
  private returnTimer: Timer | null = null;
  private view: Omit<ConnectionView, 'lastEventAt'> = {
    state: { status: 'idle' },
    tokenExpiresAt: null,
    malformedEvents: 0,
  };
  /** Kept apart from `view`: it moves on every event, and the view is built only when asked. */
  private lastEventAt: number | null = null;

  constructor(private readonly deps: RealtimeClientDeps) {
    this.timings = { ...DEFAULT_TIMINGS, ...deps.timings };
    this.log = deps.logger.child('voicenter');
    this.listeners = new Listeners((event, error) =>
      this.log.error('a listener threw', { event, error: describeError(error, this.secrets()) }),
    );
    const random = deps.random ?? Math.random;
    this.backoff = new Backoff({
      baseMs: this.timings.backoffBaseMs,
      capMs: this.timings.backoffCapMs,
      random,
    });
    this.refreshBackoff = new Backoff({
      baseMs: this.timings.backoffBaseMs,
      capMs: this.timings.backoffCapMs,
      random,
    });
  }

  /** Subscribes; returns the unsubscribe. `state` fires on every state change (not per event). */
  on<K extends keyof RealtimeClientEvents>(
    event: K,
    listener: (value: RealtimeClientEvents[K]) => void,
  ): () => void {
    return this.listeners.on(event, listener);
  }

  /** The connection as it is now, `lastEventAt` included. */
  getView(): ConnectionView {
    return { ...this.view, lastEventAt: this.lastEventAt, state: { ...this.view.state } };
  }

  /** Signs in and connects. Also restarts after a fatal stop (for example, new credentials were saved elsewhere). */
  start(): void {
    if (this.running && !this.fatal) return;
    this.running = true;
    this.fatal = false;
    this.log.info('starting', { loginType: this.deps.credentials.loginType });
    this.signIn(false);
  }

  /** Sends `closeme`, closes the socket, clears every timer and forgets the session tokens. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.fatal = false;
    this.abortHttp();
    this.clearTimers();
    this.dropLink(true);
    this.session = null;
    this.attempt = 0;
    this.tokenRejections = 0;
    this.backoff.reset();
    this.refreshBackoff.reset();
    this.view = { ...this.view, tokenExpiresAt: null };
    this.setState({ status: 'idle' });
    this.log.info('stopped');
  }

  /**
   * Power resume / network change: drops the socket even if it claims to be open and connects to
   * the main server now (signing in again when the token is gone or about to expire). Ignored
   * when stopped or after a fatal failure (retrying bad credentials could lock the account).
   */
  reconnectNow(reason: string): void {
    if (!this.running || this.fatal) {
      this.log.info('reconnect request ignored', {
        reason,
        running: this.running,
        fatal: this.fatal,
      });
      return;
    }
    this.log.info('reconnecting now', { reason });
    this.backoff.reset();
    this.attempt = 0;
    const session = this.session;
    // The expiry the refresh plan settled on when the token arrived.
    const expiresAt = session ? this.view.tokenExpiresAt : null;
    const nearExpiry =
      expiresAt !== null && this.deps.clock.now() >= expiresAt - this.timings.refreshBeforeExpiryMs;
    if (session === null || nearExpiry || this.http !== null) {
      this.signIn(true);
      return;
    }
    this.connectTo(0, true);
  }

  /** Asks the server to re-send the snapshots. False when not connected. */
  resync(): boolean {
    return this.link?.send('resync', { cache: false }) ?? false;
  }

  // ---- sign-in -------------------------------------------------------------------------------

  private signIn(preferRefresh: boolean): void {
    this.clearRetry();
    this.clearReturn();
    this.dropLink(true);
    this.setState({ status: 'connecting', server: null, attempt: this.attempt + 1 });
    void this.runSignIn(preferRefresh);
  }

  private async runSignIn(preferRefresh: boolean): Promise<void> {
    const result = await this.obtainSession(preferRefresh);
    if (result === null) return;
    if (result.ok) {
      this.applySession(result.session);
      this.connectTo(0);
      return;
    }
    this.loginFailed(result, () => this.signIn(preferRefresh));
  }

  /** Refresh when asked and possible, else (or when the refresh token is refused) a full login. Null when superseded. */
  private async obtainSession(preferRefresh: boolean): Promise<LoginResult | null> {
    this.abortHttp();
    const controller = new AbortController();
    this.http = controller;
    const httpDeps = { timeoutMs: this.timings.httpTimeoutMs, signal: controller.signal };
    const { credentials, clock } = this.deps;
    const refreshToken = this.session?.refreshToken ?? null;
    const refreshExpiry = this.session?.refreshTokenExpiresAt ?? null;
    if (
      preferRefresh &&
      refreshToken !== null &&
      (refreshExpiry === null || refreshExpiry > clock.now())
    ) {
      const refreshed = await refreshVoicenterToken(
        credentials.loginBaseUrl,
        refreshToken,
        httpDeps,
      );
      if (this.http !== controller || !this.running) return null;
      if (refreshed.ok || refreshed.retryable || refreshed.kind === 'aborted') {
        this.http = null;
        return refreshed;
      }
      this.log.info('the refresh token was not accepted; signing in again', {
        kind: refreshed.kind,
      });
    }
    const result = await loginVoicenter(credentials, httpDeps);
    if (this.http !== controller || !this.running) return null;
    this.http = null;
    if (!result.ok) this.log.warn('sign-in failed', { kind: result.kind, status: result.status });
    return result;
  }

  private loginFailed(failure: LoginFailure, retry: () => void): void {
    if (failure.kind === 'aborted') return;
    if (failure.retryable) {
      this.scheduleRetry(loginFailureSays(failure), retry);
      return;
    }
    this.goFatal(loginFailureSays(failure));
  }

  private applySession(session: VoicenterSession): void {
    // A refresh answer may leave out what did not change.
    const previous = this.session;
    const servers = session.servers.length > 0 ? session.servers : (previous?.servers ?? []);
    const keepRefresh = session.refreshToken === null && previous !== null;
    this.session = {
      ...session,
      servers,
      refreshToken: keepRefresh ? previous.refreshToken : session.refreshToken,
      refreshTokenExpiresAt: keepRefresh
        ? previous.refreshTokenExpiresAt
        : session.refreshTokenExpiresAt,
    };
    const plan = planRefresh(
      session.tokenExpiry,
      this.deps.clock.now(),
      this.timings.refreshBeforeExpiryMs,
    );
    this.view = { ...this.view, tokenExpiresAt: plan.expiresAt };
    this.log.info('signed in', { servers, tokenExpiresAt: plan.expiresAt });
    this.scheduleRefresh(plan);
  }

  private goFatal(says: Message): void {
    this.abortHttp();
    this.clearTimers();
    this.dropLink(false);
    this.fatal = true;
    const reason = english(says);
    this.log.error('giving up until started again', { reason });
    this.setState({ status: 'offline', reason, nextRetryAt: null, fatal: true }, says);
  }

  // ---- token refresh -------------------------------------------------------------------------

  private scheduleRefresh(plan: RefreshPlan): void {
    this.clearRefresh();
    const due = plan.dueAt;
    if (due === null) return;
    if (plan.untrusted) {
      this.log.warn('the token expiry reads as already due (zone or clock); refreshing later', {
        refreshAt: due,
      });
    }
    const arm = (): void => {
      this.refreshTimer = setTimeout(
        () => {
          this.refreshTimer = null;
          // Long waits hop in timer-sized steps (setTimeout caps at 2^31-1 ms).
          if (this.deps.clock.now() < due) arm();
          else void this.renewBeforeExpiry();
        },
        timerDelay(due, this.deps.clock.now()),
      );
    };
    arm();
  }

  private async renewBeforeExpiry(): Promise<void> {
    if (!this.running || this.fatal || this.http !== null) return;
    this.log.info('renewing the socket token before it expires');
    const result = await this.obtainSession(true);
    if (result === null) return;
    if (result.ok) {
      this.refreshBackoff.reset();
      const current = this.link?.server ?? null;
      this.applySession(result.session);
      if (current !== null) {
        // The SDKs reconnect with the new token; the server re-sends the snapshots.
        const index = this.session?.servers.indexOf(current) ?? -1;
        this.connectTo(Math.max(0, index), true);
      }
      return;
    }
    if (result.kind === 'aborted') return;
    if (!result.retryable) {
      this.goFatal(loginFailureSays(result));
      return;
    }
    // The current token still works for a moment; if it runs out, the server's rejection leads
    // to a sign-in anyway.
    const delay = this.refreshBackoff.next();
    this.log.warn('token renewal failed; trying again', { kind: result.kind, delayMs: delay });
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.renewBeforeExpiry();
    }, delay);
  }

  // ---- socket --------------------------------------------------------------------------------

  private connectTo(index: number, deliberate = false): void {
    this.clearRetry();
    this.clearReturn();
    this.dropLink(deliberate);
    const session = this.session;
    const server = session?.servers[index];
    if (session === null || server === undefined) {
      this.signIn(false);
      return;
    }
    this.linkIndex = index;
    this.attempt += 1;
    this.setState({ status: 'connecting', server, attempt: this.attempt });
    this.log.info('connecting', { server, attempt: this.attempt });
    this.link = new SocketLink(
      {
        io: this.deps.io,
        server,
        token: session.token,
        connectTimeoutMs: this.timings.connectTimeoutMs,
      },
      {
        onConnect: () => this.onConnected(),
        onFailure: (kind, detail) => this.onLinkFailure(kind, detail),
        onServerEvent: (name, payload) => this.onServerEvent(name, payload),
      },
    );
  }

  private onConnected(): void {
    const link = this.link;
    if (link === null) return;
    this.backoff.reset();
    this.attempt = 0;
    this.tokenRejections = 0;
    this.log.info('connected', { server: link.server });
    this.setState({ status: 'connected', server: link.server, since: this.deps.clock.now() });
    this.keepalive = new KeepaliveMonitor({
      idleMs: this.timings.keepaliveIdleMs,
      deadMs: this.timings.deadAfterKeepaliveMs,
      sendKeepalive: () => {
        this.log.debug('sending keepalive');
        link.send('keepalive', this.session?.token ?? '');
      },
      onDead: () => this.failover(say('connection.no-sign-of-life', { host: hostOf(link.server) })),
    });
    this.keepalive.start();
    if (this.linkIndex !== 0) {
      this.returnTimer = setTimeout(() => {
        this.returnTimer = null;
        this.log.info('trying the main server again');
        this.connectTo(0, true);
      }, this.timings.returnToMainAfterMs);
    }
  }

  private onLinkFailure(kind: LinkFailureKind, detail: unknown): void {
    const server = this.link?.server ?? '';
    this.log.warn('link failed', { server, kind, detail: describeError(detail, this.secrets()) });
    const host = hostOf(server);
    switch (kind) {
      case 'unauthorized':
        this.onTokenRejected();
        return;
      case 'connect-error':
        this.failover(say('connection.could-not-connect', { host }));
        return;
      case 'timeout':
        this.failover(say('connection.no-answer', { host }));
        return;
      case 'disconnect':
        this.failover(say('connection.dropped', { host }));
        return;
      case 'error':
        this.failover(say('connection.host-error', { host }));
        return;
    }
  }

  private onTokenRejected(): void {
    this.dropLink(false);
    this.tokenRejections += 1;
    if (this.tokenRejections > MAX_TOKEN_REJECTIONS) {
      this.goFatal(say('connection.refused-again'));
      return;
    }
    if (this.tokenRejections === 1) {
      this.signIn(true);
      return;
    }
    this.scheduleRetry(say('connection.session-refused'), () => this.signIn(false));
  }

  /** Next server by priority, after the back-off. */
  private failover(reason: Message): void {
    const count = this.session?.servers.length ?? 1;
    const next = (this.linkIndex + 1) % Math.max(1, count);
    this.dropLink(false);
    this.clearReturn();
    this.scheduleRetry(reason, () => this.connectTo(next));
  }

  private onServerEvent(name: string, payload: unknown): void {
    const link = this.link;
    this.lastEventAt = this.deps.clock.now();
    this.keepalive?.activity();
    if (MONITORED_SET_EVENTS.has(name)) {
      this.log.info('monitored set changed; asking for a fresh snapshot', { event: name });
      link?.send('resync', { cache: false });
    }
    let result: ParseResult;
    try {
      result = this.deps.parser.parse(name, payload);
    } catch (error) {
      result = { ok: false, error: `parser threw: ${describeError(error, this.secrets())}` };
    }
    if (!result.ok) {
      this.onMalformed(name, result.error);
      return;
    }
    const event = result.event;
    this.listeners.emit('event', event);
    if (event.kind === 'keepaliveResponse' && !event.ok && link !== null && this.link === link) {
      this.failover(say('connection.bad-link', { host: hostOf(link.server), code: event.code }));
    }
  }

  private onMalformed(name: string, error: string): void {
    const safe = redactString(error, this.secrets()).slice(0, 300);
    this.view = { ...this.view, malformedEvents: this.view.malformedEvents + 1 };
    // The payload itself is never logged: it carries caller names and numbers.
    this.log.warn('malformed event dropped', { event: name, error: safe });
    this.listeners.emit('malformed', { event: name, error: safe });
    this.listeners.emit('state', this.getView());
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private scheduleRetry(says: Message, action: () => void): void {
    this.clearRetry();
    const delay = this.backoff.next();
    const nextRetryAt = this.deps.clock.now() + delay;
    const reason = english(says);
    this.log.info('offline; retrying', { reason, delayMs: delay });
    this.setState({ status: 'offline', reason, nextRetryAt, fatal: false }, says);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running && !this.fatal) action();
    }, delay);
  }

  private dropLink(deliberate: boolean): void {
    this.keepalive?.stop();
    this.keepalive = null;
    const link = this.link;
    this.link = null;
    link?.close(deliberate);
  }

  /** `says`: the offline reason as a code; it leaves the view with the offline state. */
  private setState(state: ConnectionState, says?: Message): void {
    const { offlineSays: _previous, ...view } = this.view;
    this.view = says ? { ...view, state, offlineSays: says } : { ...view, state };
    this.listeners.emit('state', this.getView());
  }

  private secrets(): KnownSecrets {
    return [this.deps.credentials.secret, this.session?.token, this.session?.refreshToken];
  }

  private abortHttp(): void {
    const controller = this.http;
    this.http = null;
    controller?.abort();
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private clearReturn(): void {
    if (this.returnTimer !== null) clearTimeout(this.returnTimer);
    this.returnTimer = null;
  }

  private clearRefresh(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  private clearTimers(): void {
    this.clearRetry();
    this.clearReturn();
    this.clearRefresh();
  }
}
