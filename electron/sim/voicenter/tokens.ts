/** Socket tokens and refresh tokens the login API hands out, with lifetimes and revocation. */
import { randomBytes } from 'node:crypto';
import { formatIsraelWallClock } from './israel-time';

export type LoginType = 'user' | 'account' | 'token';

/** Who a token speaks for: decides the login scope on the socket. */
export interface LoginIdentity {
  loginType: LoginType;
  /** The user's extension, for user logins. */
  extension?: number;
  personId: number;
}

export interface TokenGrant {
  identity: LoginIdentity;
  token: string;
  tokenExpiresMs: number;
  refreshToken: string;
  refreshTokenExpiresMs: number;
}

interface Entry {
  identity: LoginIdentity;
  expiresMs: number;
  revoked: boolean;
}

/**
 * How `TokenExpiry` and `RefreshTokenExpiry` are written. Both zone-less ("2021-08-22T12:00:00",
 * spec §1.1); nothing public says whether the login service means Israel wall-clock time (like
 * the rest of that stack, the default) or UTC, so a client is tested against both.
 */
export type ExpiryZone = 'israel' | 'utc';

export function formatExpiry(utcMs: number, zone: ExpiryZone): string {
  if (zone === 'israel') return formatIsraelWallClock(utcMs);
  return new Date(Math.floor(utcMs / 1000) * 1000).toISOString().slice(0, 19);
}

export interface TokenLifetimes {
  tokenTtlMs: number;
  refreshTokenTtlMs: number;
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export class TokenStore {
  private readonly tokens = new Map<string, Entry>();
  private readonly refreshTokens = new Map<string, Entry>();
  private latest: TokenGrant | null = null;

  constructor(
    private readonly lifetimes: TokenLifetimes,
    private readonly now: () => number,
  ) {}

  /** A fresh socket token and a fresh refresh token (a login). */
  issue(identity: LoginIdentity): TokenGrant {
    const refreshToken = newToken();
    const refreshTokenExpiresMs = this.now() + this.lifetimes.refreshTokenTtlMs;
    this.refreshTokens.set(refreshToken, {
      identity,
      expiresMs: refreshTokenExpiresMs,
      revoked: false,
    });
    return this.grant(identity, refreshToken, refreshTokenExpiresMs);
  }

  /** A new socket token for a valid refresh token; the refresh token itself is kept (not rotated). */
  refresh(refreshToken: string): TokenGrant | null {
    const entry = this.valid(this.refreshTokens, refreshToken);
    if (!entry) return null;
    return this.grant(entry.identity, refreshToken, entry.expiresMs);
  }

  /** The identity behind a socket token, or null when unknown, expired or revoked. */
  validate(token: string): LoginIdentity | null {
    return this.valid(this.tokens, token)?.identity ?? null;
  }

  expiresAt(token: string): number | null {
    return this.tokens.get(token)?.expiresMs ?? null;
  }

  /** Every socket token issued so far stops working; optionally every refresh token too. */
  expireAll(options: { refreshTokens?: boolean } = {}): void {
    for (const entry of this.tokens.values()) entry.revoked = true;
    if (options.refreshTokens)
      for (const entry of this.refreshTokens.values()) entry.revoked = true;
  }

  /** The most recent grant (login or refresh), for tests that need the token or its expiry. */
  lastGrant(): TokenGrant | null {
    return this.latest;
  }

  private grant(
    identity: LoginIdentity,
    refreshToken: string,
    refreshTokenExpiresMs: number,
  ): TokenGrant {
    const token = newToken();
    const tokenExpiresMs = this.now() + this.lifetimes.tokenTtlMs;
    this.tokens.set(token, { identity, expiresMs: tokenExpiresMs, revoked: false });
    this.latest = { identity, token, tokenExpiresMs, refreshToken, refreshTokenExpiresMs };
    return this.latest;
  }

  private valid(map: Map<string, Entry>, token: string): Entry | null {
    const entry = map.get(token);
    if (!entry || entry.revoked || entry.expiresMs <= this.now()) return null;
    return entry;
  }
}
