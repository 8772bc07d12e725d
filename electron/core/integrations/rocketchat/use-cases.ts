/**
 * Rocket.Chat for the agent's calls, as use cases: the session (sign-in, the version check, the
 * session's renewal), the rooms that follow the calls, and the view. Everything the agent does to
 * a room goes through the durable outbox; `transport.ts` delivers it.
 */
import { join } from 'node:path';
import type { CallState, RealtimeEvent } from '../../../../shared/domain/calls';
import { UserFacingError } from '../../../../shared/ipc/dispatch';
import type {
  RocketChatSettingsPatch,
  RocketChatSignIn,
  WrapUp,
} from '../../../../shared/ipc/rocketchat-methods';
import type {
  RocketChatStatus,
  RocketChatUserView,
  RocketChatView,
  RocketChatServerView,
} from '../../../../shared/ipc/rocketchat';
import type { Clock, Logger } from '../../ports';
import { ROCKETCHAT_AUTH_TOKEN } from '../../settings/sections/rocketchat';
import { RocketChatClient, type RocketChatSession } from './client';
import { serverOfAction } from './actions';
import { RocketChatDemoOverlay, type RocketChatDemo } from './demo';
import { RocketChatError, userFacingError } from './errors';
import { rocketChatHandlers, type RocketChatHandlers, type RocketChatUseCases } from './handlers';
import type { RocketChatOutboxPort, RocketChatSecretsPort, RocketChatSettingsPort } from './ports';
import { RoomRegistry } from './room-registry';
import { RoomSync } from './room-sync';
import { normaliseServerUrl, type ServerRef } from './server-ref';
import { RocketChatTransport } from './transport';
import { buildView, userViewOf } from './view';
import { lookUpCaller } from './caller-lookup';
import type { VisitorLookup } from '../../../../shared/history/caller-info';
import { say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

export interface RocketChatServiceDeps {
  settings: RocketChatSettingsPort;
  secrets: RocketChatSecretsPort;
  outbox: RocketChatOutboxPort;
  logger: Logger;
  clock: Clock;
  fetch?: typeof fetch;
  /** Where `rocketchat-rooms.json` (rooms of recent calls, visitor per caller) lives; null: memory only. */
  dataDir?: string | null;
  /** Opens a web address in the default browser (Electron: shell.openExternal). */
  openExternal?: (url: string) => unknown;
  /** Per REST request. */
  timeoutMs?: number;
  /** How long an action waits while nobody is signed in before it looks again (sign-in wakes it). */
  signedOutWaitMs?: number;
}

const majorOf = (version: string): number => Number.parseInt(version, 10);
/** VoIP rooms exist from 4.x to 7.x; 8.0 removed them. */
export const supportsVoip = (version: string): boolean =>
  majorOf(version) >= 4 && majorOf(version) < 8;

/**
 * The agent's Rocket.Chat session and the rooms that follow their calls: decides what to queue
 * (from the agent's buttons and, with "keep in step", from the call's own events) and shows where
 * it stands.
 */
export class RocketChatService implements RocketChatUseCases {
  readonly handlers: RocketChatHandlers;
  private client: RocketChatClient | null = null;
  private status: RocketChatStatus = 'signed-out';
  private server: RocketChatServerView | null = null;
  private user: RocketChatUserView | null = null;
  /** Where Ringside is signed in (kept while a session waits to be renewed): rooms go there only. */
  private signedInTo: ServerRef | null = null;
  /** While the demo runs: its server, and the sign-in there (in memory only). */
  private readonly demo: RocketChatDemoOverlay;
  /** Plain-words notices, by subject: the server (version, reachability), the account, the session. */
  private readonly notices: {
    server: Message | null;
    account: Message | null;
    session: Message | null;
  } = {
    server: null,
    account: null,
    session: null,
  };
  private refreshing: Promise<void> | null = null;
  private readonly registry: RoomRegistry;
  private readonly sync: RoomSync;
  private readonly transport: RocketChatTransport;
  private readonly listeners = new Set<() => void>();
  private readonly disposers: (() => void)[] = [];
  private readonly log: Logger;

  constructor(private readonly deps: RocketChatServiceDeps) {
    this.log = deps.logger.child('rocketchat');
    this.demo = new RocketChatDemoOverlay(deps);
    const dataFile = deps.dataDir ? join(deps.dataDir, 'rocketchat-rooms.json') : null;
    this.registry = new RoomRegistry(dataFile, this.log, () => deps.clock.now());
    this.transport = new RocketChatTransport({
      client: () => this.client,
      // From the same place as the client's server, so the two never tell of different sign-ins.
      agentId: () => (this.status === 'signed-in' ? (this.signedInTo?.userId ?? null) : null),
      server: () => (this.status === 'signed-in' ? this.signedInTo : null),
      voipSupported: () => this.server?.voipSupported !== false,
      registry: this.registry,
      clock: deps.clock,
      logger: this.log,
      ...(deps.signedOutWaitMs === undefined ? {} : { signedOutWaitMs: deps.signedOutWaitMs }),
    });
    this.sync = new RoomSync({
      registry: this.registry,
      outbox: deps.outbox,
      clock: deps.clock,
      logger: this.log,
      settings: () => this.settings.get(),
      ready: () => this.requireRooms(),
      server: () => this.signedInTo,
    });
    this.handlers = rocketChatHandlers(this);
  }

  /** Read and written through the demo overlay: the demo's sign-in while it runs, the agent's otherwise. */
  private get settings(): RocketChatSettingsPort {
    return this.demo.settings;
  }

  private get secrets(): RocketChatSecretsPort {
    return this.demo.secrets;
  }

  /** The demo's server while the demo runs: rooms of any other demo server are gone with it. */
  private get demoUrl(): string | null {
    const demo = this.demo.current;
    return demo ? normaliseServerUrl(demo.url) : null;
  }

  /** Loads the rooms, plugs into the outbox and resumes the stored session (checked in the background). */
  async start(): Promise<void> {
    await this.registry.load();
    // No demo runs yet: a demo server of an earlier run stopped with it.
    await this.forgetGoneDemos();
    this.disposers.push(this.registry.onChange(() => this.emit()));
    this.disposers.push(this.deps.outbox.onChange(() => this.sync.reconcile()));
    this.deps.outbox.setTransport('rocketchat', this.transport);
    await this.resumeStoredSession();
  }

  /**
   * Picks up the session the settings and the SecretStore hold (at start, and when the demo hands
   * Rocket.Chat back to the agent's own server); checked against the server in the background.
   */
  async resumeStoredSession(): Promise<void> {
    const settings = this.settings.get();
    const token = this.secrets.get(ROCKETCHAT_AUTH_TOKEN);
    if (settings.serverUrl && settings.userId && settings.authKind && token) {
      const url = normaliseServerUrl(settings.serverUrl);
      const server: ServerRef = {
        url,
        userId: settings.userId,
        username: settings.username,
        demo: url === this.demoUrl,
      };
      await this.registry.useServer(server);
      this.signedInTo = server;
      this.client = this.makeClient(settings.serverUrl);
      this.client.setSession({
        userId: settings.userId,
        authToken: token,
        kind: settings.authKind,
      });
      this.status = 'signed-in';
      this.user = {
        userId: settings.userId,
        username: settings.username,
        name: settings.username,
        isAgent: true,
      };
      this.server = { url: settings.serverUrl, version: null, voipSupported: null };
      void this.refresh();
      await this.sync.serverChanged();
    }
    this.emit();
  }

  stop(): Promise<void> {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.deps.outbox.setTransport('rocketchat', null);
    return Promise.resolve();
  }

  /** Asks the server its version and checks the session; what it learns shows in the view. */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await this.checkVersion(client);
      const session = client.session;
      if (!session) return;
      const me =
        session.kind === 'pat' ? await client.useToken(session) : (await client.resume(session)).me;
      this.user = userViewOf(me);
      this.agentNotice();
      this.deps.outbox.wake('rocketchat');
    } catch (error) {
      if (error instanceof RocketChatError && !error.transient) this.sessionEnded();
      else
        this.notices.server =
          error instanceof RocketChatError
            ? error.says
            : error instanceof Error
              ? say('plain', { text: error.message })
              : say('rc.not-checked');
    }
    this.emit();
  }

  /**
   * Demo mode: the app started the simulator in-process and signs in to it. That server lives only
   * as long as this demo: rooms of an earlier demo's server are forgotten (it is gone, and a new
   * demo listens on a new port), with whatever was queued for them.
   */
  async useDemo(demo: RocketChatDemo): Promise<void> {
    this.demo.enter(demo);
    await this.signIn({ serverUrl: demo.url, username: demo.username, password: demo.password });
    await this.forgetGoneDemos();
  }

  /**
   * The demo stops: Ringside signs out of its server, forgets the rooms that were there, and
   * goes back to the agent's own Rocket.Chat, if they had signed in to one.
   */
  async leaveDemo(): Promise<void> {
    if (!this.demo.current) return;
    await this.signOut();
    this.demo.leave();
    await this.forgetGoneDemos();
    await this.resumeStoredSession();
  }

  async signIn(input: RocketChatSignIn): Promise<void> {
    const serverUrl = normaliseServerUrl(input.serverUrl);
    const client = this.makeClient(serverUrl);
    const probed = await this.probe(client).catch((error: unknown) => {
      throw userFacingError(error);
    });
    let session: RocketChatSession;
    let me;
    try {
      if ('password' in input) {
        const code = input.code;
        ({ session, me } = await client.login({
          user: input.username,
          password: input.password,
          ...(code ? { code } : {}),
        }));
      } else {
        session = { userId: input.userId, authToken: input.personalAccessToken, kind: 'pat' };
        me = await client.useToken(session);
      }
    } catch (error) {
      if (!('password' in input) && error instanceof RocketChatError && error.status === 401) {
        throw new UserFacingError('wrong-credentials', say('rc.wrong-token'));
      }
      throw userFacingError(error);
    }
    const server: ServerRef = {
      url: serverUrl,
      userId: session.userId,
      username: me.username,
      demo: serverUrl === this.demoUrl,
    };
    // The client and the server it stands for change together: an action picked up in between
    // must not be checked against one server and sent to the other.
    this.client = client;
    this.signedInTo = server;
    this.server = probed.server;
    this.notices.server = probed.notice;
    this.notices.session = null;
    this.secrets.set(ROCKETCHAT_AUTH_TOKEN, session.authToken);
    this.settings.update({
      serverUrl,
      username: me.username,
      userId: session.userId,
      authKind: session.kind,
    });
    await this.registry.useServer(server);
    this.status = 'signed-in';
    this.user = userViewOf(me);
    this.agentNotice();
    this.log.info('signed in to Rocket.Chat', {
      server: serverUrl,
      username: me.username,
      kind: session.kind,
    });
    this.deps.outbox.wake('rocketchat');
    this.emit();
    await this.sync.serverChanged();
  }

  async signOut(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.status = 'signed-out';
    this.user = null;
    this.signedInTo = null;
    this.notices.server = null;
    this.notices.account = null;
    this.notices.session = null;
    this.secrets.delete(ROCKETCHAT_AUTH_TOKEN);
    this.settings.update({ userId: '', authKind: '' });
    this.emit();
    // Best effort: the token is forgotten here whatever the server says.
    await client?.logout().catch(() => undefined);
  }

  /**
   * Opens the room of a call the agent is about to place (a `tel:` link they confirmed), with
   * direction outbound; answers the room's id in the view.
   */
  openOutboundRoom(callerPhone: string): Promise<string> {
    return this.sync.openOutboundRoom(callerPhone);
  }

  /** Feed every call event here, with the call state before and after it. */
  onCallEvent(event: RealtimeEvent, before: CallState, after: CallState): Promise<void> {
    return this.sync.onCallEvent(event, before, after);
  }

  openRoom(ivrid: string): Promise<void> {
    return this.sync.openRoom(ivrid);
  }

  roomAction(ivrid: string, action: 'hold' | 'unhold' | 'end'): Promise<void> {
    return this.sync.roomAction(ivrid, action);
  }

  wrapUp(ivrid: string, wrapUp: WrapUp): Promise<void> {
    return this.sync.wrapUp(ivrid, wrapUp);
  }

  retryAction(id: string): Promise<void> {
    return this.sync.retryAction(id);
  }

  discardAction(id: string): Promise<void> {
    return this.sync.discardAction(id);
  }

  /** Auto-open, keep in step, default tags. */
  async updateSettings(patch: RocketChatSettingsPatch): Promise<RocketChatView> {
    const clean = Object.fromEntries(
      Object.entries(patch).filter(([, value]) => value !== undefined),
    );
    await this.settings.update(clean);
    this.emit();
    return this.view();
  }

  /** Who a ringing caller is in Rocket.Chat (the screen pop): `unavailable` unless signed in. */
  lookUpCaller(phone: string, signal: AbortSignal): Promise<VisitorLookup> {
    const client = this.status === 'signed-in' ? this.client : null;
    const server = this.signedInTo;
    if (!client || !server) return Promise.resolve({ status: 'unavailable' });
    return lookUpCaller({
      client,
      serverUrl: server.url,
      rooms: this.registry.all(),
      phone,
      signal,
    });
  }

  view(): RocketChatView {
    return buildView({
      status: this.status,
      server: this.server,
      user: this.user,
      notices: [this.notices.session, this.notices.server, this.notices.account].filter(
        (notice): notice is Message => notice !== null,
      ),
      settings: this.settings.get(),
      rooms: this.registry.all(),
      current: this.signedInTo,
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Rooms of a demo server that is not running (any, when no demo runs) and the actions queued
   * for them: that server is gone for good, so they could never be sent, only wait forever. An
   * action being sent right now is left to finish; the next start forgets it.
   */
  private async forgetGoneDemos(): Promise<void> {
    const gone = (server: ServerRef | null): boolean =>
      server !== null && server.demo && server.url !== this.demoUrl;
    const dropped = new Set(
      (await this.registry.forget((room) => gone(room.server))).map((room) => room.ivrid),
    );
    for (const record of this.deps.outbox.list()) {
      const { action } = record;
      if (action.target !== 'rocketchat' || record.state === 'sent') continue;
      if (gone(serverOfAction(action.payload)) || (action.ivrid && dropped.has(action.ivrid)))
        this.deps.outbox.discard(action.id);
    }
    if (dropped.size > 0)
      this.log.info('forgot the rooms of a demo that ended', { rooms: dropped.size });
  }

  private makeClient(serverUrl: string): RocketChatClient {
    return new RocketChatClient({
      serverUrl,
      clock: this.deps.clock,
      logger: this.log,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}),
      onSession: (session) => {
        if (this.client?.serverUrl !== serverUrl) return;
        if (session) this.secrets.set(ROCKETCHAT_AUTH_TOKEN, session.authToken);
        else this.sessionEnded();
      },
    });
  }

  private async checkVersion(client: RocketChatClient): Promise<void> {
    const { server, notice } = await this.probe(client);
    this.server = server;
    this.notices.server = notice;
    this.emit();
  }

  private async probe(
    client: RocketChatClient,
  ): Promise<{ server: RocketChatServerView; notice: Message | null }> {
    const { version } = await client.info();
    const voipSupported = supportsVoip(version);
    const notice = voipSupported ? null : say('rc.no-voip-version', { version });
    return { server: { url: client.serverUrl, version, voipSupported }, notice };
  }

  private agentNotice(): void {
    this.notices.account = null;
    if (this.user && !this.user.isAgent && this.server?.voipSupported !== false) {
      this.notices.account = say('rc.user-not-agent', { username: this.user.username });
    }
  }

  private sessionEnded(): void {
    if (this.status !== 'signed-in') return;
    this.status = 'session-ended';
    this.notices.session = say('rc.session-ended');
    this.log.warn('Rocket.Chat session ended');
    this.emit();
  }

  /** Throws in plain words unless rooms can be opened now. */
  private requireRooms(): void {
    if (this.status !== 'signed-in' || !this.client) {
      throw new UserFacingError('not-signed-in', say('rc.sign-in-first'));
    }
    if (this.server?.voipSupported === false) {
      throw new UserFacingError('voip-unavailable', this.notices.server ?? say('rc.no-voip'));
    }
  }

  async openRoomInBrowser(ivrid: string): Promise<void> {
    const link = this.view().rooms.find((room) => room.ivrid === ivrid)?.link ?? null;
    if (!link) throw new UserFacingError('no-room', say('rc.no-room-yet'));
    const url = new URL(link);
    // Only ever the pages of the server the room is on: one the agent signed in to themselves.
    const home = this.registry.get(ivrid)?.server?.url ?? this.server?.url ?? null;
    const server = home ? new URL(home) : null;
    if (!server || url.origin !== server.origin || !/^https?:$/.test(url.protocol)) {
      throw new UserFacingError('invalid-link', say('rc.invalid-link'));
    }
    if (!this.deps.openExternal) throw new UserFacingError('unavailable', say('rc.no-browser'));
    await this.deps.openExternal(url.toString());
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
