import { describe, expect, it } from 'vitest';
import { describeError, redact } from '../../../../electron/core/voicenter/redact';

describe('redact', () => {
  it('removes known secrets, token query parameters and bearer values', () => {
    const text =
      'GET http://h/socket.io/?token=abc.def&EIO=3 pin=hunter22 Authorization: Bearer r3fr3sh';
    const out = redact(text, ['hunter22', null, undefined, '']);
    expect(out).not.toContain('abc.def');
    expect(out).not.toContain('hunter22');
    expect(out).not.toContain('r3fr3sh');
    expect(out).toContain('EIO=3');
  });

  it('describes errors, strings and objects without the secret, even when cut short', () => {
    const secret = 's3cret-value';
    expect(describeError(new Error(`bad ${secret}`), [secret])).toBe('bad [redacted]');
    expect(describeError({ message: secret }, [secret])).toBe('{"message":"[redacted]"}');
    const long = `${'x'.repeat(295)}${secret}`;
    expect(describeError(long, [secret])).not.toContain('s3cr');
  });
});
