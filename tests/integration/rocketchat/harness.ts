import { cpSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type {
  CallDirection,
  CallInfo,
  CallState,
  ExtensionInfo,
  RealtimeEvent,
} from '../../../shared/domain/calls';
import { CallStore } from '../../../shared/calls/store';
import { Outbox } from '../../../electron/core/outbox/outbox';
import { FileOutboxStorage } from '../../../electron/core/outbox/file-storage';
import { systemClock } from '../../../electron/core/ports';
import type {
  RocketChatSecretsPort as RocketChatSecretStore,
  RocketChatSettingsPort as RocketChatSettingsStore,
} from '../../../electron/core/integrations/rocketchat/ports';
import { RocketChatService } from '../../../electron/core/integrations/rocketchat/use-cases';
import {
  rocketchatSection,
  type RocketChatSettings,
} from '../../../electron/core/settings/sections/rocketchat';
import {
  startRocketChatSim,
  type DemoUser,
  type RocketChatSim,
  type RocketChatSimOptions,
} from '../../../electron/sim/rocketchat';
import { silentLogger } from '../../../electron/core/logging';
import { makeCall, makeExtension } from '../../support/calls';
import { waitFor } from '../../support/wait';

export const OWN_EXTENSION = '101';

/** Settings and secrets that outlive one "run" of the app, like the files on disk do. */
export class Profile {
  readonly dir: string;
  private settingsValue: RocketChatSettings = rocketchatSection.schema.parse({});
  private readonly secretValues = new Map<string, string>();

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(): Promise<Profile> {
    return new Profile(await mkdtemp(join(tmpdir(), 'ringside-rc-')));
  }

  readonly settings: RocketChatSettingsStore = {
    get: () => this.settingsValue,
    update: (patch) => {
      this.settingsValue = rocketchatSection.schema.parse({ ...this.settingsValue, ...patch });
    },
  };

  readonly secrets: RocketChatSecretStore = {
    get: (key) => this.secretValues.get(key) ?? null,
    set: (key, value) => void this.secretValues.set(key, value),
    delete: (key) => void this.secretValues.delete(key),
  };

  secret(key: string): string | undefined {
    return this.secretValues.get(key);
  }

  /**
   * The profile as a killed app leaves it: its files as they are on disk right now (copied at
   * once, before anything else can write), with the same settings and secrets. The app that was
   * killed keeps writing to the old folder, which the next run never sees.
   */
  crashCopy(): Profile {
    const dir = `${this.dir}-after-crash`;
    // Temp files of atomic writes in progress are not part of what a restart reads.
    cpSync(this.dir, dir, {
      recursive: true,
      filter: (source) => !source.slice(this.dir.length).startsWith('/.'),
    });
    const copy = new Profile(dir);
    copy.settingsValue = this.settingsValue;
    for (const [key, value] of this.secretValues) copy.secretValues.set(key, value);
    return copy;
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** One run of the app's Rocket.Chat side: a real outbox on disk and the service. */
export class AppRun {
  readonly outbox: Outbox;
  readonly service: RocketChatService;
  readonly calls: CallDriver;

  constructor(
    readonly profile: Profile,
    extra: Partial<ConstructorParameters<typeof RocketChatService>[0]> = {},
  ) {
    this.outbox = new Outbox({
      storage: new FileOutboxStorage(join(profile.dir, 'outbox.json'), silentLogger),
      clock: systemClock,
      logger: silentLogger,
      backoff: { baseMs: 20, capMs: 250 },
    });
    this.service = new RocketChatService({
      settings: profile.settings,
      secrets: profile.secrets,
      outbox: this.outbox,
      logger: silentLogger,
      clock: systemClock,
      dataDir: profile.dir,
      timeoutMs: 2_000,
      signedOutWaitMs: 200,
      ...extra,
    });
    this.calls = new CallDriver(this.service);
  }

  async start(): Promise<this> {
    await this.service.start();
    await this.outbox.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await this.outbox.stop();
  }

  /** Signs in as the agent would in the settings (the desk agent unless `user` says otherwise). */
  async signInAgent(sim: RocketChatSim, user: DemoUser = sim.users.agent): Promise<void> {
    await this.service.signIn({
      serverUrl: sim.url,
      username: user.username,
      password: user.password,
    });
  }

  /** Every action of the outbox is sent. */
  async settled(timeoutMs = 20_000): Promise<void> {
    await waitFor(
      () => this.outbox.view().items.every((item) => item.state === 'sent'),
      timeoutMs,
      'outbox settled',
    );
  }

  room(ivrid: string) {
    return this.service.view().rooms.find((room) => room.ivrid === ivrid);
  }

  rid(ivrid: string): string {
    const rid = this.room(ivrid)?.rid;
    if (!rid) throw new Error(`no room yet for ${ivrid}`);
    return rid;
  }
}

const extension = (calls: CallInfo[]): ExtensionInfo =>
  makeExtension(OWN_EXTENSION, {
    userId: 7,
    userName: 'Agent',
    sipUser: 'sip101',
    onlineUserId: 7,
    representativeName: 'Agent',
    calls,
  });

/** Plays the telephony side through the real call store and hands each change to the service. */
export class CallDriver {
  private readonly store = new CallStore([OWN_EXTENSION]);
  private readonly calls = new Map<string, CallInfo>();

  constructor(private readonly service: RocketChatService) {}

  ring(
    ivrid: string,
    callerPhone: string,
    callerName: string,
    direction: CallDirection = 'incoming',
  ): Promise<void> {
    const call = makeCall({
      ivrid,
      callerName,
      callerPhone,
      did: '035551234',
      direction,
      status: direction === 'incoming' ? 'ringing' : 'dialing',
      startedAt: Date.now(),
    });
    return this.emit('NEWCALL', call);
  }

  answer(ivrid: string, answeredAt = Date.now()): Promise<void> {
    return this.emit('ANSWER', { ...this.get(ivrid), status: 'talking', answeredAt });
  }

  hold(ivrid: string): Promise<void> {
    return this.emit('HOLD', { ...this.get(ivrid), status: 'hold' });
  }

  unhold(ivrid: string): Promise<void> {
    return this.emit('UNHOLD', { ...this.get(ivrid), status: 'talking' });
  }

  /** The server's whole picture (what a connect or reconnect brings): the calls still up. */
  snapshot(at = Date.now()): Promise<void> {
    const event: RealtimeEvent = {
      kind: 'extensionsSnapshot',
      at,
      extensions: [extension([...this.calls.values()])],
    };
    return this.apply(event);
  }

  /** Tells this run about a call on the extension without an event (it was up before it started). */
  know(call: CallInfo): void {
    this.calls.set(call.ivrid, call);
  }

  hangup(ivrid: string, at = Date.now()): Promise<void> {
    const call = this.get(ivrid);
    return this.emit('HANGUP', call, at, {
      cause: call.answeredAt ? 'Normal hangup' : 'User alerting, no answer',
      callerId: call.callerPhone,
      ivrid,
    });
  }

  /** The call as this run knows it. */
  call(ivrid: string): CallInfo {
    return this.get(ivrid);
  }

  private get(ivrid: string): CallInfo {
    const call = this.calls.get(ivrid);
    if (!call) throw new Error(`unknown call ${ivrid}`);
    return call;
  }

  private async emit(
    reason: string,
    call: CallInfo,
    at = Date.now(),
    hangup: { cause: string; callerId: string; ivrid: string } | null = null,
  ): Promise<void> {
    if (reason === 'HANGUP') this.calls.delete(call.ivrid);
    else this.calls.set(call.ivrid, call);
    const event: RealtimeEvent = {
      kind: 'extension',
      reason,
      at,
      extension: extension([...this.calls.values()]),
      call,
      hangup,
    };
    await this.apply(event);
  }

  get state(): CallState {
    return this.store.state;
  }

  private async apply(event: RealtimeEvent): Promise<void> {
    const { before, after } = this.store.apply(event);
    await this.service.onCallEvent(event, before, after);
  }
}

/** Logs the profile's stored session out on the server, as if revoked while the app was closed. */
export async function revokeStoredSession(sim: RocketChatSim, profile: Profile): Promise<void> {
  await fetch(`${sim.url}/api/v1/logout`, {
    method: 'POST',
    headers: {
      'X-User-Id': sim.users.agent.userId,
      'X-Auth-Token': profile.secret('rocketchat.authToken') ?? '',
    },
  });
}

/**
 * Sims, profiles and app runs for one test file; whatever a test starts is stopped after it, last
 * started first, so one failing test cannot leave a server or a profile behind for the next.
 */
export function useRig() {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  });

  async function sim(options: RocketChatSimOptions = {}): Promise<RocketChatSim> {
    const started = await startRocketChatSim(options);
    cleanup.push(() => started.stop());
    return started;
  }

  async function profile(): Promise<Profile> {
    const created = await Profile.create();
    cleanup.push(() => created.remove());
    return created;
  }

  /** The profile a killed app leaves behind (see `Profile.crashCopy`), removed after the test. */
  function crashed(from: Profile): Profile {
    const copy = from.crashCopy();
    cleanup.push(() => copy.remove());
    return copy;
  }

  /** Starts the app on `owned`, or on a fresh profile of its own when none is given. */
  async function app(
    owned?: Profile,
    extra?: ConstructorParameters<typeof AppRun>[1],
  ): Promise<AppRun> {
    const run = await new AppRun(owned ?? (await profile()), extra).start();
    cleanup.push(() => run.stop());
    return run;
  }

  /** A fresh sim, and the app on a fresh profile signed in to it as the agent. */
  async function signedInApp(
    options?: RocketChatSimOptions,
  ): Promise<{ s: RocketChatSim; run: AppRun }> {
    const s = await sim(options);
    const run = await app();
    await run.signInAgent(s);
    return { s, run };
  }

  return { sim, profile, app, signedInApp, crashed };
}

/**
 * The network as an app sees it when it is killed in the middle of one request: real `fetch`
 * until `fatal(url, body)` picks a request; then the app "dies" `before` that request leaves or
 * `after` the server answered it (the answer never reaches the app). At that moment the profile's
 * disk is copied (`died` resolves with it) and the request never settles, until the dead run is
 * stopped.
 */
export function dyingFetch(
  profile: () => Profile,
  fatal: (url: string, body: string) => boolean,
  at: 'before' | 'after',
  crashed: (from: Profile) => Profile,
): { fetch: typeof fetch; died: Promise<Profile> } {
  let report: (profile: Profile) => void = () => undefined;
  const died = new Promise<Profile>((resolve) => (report = resolve));
  let dead = false;
  const hang = (signal: AbortSignal | null | undefined) =>
    new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new Error('the app was stopped')));
    });
  const dyingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = typeof init?.body === 'string' ? init.body : '';
    if (dead) return hang(init?.signal);
    if (!fatal(url, body)) return fetch(input, init);
    dead = true;
    if (at === 'after') await (await fetch(input, init)).text();
    report(crashed(profile()));
    return hang(init?.signal);
  };
  return { fetch: dyingFetch, died };
}
