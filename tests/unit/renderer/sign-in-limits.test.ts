import { describe, expect, it } from 'vitest';
import { checkSignIn, type SignInFields } from '@renderer/lib/sign-in-form';
import { en } from '@renderer/lib/i18n/en';
import { he } from '@renderer/lib/i18n/he';
import { blank } from './sign-in-fields';
import { formatText } from '@shared/messages/translate';

/** The words the form shows for a refusal, put together as SignIn.svelte does with `t`. */
function shown(fields: Partial<SignInFields>, locale: 'en' | 'he' = 'en'): string {
  const words = locale === 'en' ? en : he;
  const check = checkSignIn({ ...blank, ...fields });
  if (check.ok) throw new Error('expected a refusal');
  const params = check.params ? { ...check.params, field: words[check.params.field] } : {};
  return formatText(locale, words[check.message], params);
}

describe('a value over the sign-in limits', () => {
  it('names the field and its limit, not "check the form"', () => {
    const check = checkSignIn({ ...blank, loginType: 'token', token: 't'.repeat(5_000) });
    expect(check).toMatchObject({ ok: false, field: 'token', message: 'signin.err.tooLong' });
    expect(shown({ loginType: 'token', token: 't'.repeat(5_000) })).toBe(
      '“Account token” is too long: at most 4096 characters.',
    );
    expect(shown({ email: 'agent@example.co.il', password: 'p'.repeat(600) })).toBe(
      '“Password” is too long: at most 512 characters.',
    );
    expect(shown({ loginType: 'account', username: 'u'.repeat(300), password: 'x' })).toBe(
      '“Account username” is too long: at most 254 characters.',
    );
  });

  it('says the same in Hebrew, with the field’s Hebrew label', () => {
    expect(shown({ loginType: 'token', token: 't'.repeat(5_000) }, 'he')).toBe(
      'הערך בשדה „טוקן חשבון” ארוך מדי: עד 4096 תווים.',
    );
  });
});
