/**
 * Types the Voicenter realtime client is built from. The socket types are the small part of
 * socket.io-client 2.5.0 the client uses, so tests and callers pass the real `io` without casts.
 */
import type { LoginType } from '../../../shared/domain/connection';
import type { ParseResult } from '../../../shared/voicenter/parse';

export const DEFAULT_LOGIN_BASE_URL = 'https://loginapi.voicenter.co.il/monitorAPI/Login';

/** What the agent signed in with. `identity` is the email (user), username (account) or '' (token). */
export interface VoicenterCredentials {
  loginType: LoginType;
  identity: string;
  /** Password / pin / account token. Never logged, never part of an error. */
  secret: string;
  /** White-label resellers run the login API on their own domains; defaults to Voicenter's. */
  loginBaseUrl?: string;
}

/**
 * An expiry as the server wrote it, in UTC ms. A time without a zone ("2021-08-22T12:00:00") has
 * two readings, Israel wall clock (`earliest`) and UTC (`latest`), because no public sample says
 * which the login service writes; any other form has one, and then the two are equal.
 */
export interface ExpiryReadings {
  earliest: number;
  latest: number;
}

/** A signed-in socket session, as the login or refresh endpoint answered it. */
export interface VoicenterSession {
  token: string;
  /** Null when the server did not say. Which reading holds is decided when the token arrives. */
  tokenExpiry: ExpiryReadings | null;
  refreshToken: string | null;
  /** UTC ms, the later reading: trying a refresh token that may have lapsed costs one request. */
  refreshTokenExpiresAt: number | null;
  personId: number | null;
  /** Socket server origins, main first, then backups by preference. Never empty after a login. */
  servers: string[];
}

export interface Timings {
  /** Send an app-level `keepalive` after this long without any event. */
  keepaliveIdleMs: number;
  /** After a keepalive, declare the link dead when nothing at all arrives for this long. */
  deadAfterKeepaliveMs: number;
  /** Socket handshake (engine + namespace) must finish within this. */
  connectTimeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** While on a backup server, try the main one again after this long. */
  returnToMainAfterMs: number;
  /** Refresh the socket token this long before it expires. */
  refreshBeforeExpiryMs: number;
  /** HTTP login / refresh request timeout. */
  httpTimeoutMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  keepaliveIdleMs: 60_000,
  deadAfterKeepaliveMs: 120_000,
  connectTimeoutMs: 10_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 60_000,
  returnToMainAfterMs: 360_000,
  refreshBeforeExpiryMs: 5_000,
  httpTimeoutMs: 15_000,
};

/** Validates and normalises one server event (helper A's `createEventParser()` fits). */
export interface EventParser {
  parse(eventName: string, payload: unknown): ParseResult;
}

/** The subset of a socket.io-client 2.x socket the client touches. */
export interface RealtimeSocket {
  connected: boolean;
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  removeAllListeners(): unknown;
  close(): unknown;
}

export interface RealtimeSocketOptions {
  query: Record<string, string>;
  transports: string[];
  upgrade: boolean;
  reconnection: boolean;
  forceNew: boolean;
  timeout: number;
}

/** socket.io-client 2.5.0's default export (`import io from 'socket.io-client'`). */
export type SocketFactory = (uri: string, opts: RealtimeSocketOptions) => RealtimeSocket;
