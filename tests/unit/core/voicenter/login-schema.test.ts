import { describe, expect, it } from 'vitest';
import { parseExpiry, readLoginBody } from '../../../../electron/core/voicenter/login-schema';

const socket = {
  Token: 'sock-token',
  TokenExpiry: '2021-08-22T12:00:00',
  RefreshToken: 'refresh-token',
  RefreshTokenExpiry: '2021-09-22T12:00:00',
  PersonId: 123456,
  Url: 'https://monitor1.voicenter.co',
  URLList: ['https://monitor1.voicenter.co', 'https://monitor3.voicenter.co.il'],
  Client: 'https://loginapi.voicenter.co.il/monitorAPI/GetSocketClient?v=1.3.7',
  Version: '1.3.7',
};

describe('parseExpiry', () => {
  it('reads zone-less timestamps both ways: Israel wall clock (summer +3, winter +2) first, then UTC', () => {
    expect(parseExpiry('2021-08-22T12:00:00')).toEqual({
      earliest: Date.UTC(2021, 7, 22, 9, 0, 0),
      latest: Date.UTC(2021, 7, 22, 12, 0, 0),
    });
    expect(parseExpiry('2021-01-10T12:00:00')).toEqual({
      earliest: Date.UTC(2021, 0, 10, 10, 0, 0),
      latest: Date.UTC(2021, 0, 10, 12, 0, 0),
    });
    expect(parseExpiry('2021-01-10 12:00:00')).toEqual({
      earliest: Date.UTC(2021, 0, 10, 10, 0, 0),
      latest: Date.UTC(2021, 0, 10, 12, 0, 0),
    });
  });

  it('honours an explicit zone and numeric epochs: one reading', () => {
    const one = (ms: number) => ({ earliest: ms, latest: ms });
    expect(parseExpiry('2021-08-22T12:00:00Z')).toEqual(one(Date.UTC(2021, 7, 22, 12)));
    expect(parseExpiry('2021-08-22T12:00:00+03:00')).toEqual(one(Date.UTC(2021, 7, 22, 9)));
    expect(parseExpiry(1_629_633_600)).toEqual(one(1_629_633_600_000));
    expect(parseExpiry(1_629_633_600_000)).toEqual(one(1_629_633_600_000));
    expect(parseExpiry('1629633600')).toEqual(one(1_629_633_600_000));
  });

  it('is null for missing or unreadable values', () => {
    expect(parseExpiry(undefined)).toBeNull();
    expect(parseExpiry(null)).toBeNull();
    expect(parseExpiry('')).toBeNull();
    expect(parseExpiry('soon')).toBeNull();
    expect(parseExpiry(-5)).toBeNull();
  });
});

describe('readLoginBody', () => {
  it('reads the documented shape', () => {
    const verdict = readLoginBody({ StatusCode: 200, Status: 'OK', Data: { Socket: socket } });
    expect(verdict).toEqual({
      kind: 'session',
      session: {
        token: 'sock-token',
        tokenExpiry: { earliest: Date.UTC(2021, 7, 22, 9), latest: Date.UTC(2021, 7, 22, 12) },
        refreshToken: 'refresh-token',
        // The later reading: a refresh token that may have lapsed is still worth one try.
        refreshTokenExpiresAt: Date.UTC(2021, 8, 22, 12),
        personId: 123456,
        servers: ['https://monitor1.voicenter.co', 'https://monitor3.voicenter.co.il'],
      },
    });
  });

  it('accepts URL instead of Url and missing optional fields', () => {
    const verdict = readLoginBody({
      Data: { Socket: { Token: 't0k3n', URL: 'monitor9.voicenter.co' } },
    });
    expect(verdict).toEqual({
      kind: 'session',
      session: {
        token: 't0k3n',
        tokenExpiry: null,
        refreshToken: null,
        refreshTokenExpiresAt: null,
        personId: null,
        servers: ['https://monitor9.voicenter.co'],
      },
    });
  });

  it('orders MonitorList by priority and skips broken entries', () => {
    const { URLList: _drop, ...rest } = socket;
    const verdict = readLoginBody({
      Data: {
        Socket: {
          ...rest,
          MonitorList: [
            { URLID: 1, Priority: 0, Domain: 'monitor5.voicenter.co.il', Version: '1' },
            { URLID: 2, Priority: 5, Domain: 'monitor1.voicenter.co' },
            { URLID: 3, Priority: '4', Domain: 'monitor3.voicenter.co.il' },
            { URLID: 4, Priority: 9 },
            'garbage',
          ],
        },
      },
    });
    expect(verdict.kind === 'session' && verdict.session.servers).toEqual([
      'https://monitor1.voicenter.co',
      'https://monitor3.voicenter.co.il',
      'https://monitor5.voicenter.co.il',
    ]);
  });

  it('treats a body with error, or a 401 status inside, as rejected', () => {
    expect(readLoginBody({ error: 'Unauthorized' })).toEqual({ kind: 'rejected' });
    expect(readLoginBody({ StatusCode: 401, Status: 'Unauthorized' })).toEqual({
      kind: 'rejected',
    });
    expect(readLoginBody({ StatusCode: 503, Status: 'Down' })).toEqual({
      kind: 'server-status',
      status: 503,
    });
  });

  it('flags answers without a token or without servers', () => {
    expect(readLoginBody('nope').kind).toBe('unexpected');
    expect(readLoginBody({ Data: { Socket: { URLList: ['https://a.example'] } } }).kind).toBe(
      'unexpected',
    );
    expect(readLoginBody({ Data: { Socket: { Token: 'abc', URLList: [] } } }).kind).toBe(
      'unexpected',
    );
    // A refresh answer may leave the servers out.
    expect(readLoginBody({ Data: { Socket: { Token: 'abc' } } }, false).kind).toBe('session');
  });
});
