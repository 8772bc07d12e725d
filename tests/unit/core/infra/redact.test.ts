import { describe, expect, it } from 'vitest';
import { redact, redactString, REDACTED } from '../../../../electron/core/infra/redact';

describe('redactString', () => {
  it.each([
    ['Authorization: Bearer abc.def-ghi_123', `Authorization: Bearer ${REDACTED}`],
    ['auth basic dXNlcjpwYXNz== sent', `auth basic ${REDACTED} sent`],
    ['wss://h/socket.io/?token=s3cr3t&EIO=3', `wss://h/socket.io/?token=${REDACTED}&EIO=3`],
    [
      'GET /x?api_key=k1&apikey=k2&api-key=k3',
      `GET /x?api_key=${REDACTED}&apikey=${REDACTED}&api-key=${REDACTED}`,
    ],
    ['body {"pin":"1234","email":"a@b.c"}', `body {"pin":"${REDACTED}","email":"a@b.c"}`],
    [
      '{"RefreshToken": "r-tok", "Token":123456}',
      `{"RefreshToken": "${REDACTED}", "Token":"${REDACTED}"}`,
    ],
    ['nothing to hide here', 'nothing to hide here'],
  ])('%s', (input, expected) => {
    expect(redactString(input)).toBe(expected);
  });
});

describe('redact', () => {
  it('replaces values under secret-looking keys at any depth, in arrays too', () => {
    const input = {
      loginType: 'user',
      email: 'agent@example.com',
      pin: '1234',
      password: 5678,
      hasSecret: true,
      refreshToken: null,
      list: [{ authToken: 'x' }, [{ 'X-Auth-Token': 'y', cookie: 'z' }], 'Bearer qqqqqqqq'],
    };
    expect(redact(input)).toEqual({
      loginType: 'user',
      email: 'agent@example.com',
      pin: REDACTED,
      password: REDACTED,
      hasSecret: true,
      refreshToken: null,
      list: [
        { authToken: REDACTED },
        [{ 'X-Auth-Token': REDACTED, cookie: REDACTED }],
        `Bearer ${REDACTED}`,
      ],
    });
  });

  it('handles cycles, Maps, Sets, Dates, binary and does not touch the input', () => {
    const node: Record<string, unknown> = { name: 'a' };
    node.self = node;
    const input = {
      node,
      map: new Map([['secret', 'x']]),
      set: new Set(['Bearer tttttttt']),
      at: new Date(0),
      bytes: new Uint8Array(3),
    };
    expect(redact(input)).toEqual({
      node: { name: 'a', self: '[Circular]' },
      map: { secret: REDACTED },
      set: [`Bearer ${REDACTED}`],
      at: '1970-01-01T00:00:00.000Z',
      bytes: '[Binary 3 bytes]',
    });
    expect(input.map.get('secret')).toBe('x');
  });

  it('scrubs own fields of errors (a request config with headers)', () => {
    const error = Object.assign(new Error('HTTP 401'), {
      status: 401,
      config: { headers: { Authorization: 'Basic Zm9vOmJhcg==' } },
    });
    expect(redact(error)).toMatchObject({
      type: 'Error',
      message: 'HTTP 401',
      status: 401,
      config: { headers: { Authorization: REDACTED } },
    });
  });
});
