import type { IncomingHttpHeaders } from 'node:http';
import type { ValidateFunction } from 'ajv';

import type { Dialect, ParsedVersion, Reply } from './responses';
import type { SimUser, Store } from './store';

/** Server-wide state and settings the route handlers read. */
export interface SimContext {
  readonly store: Store;
  readonly version: string;
  readonly parsedVersion: ParsedVersion;
  readonly dialect: Dialect;
  readonly loginSuccessFlag: boolean;
  readonly edition: 'enterprise' | 'community';
  readonly eventsNoAccessStatus: 401 | 403;
  readonly now: () => number;
  readonly baseUrl: () => string;
}

/** One request as the handlers see it (Rocket.Chat's `this` inside an endpoint). */
export interface RequestContext {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly ip: string;
  readonly query: Record<string, string | string[]>;
  readonly body: unknown;
  readonly user?: SimUser;
  readonly token?: string;
}

export type RateRuleName = 'default' | 'voip/room' | 'livechat/visitor';

export interface Route {
  readonly method: 'GET' | 'POST';
  /** Path under /api/v1, e.g. "voip/room". */
  readonly path: string;
  readonly auth: boolean;
  /** null: no limiter (like routes outside API.v1). */
  readonly rateLimit: RateRuleName | null;
  /** ajv-validated routes (validateParams, `schemas.ts`); GET validates the query, POST the body. */
  readonly validate?: ValidateFunction;
  readonly permission?: string;
  /** Omnichannel VoIP route: removed in 8.x. */
  readonly voip: boolean;
  readonly handler: (sim: SimContext, req: RequestContext) => Reply;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
