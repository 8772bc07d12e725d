import { describe, expect, it } from 'vitest';
import {
  describeError,
  errorCodeOf,
  rateLimitResetAt,
} from '../../../../../electron/core/integrations/rocketchat/errors';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('errorCodeOf', () => {
  it.each([
    [401, { status: 'error', message: 'You must be logged in to do this.' }, 'not-logged-in'],
    [401, { success: false, error: 'You must be logged in to do this.' }, 'not-logged-in'],
    [401, { success: false, error: 'unauthorized' }, 'unauthorized'],
    [403, { success: false, error: 'unauthorized' }, 'unauthorized'],
    [401, { status: 'error', error: 'totp-required', message: 'TOTP Required' }, 'totp-required'],
    [
      401,
      { status: 'error', error: 'Unauthorized', message: 'Unauthorized' },
      'unauthorized-login',
    ],
    [
      403,
      {
        success: false,
        error: 'User does not have the permissions required for this action [error-unauthorized]',
      },
      'error-unauthorized',
    ],
    [
      400,
      {
        success: false,
        error: "must have required property 'rid' [invalid-params]",
        errorType: 'invalid-params',
      },
      'invalid-params',
    ],
    [400, { success: false, error: "Match error: Missing key 'event'" }, 'match-error'],
    [400, { success: false, error: 'agent-not-found' }, 'agent-not-found'],
    [400, { success: false, error: 'room-closed' }, 'room-closed'],
    [404, { success: false, error: 'Resource not found' }, 'not-found'],
    [
      429,
      {
        success: false,
        error:
          'Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]',
      },
      'error-too-many-requests',
    ],
    [502, '<html>Bad Gateway</html>', 'http-502'],
  ])('%i %j -> %s', (status, body, code) => {
    expect(errorCodeOf(status, body)).toBe(code);
  });
});

describe('describeError', () => {
  const base = { kind: 'http' as const, serverText: '', retryAt: null };
  it('names the permission a route needs', () => {
    expect(
      describeError(
        { ...base, status: 403, code: 'error-unauthorized', route: 'voip/events' },
        'https://chat.example.com',
        NOW,
      ),
    ).toContain('"view-l-room"');
    expect(
      describeError(
        { ...base, status: 403, code: 'error-unauthorized', route: 'voip/room.close' },
        'https://chat.example.com',
        NOW,
      ),
    ).toContain('"inbound-voip-calls"');
  });
  it('says when a rate-limited action goes again', () => {
    expect(
      describeError(
        {
          ...base,
          status: 429,
          code: 'error-too-many-requests',
          route: 'voip/room',
          retryAt: NOW + 41_200,
        },
        'https://chat.example.com',
        NOW,
      ),
    ).toBe(
      'Rocket.Chat asked Ringside to slow down (rate limit on voip/room). Ringside will send it again in 42 s.',
    );
  });
  it('words network trouble with the host only', () => {
    expect(
      describeError(
        {
          ...base,
          kind: 'network',
          status: null,
          code: 'network',
          route: 'voip/events',
          serverText: 'ECONNREFUSED',
        },
        'https://chat.example.com/rc',
        NOW,
      ),
    ).toBe('Ringside cannot reach Rocket.Chat at chat.example.com (ECONNREFUSED).');
  });
});

describe('rateLimitResetAt', () => {
  it('measures X-RateLimit-Reset against the server clock, never early', () => {
    // The server's clock runs 10 minutes ahead of ours.
    const serverNow = NOW + 600_000;
    const headers = new Headers({
      'x-ratelimit-reset': String(serverNow + 30_000),
      date: new Date(serverNow).toUTCString(),
    });
    const at = rateLimitResetAt(headers, null, NOW) ?? 0;
    expect(at - NOW).toBeGreaterThanOrEqual(30_000);
    expect(at - NOW).toBeLessThan(31_100);
  });
  it('falls back to the body and caps absurd waits', () => {
    const body = {
      error:
        'Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]',
    };
    expect((rateLimitResetAt(new Headers(), body, NOW) ?? 0) - NOW).toBeGreaterThanOrEqual(42_000);
    const far = new Headers({ 'x-ratelimit-reset': String(NOW + 86_400_000) });
    expect((rateLimitResetAt(far, null, NOW) ?? 0) - NOW).toBeLessThanOrEqual(10 * 60_000 + 100);
    expect(rateLimitResetAt(new Headers(), { error: 'nope' }, NOW)).toBeNull();
  });
});
