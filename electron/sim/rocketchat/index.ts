import type { RateRuleName, SimContext } from './context';
import { isoAt } from './context';
import { randomId } from './ids';
import type { LimiterSettings } from './pipeline';
import type { RateRule } from './rate-limiter';
import { RateLimiter } from './rate-limiter';
import type { Dialect } from './responses';
import { defaultDialect, parseVersion } from './responses';
import type { JournalEntry } from './server';
import { SimHttpServer } from './server';
import type { MessageDoc, SimUser, Visitor, VoipRoomDoc } from './store';
import { Store } from './store';
import { totpCode } from './totp';

// A faithful HTTP simulator of Rocket.Chat's omnichannel VoIP REST API (see README.md).

export type { Dialect, JournalEntry, MessageDoc, RateRule, RateRuleName, Visitor, VoipRoomDoc };
export { VOIP_EVENTS } from './routes/voip';

export interface RocketChatSimOptions {
  /** Server version reported by /api/info and driving the quirks: '6.13.0', '7.5.1', '8.0.0'... Default '6.13.0'. */
  readonly version?: string;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Response dialect; default derived from the version (see responses.ts). */
  readonly dialect?: Dialect;
  /** Login 200 carries `success: true`; default true for 7.3+ dialects. */
  readonly successFlag?: boolean;
  /** 'enterprise' (default) stores wrap-up comments and tags; 'community' ignores them. */
  readonly edition?: 'enterprise' | 'community';
  /** Per-rule overrides; unspecified windows fall back to `rateLimitWindowMs`. */
  readonly rateLimits?: Partial<Record<RateRuleName, Partial<RateRule>>>;
  /** Window for every rule without its own (default 60 000 ms). */
  readonly rateLimitWindowMs?: number;
  /** false: the limiter is off (some 7.x builds): no 429, no headers. Default true. */
  readonly enforceRateLimits?: boolean;
  /** Status of voip/events on a room the agent may not access (body is the same). Default 403. */
  readonly eventsNoAccessStatus?: 401 | 403;
  /** Base32 secret: turns on TOTP 2FA for the demo agent. */
  readonly agentTotpSecret?: string;
  /** Clock for timestamps and rate-limit windows. */
  readonly now?: () => number;
  /** Visitors (contacts) present from the start, e.g. for demo mode's contact.search. */
  readonly visitors?: readonly SeedVisitor[];
}

export interface SeedVisitor {
  readonly token: string;
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface DemoUser {
  readonly userId: string;
  readonly username: string;
  readonly password: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly totpSecret?: string;
}

export interface DemoUsers {
  /** livechat-agent: the desk user. */
  readonly agent: DemoUser;
  /** A second livechat-agent, for "room served by someone else". */
  readonly otherAgent: DemoUser;
  /** admin (not livechat-agent): bypasses the rate limiter, lacks inbound-voip-calls. */
  readonly admin: DemoUser;
  /** Plain user: no omnichannel permissions. */
  readonly user: DemoUser;
}

export interface RocketChatSim {
  /** Base URL, e.g. http://127.0.0.1:41234 (stable across restart()). */
  readonly url: string;
  readonly version: string;
  readonly users: DemoUsers;
  /** Stored messages of a room, oldest first (copies). */
  messages(rid: string): MessageDoc[];
  rooms(): VoipRoomDoc[];
  visitors(): Visitor[];
  /** Every answered request, oldest first. */
  requests(): JournalEntry[];
  /** Issue a personal access token for `username` (used like an authToken). */
  createPersonalAccessToken(username: string, name?: string): string;
  /** Current TOTP code for a user with 2FA (the demo agent by default). */
  totpCode(username?: string): string;
  /** Replace the roles granted a permission (e.g. revoke inbound-voip-calls). */
  setPermissionRoles(permission: string, roles: readonly string[]): void;
  resetRateLimits(): void;
  /** The next `count` requests answer `status` (default 503) without reaching Rocket.Chat. */
  failNext(count: number, status?: number): void;
  /** true: every connection is closed as soon as it opens (and open ones are dropped). */
  setDown(down: boolean): void;
  /** Delay every response by `ms`. */
  latency(ms: number): void;
  /** Close the listener: connections are refused until restart(). */
  stop(): Promise<void>;
  /** Listen again on the same port; data and tokens survive, rate-limit counters do not. */
  restart(): Promise<void>;
}

const DEFAULT_RULES: Readonly<Record<RateRuleName, number>> = {
  default: 10,
  'voip/room': 5,
  'livechat/visitor': 5,
};

function demoUser(
  username: string,
  name: string,
  roles: string[],
  password: string,
  totpSecret?: string,
): SimUser {
  const base = {
    _id: randomId(),
    username,
    name,
    email: `${username}@ringside.example`,
    password,
    roles,
  };
  return totpSecret ? { ...base, totpSecret } : base;
}

function publicUser(user: SimUser): DemoUser {
  const { _id, username, password, email, name, roles, totpSecret } = user;
  const out = { userId: _id, username, password, email, name, roles: [...roles] };
  return totpSecret ? { ...out, totpSecret } : out;
}

export async function startRocketChatSim(
  options: RocketChatSimOptions = {},
): Promise<RocketChatSim> {
  const version = options.version ?? '6.13.0';
  const parsedVersion = parseVersion(version);
  const dialect = options.dialect ?? defaultDialect(parsedVersion);
  const now = options.now ?? Date.now;
  const store = new Store();

  const agent = demoUser(
    'agent.demo',
    'Demo Agent',
    ['user', 'livechat-agent'],
    'agent-demo-pass',
    options.agentTotpSecret,
  );
  const otherAgent = demoUser(
    'agent.other',
    'Other Agent',
    ['user', 'livechat-agent'],
    'agent-other-pass',
  );
  const admin = demoUser('admin.demo', 'Demo Admin', ['user', 'admin'], 'admin-demo-pass');
  const plain = demoUser('user.demo', 'Plain User', ['user'], 'user-demo-pass');
  for (const u of [agent, otherAgent, admin, plain]) store.addUser(u);
  for (const seed of options.visitors ?? []) store.seedVisitor(seed, isoAt(now()));

  const windowMs = options.rateLimitWindowMs ?? 60_000;
  const rules = Object.fromEntries(
    (Object.keys(DEFAULT_RULES) as RateRuleName[]).map((name) => [
      name,
      {
        limit: options.rateLimits?.[name]?.limit ?? DEFAULT_RULES[name],
        windowMs: options.rateLimits?.[name]?.windowMs ?? windowMs,
      },
    ]),
  ) as Record<RateRuleName, RateRule>;
  const limiter = new RateLimiter(now);
  const limits: LimiterSettings = { limiter, rules, enforce: options.enforceRateLimits ?? true };

  const sim: SimContext = {
    store,
    version,
    parsedVersion,
    dialect,
    loginSuccessFlag: options.successFlag ?? dialect !== 'classic',
    edition: options.edition ?? 'enterprise',
    eventsNoAccessStatus: options.eventsNoAccessStatus ?? 403,
    now,
    // Only called while serving a request, i.e. after `server` exists.
    baseUrl: () => server.url,
  };
  const server = new SimHttpServer(sim, limits, options.host ?? '127.0.0.1');
  await server.listen(options.port ?? 0);

  const userByName = (username: string): SimUser => {
    const user = store.findUserByUsername(username);
    if (!user) throw new Error(`No simulated user named ${username}`);
    return user;
  };

  return {
    get url() {
      return server.url;
    },
    version,
    users: {
      agent: publicUser(agent),
      otherAgent: publicUser(otherAgent),
      admin: publicUser(admin),
      user: publicUser(plain),
    },
    messages: (rid) => structuredClone(store.messages.filter((m) => m.rid === rid)),
    rooms: () => structuredClone([...store.rooms.values()]),
    visitors: () => structuredClone([...store.visitors.values()]),
    requests: () => [...server.journal],
    createPersonalAccessToken: (username, name = 'ringside') =>
      store.issueToken(userByName(username)._id, 'personalAccessToken', name),
    totpCode: (username = agent.username) => {
      const secret = userByName(username).totpSecret;
      if (!secret) throw new Error(`${username} has no TOTP secret`);
      return totpCode(secret, now());
    },
    setPermissionRoles: (permission, roles) => {
      store.permissions.set(permission, [...roles]);
    },
    resetRateLimits: () => limiter.reset(),
    failNext: (count, status = 503) => server.failNext(count, status),
    setDown: (down) => server.setDown(down),
    latency: (ms) => server.setLatency(ms),
    stop: () => server.close(),
    restart: async () => {
      limiter.reset();
      await server.reopen();
    },
  };
}
