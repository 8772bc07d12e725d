import type { RequestContext, Route, SimContext } from '../context';
import { isRecord } from '../context';
import type { Reply } from '../responses';
import { UNAUTHORIZED_LOGIN, loginFailed, ok } from '../responses';
import type { SimUser } from '../store';
import { verifyTotp } from '../totp';

// POST /api/v1/login and /api/v1/logout, following api.ts's loginCompatibility() and the 2FA
// onValidateLogin hook (app/2fa/server/loginHandler.ts).

const LOGIN_KEYS = new Set(['user', 'username', 'email', 'password', 'code']);

function userInfo(sim: SimContext, user: SimUser): Record<string, unknown> {
  return {
    _id: user._id,
    username: user.username,
    emails: [{ address: user.email, verified: true }],
    status: 'online',
    statusConnection: 'online',
    utcOffset: 0,
    active: true,
    name: user.name,
    roles: [...user.roles],
    settings: { preferences: {} },
    email: user.email,
    avatarUrl: `${sim.baseUrl()}/avatar/${encodeURIComponent(user.username)}`,
  };
}

function loggedIn(sim: SimContext, user: SimUser, authToken: string): Reply {
  const body: Record<string, unknown> = {
    status: 'success',
    data: { userId: user._id, authToken, me: userInfo(sim, user) },
  };
  if (sim.loginSuccessFlag) body.success = true;
  return { status: 200, body };
}

function findLoginUser(sim: SimContext, body: Record<string, unknown>): SimUser | undefined {
  const { user, username, email } = body;
  if (typeof user === 'string') return sim.store.findUserByLogin(user);
  if (typeof username === 'string' && username) return sim.store.findUserByUsername(username);
  if (typeof email === 'string' && email.includes('@')) return sim.store.findUserByLogin(email);
  return undefined;
}

function twoFactorDetails(): Record<string, unknown> {
  return { method: 'totp', availableMethods: ['totp'] };
}

function login(sim: SimContext, req: RequestContext): Reply {
  const body = isRecord(req.body) ? req.body : {};
  const denied = loginFailed(sim.dialect, UNAUTHORIZED_LOGIN);

  if (body.password === undefined || body.password === null) {
    // Raw Meteor login arguments: only a resume token is simulated.
    const resume = body.resume;
    if (typeof resume !== 'string') return denied;
    const record = sim.store.tokens.get(resume);
    const user = record ? sim.store.users.get(record.userId) : undefined;
    // A resume login skips 2FA and hands back the same token.
    return user ? loggedIn(sim, user, resume) : denied;
  }
  if (Object.keys(body).some((key) => !LOGIN_KEYS.has(key))) return denied;

  const user = findLoginUser(sim, body);
  if (!user || typeof body.password !== 'string' || body.password !== user.password) return denied;

  if (user.totpSecret) {
    const header = req.headers['x-2fa-code'];
    const code =
      typeof body.code === 'string' && body.code
        ? body.code
        : typeof header === 'string'
          ? header
          : '';
    if (!code) {
      return loginFailed(sim.dialect, {
        error: 'totp-required',
        message: 'TOTP Required',
        details: twoFactorDetails(),
      });
    }
    if (!verifyTotp(user.totpSecret, code, sim.now())) {
      return loginFailed(sim.dialect, {
        error: 'totp-invalid',
        message: 'TOTP Invalid',
        details: twoFactorDetails(),
      });
    }
  }
  return loggedIn(sim, user, sim.store.issueToken(user._id, 'login'));
}

function logout(sim: SimContext, req: RequestContext): Reply {
  if (req.token) sim.store.tokens.delete(req.token);
  // Returned raw by the route, so no `success` key.
  return { status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } };
}

/** GET /api/v1/me: the signed-in user (how a personal access token is checked). */
function me(sim: SimContext, req: RequestContext): Reply {
  return req.user ? ok(userInfo(sim, req.user)) : loginFailed(sim.dialect, UNAUTHORIZED_LOGIN);
}

export const authRoutes: readonly Route[] = [
  { method: 'GET', path: 'me', auth: true, rateLimit: 'default', voip: false, handler: me },
  { method: 'POST', path: 'login', auth: false, rateLimit: 'default', voip: false, handler: login },
  {
    method: 'POST',
    path: 'logout',
    auth: true,
    rateLimit: 'default',
    voip: false,
    handler: logout,
  },
  { method: 'GET', path: 'logout', auth: true, rateLimit: 'default', voip: false, handler: logout },
];

/** GET /api/info (API.default: no auth, no rate limiter). */
export function serverInfo(sim: SimContext, user: SimUser | undefined): Reply {
  if (user && sim.store.hasPermission(user, 'get-server-info'))
    return ok({ info: { version: sim.version } });
  return ok({ version: sim.version });
}
