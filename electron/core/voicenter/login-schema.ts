/**
 * The login / refresh answer. No real sample is public; the shape is rebuilt from the SDKs, so the
 * schema is lenient: `Url` or `URL`, optional fields may be missing, `Data.Socket` or `Data` alone.
 */
import { z } from 'zod';
import { israelWallClockToUtcMs } from './israel-time';
import { orderServers } from './server-list';
import type { ExpiryReadings, VoicenterSession } from './types';

const looseString = z.string().trim().min(1);
const expiry = z.union([z.string(), z.number()]).nullish();

const monitorSchema = z.object({
  URLID: z.unknown().optional(),
  Priority: z.coerce.number().catch(0).optional(),
  Domain: looseString,
  Version: z.unknown().optional(),
});

const socketSchema = z.object({
  Token: looseString,
  TokenExpiry: expiry,
  RefreshToken: z.string().nullish(),
  RefreshTokenExpiry: expiry,
  PersonId: z.coerce.number().nullish().catch(null),
  Url: z.string().nullish(),
  URL: z.string().nullish(),
  // An entry of the wrong shape drops that entry, not the whole login.
  URLList: z.array(z.unknown()).nullish(),
  MonitorList: z.array(z.unknown()).nullish(),
});

const bodySchema = z.object({
  error: z.unknown().optional(),
  StatusCode: z.coerce.number().optional().catch(undefined),
  Data: z.unknown().optional(),
});

const exactly = (ms: number): ExpiryReadings => ({ earliest: ms, latest: ms });

/**
 * An expiry's readings. ISO strings with a zone are exact, and numbers are epoch seconds or
 * milliseconds. The SDK samples carry no zone ("2021-08-22T12:00:00"): the rest of that Israeli
 * stack writes Israel wall-clock time, but nothing public shows the login service does too, so
 * such a time is read both ways (Israel is ahead of UTC, so its reading is the earlier one).
 */
export function parseExpiry(value: string | number | null | undefined): ExpiryReadings | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    return exactly(value < 1e12 ? value * 1000 : value);
  }
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return parseExpiry(Number(text));
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const isoLike = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text);
  if (isoLike && !hasZone) {
    const wall = Date.parse(`${text.replace(' ', 'T')}Z`);
    return Number.isFinite(wall) ? { earliest: israelWallClockToUtcMs(wall), latest: wall } : null;
  }
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? exactly(ms) : null;
}

export type BodyVerdict =
  | { kind: 'session'; session: VoicenterSession }
  | { kind: 'rejected' }
  | { kind: 'server-status'; status: number }
  | { kind: 'unexpected'; why: string };

/**
 * Classifies a 2xx JSON body. A refresh answer may leave the server list out (`requireServers`
 * false): the client then keeps the list it has.
 */
export function readLoginBody(json: unknown, requireServers = true): BodyVerdict {
  const body = bodySchema.safeParse(json);
  if (!body.success) return { kind: 'unexpected', why: 'not an object' };
  if (body.data.error !== undefined && body.data.error !== null && body.data.error !== '') {
    return { kind: 'rejected' };
  }
  const status = body.data.StatusCode;
  if (status !== undefined && (status === 401 || status === 403)) return { kind: 'rejected' };
  if (status !== undefined && status >= 400) return { kind: 'server-status', status };
  const data = body.data.Data;
  const socketCandidate =
    typeof data === 'object' && data !== null && 'Socket' in data ? data.Socket : data;
  const socket = socketSchema.safeParse(socketCandidate);
  if (!socket.success) return { kind: 'unexpected', why: 'no socket token in the answer' };
  const s = socket.data;
  const urlList = (s.URLList ?? []).filter((entry): entry is string => typeof entry === 'string');
  const monitorList = (s.MonitorList ?? []).flatMap((entry) => {
    const parsed = monitorSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const servers = orderServers({ url: s.Url ?? s.URL ?? undefined, urlList, monitorList });
  if (requireServers && servers.length === 0)
    return { kind: 'unexpected', why: 'no socket server in the answer' };
  const refreshToken = s.RefreshToken?.trim() ? s.RefreshToken.trim() : null;
  return {
    kind: 'session',
    session: {
      token: s.Token,
      tokenExpiry: parseExpiry(s.TokenExpiry),
      refreshToken,
      refreshTokenExpiresAt: parseExpiry(s.RefreshTokenExpiry)?.latest ?? null,
      personId: s.PersonId ?? null,
      servers,
    },
  };
}
