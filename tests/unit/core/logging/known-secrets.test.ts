import { describe, expect, it } from 'vitest';
import { describeError, redactString, scrubSecrets } from '../../../../electron/core/infra/redact';

describe('redactString with the known secrets', () => {
  it('removes known secrets, token query parameters and bearer values', () => {
    const text =
      'GET http://h/socket.io/?token=abc.def&EIO=3 pin=hunter22 Authorization: Bearer r3fr3sh';
    const out = redactString(text, ['hunter22', null, undefined, '']);
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

describe('scrubSecrets', () => {
  it.each([
    ['pin 1234 and 12345', ['1234'], 'pin [redacted] and [redacted]5'],
    ['short 123 stays', ['123', '', null, undefined], 'short 123 stays'],
    ['a-long-token twice a-long-token', ['a-long-token'], '[redacted] twice [redacted]'],
    ['nothing known', [], 'nothing known'],
  ])('%j', (text, secrets, expected) => {
    expect(scrubSecrets(text, secrets)).toBe(expected);
  });

  it('scrubs a known secret before a long text is clipped, so no half of it is left', () => {
    const secret = 'abcdefgh-secret';
    const text = `${'x'.repeat(7_995)}${secret}`;
    expect(redactString(text, [secret])).not.toContain('abcde');
  });
});
