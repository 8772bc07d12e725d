import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

import type { RateRuleName, RequestContext, Route, SimContext } from './context';
import type { RateLimiter, RateRule } from './rate-limiter';
import type { Reply } from './responses';
import { invalidParams, notLoggedIn, permissionDenied, tooManyRequests } from './responses';
import { ajvMessages } from './schemas';
import type { SimUser } from './store';

// The per-route pipeline of api.ts, in the server's order:
// auth (401) -> rate limit (429) -> ajv validateParams (400) -> permissionsRequired (403) -> handler.
// Routes that validate with Meteor check() do it inside the handler, so after the permission check.

export interface LimiterSettings {
  readonly limiter: RateLimiter;
  readonly rules: Readonly<Record<RateRuleName, RateRule>>;
  enforce: boolean;
}

export function authenticate(
  sim: SimContext,
  headers: IncomingHttpHeaders,
): { user: SimUser; token: string } | undefined {
  const userId = headers['x-user-id'];
  const token = headers['x-auth-token'];
  if (typeof userId !== 'string' || typeof token !== 'string' || !userId || !token)
    return undefined;
  const record = sim.store.tokens.get(token);
  if (!record || record.userId !== userId) return undefined;
  const user = sim.store.users.get(userId);
  return user ? { user, token } : undefined;
}

export function runRoute(
  sim: SimContext,
  limits: LimiterSettings,
  route: Route,
  base: Omit<RequestContext, 'user' | 'token'>,
  res: ServerResponse,
): Reply {
  let req: RequestContext = base;
  if (route.auth) {
    const session = authenticate(sim, base.headers);
    if (!session) return notLoggedIn(sim.dialect);
    req = { ...base, user: session.user, token: session.token };
  }

  const bypass =
    req.user !== undefined && sim.store.hasPermission(req.user, 'api-bypass-rate-limit');
  if (route.rateLimit && limits.enforce && !bypass) {
    const rule = limits.rules[route.rateLimit];
    const verdict = limits.limiter.hit(
      `/api/v1/${route.path}${route.method.toLowerCase()}`,
      req.ip,
      rule,
    );
    res.setHeader('X-RateLimit-Limit', String(verdict.limit));
    res.setHeader('X-RateLimit-Remaining', String(verdict.remaining));
    res.setHeader('X-RateLimit-Reset', String(sim.now() + verdict.timeToResetMs));
    if (!verdict.allowed) return tooManyRequests(Math.ceil(verdict.timeToResetMs / 1000));
  }

  if (route.validate && !route.validate(route.method === 'GET' ? req.query : req.body)) {
    return invalidParams(ajvMessages(route.validate));
  }

  if (route.permission && !(req.user && sim.store.hasPermission(req.user, route.permission))) {
    return permissionDenied(sim.dialect);
  }

  return route.handler(sim, req);
}
