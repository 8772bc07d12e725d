/** Options of `startVoicenterSim`, validated once at the edge. */
import { z } from 'zod';
import type { CredentialOverrides } from './directory';

const HOUR = 3_600_000;

const credentialsSchema = z
  .object({
    user: z
      .object({ email: z.string(), pin: z.string(), extension: z.number().int().positive() })
      .partial()
      .optional(),
    account: z.object({ username: z.string(), password: z.string() }).partial().optional(),
    token: z.string().optional(),
  })
  .optional();

export const simOptionsSchema = z.object({
  /** Interface to bind. Default 127.0.0.1. */
  host: z.string().default('127.0.0.1'),
  /** Port of the login API; 0 (default) picks a free one. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Number of monitor (socket) servers: the first is the main one, the rest are backups. */
  servers: z.number().int().min(1).max(16).default(1),
  /** Socket server ports; default: all 0, or `port + 1 + i` when `port` is set. */
  socketPorts: z.array(z.number().int().min(0).max(65_535)).optional(),
  credentials: credentialsSchema,
  /** Socket token lifetime (`TokenExpiry`). Default 12 h. */
  tokenTtlMs: z
    .number()
    .int()
    .positive()
    .default(12 * HOUR),
  /** Refresh token lifetime (`RefreshTokenExpiry`). Default 30 days. */
  refreshTokenTtlMs: z
    .number()
    .int()
    .positive()
    .default(30 * 24 * HOUR),
  /** Engine.IO v3 ping settings; production: 60 s / 180 s. */
  pingInterval: z.number().int().positive().default(60_000),
  pingTimeout: z.number().int().positive().default(180_000),
  /** Seed for the scenarios' ids, callers and uuids. */
  seed: z.union([z.string(), z.number()]).default(1),
  /** Scenario time scale: 1 = real durations, 100 = a hundred times faster. */
  speed: z.number().positive().default(1),
  /** Answer with `URL` instead of `Url`. */
  urlKey: z.enum(['Url', 'URL']).default('Url'),
  /** Answer with `MonitorList` (priorities) instead of `URLList`. */
  serverList: z.enum(['URLList', 'MonitorList']).default('URLList'),
  /** Failed logins: 401 "Unauthorized" (default), 500 "Unexpected token", or a 200 `{error}` body. */
  badCredentials: z.union([z.literal(401), z.literal(500), z.literal('error-body')]).default(401),
  /** `TokenExpiry` / `RefreshTokenExpiry` as Israel wall clock (default) or UTC, zone-less either way. */
  expiryZone: z.enum(['israel', 'utc']).default('israel'),
  /** Emit NEWCALL/ANSWER/HOLD/UNHOLD/HANGUP in the seed page's wrong nested shape. */
  seedShapedEvents: z.boolean().default(false),
  /** Also send an (empty) `AllDialersStatus` snapshot to account and token logins. */
  sendDialers: z.boolean().default(false),
});

export type VoicenterSimOptions = z.input<typeof simOptionsSchema> & {
  credentials?: CredentialOverrides;
  /** Clock for every timestamp the sim writes (tests can pin summer or winter). */
  now?: () => number;
  /** Logins, sockets, kills and restarts (never tokens or credentials). Default: silent. */
  logger?: SimLogger;
};

export type ResolvedSimOptions = z.output<typeof simOptionsSchema>;

/** Any structured logger (Ringside's own fits): declared here so the simulator needs no app code. */
export interface SimLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  child(name: string): SimLogger;
}

/** The options a running sim can change with `configure()`. */
export type RuntimeOptions = Pick<
  ResolvedSimOptions,
  | 'urlKey'
  | 'serverList'
  | 'badCredentials'
  | 'expiryZone'
  | 'seedShapedEvents'
  | 'sendDialers'
  | 'speed'
>;

/** Partial runtime patch: no defaults, so unspecified options keep their current value. */
export const runtimeOptionsSchema = z
  .object({
    urlKey: z.enum(['Url', 'URL']),
    serverList: z.enum(['URLList', 'MonitorList']),
    badCredentials: z.union([z.literal(401), z.literal(500), z.literal('error-body')]),
    expiryZone: z.enum(['israel', 'utc']),
    seedShapedEvents: z.boolean(),
    sendDialers: z.boolean(),
    speed: z.number().positive(),
  })
  .partial();
