import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import SignIn from '@renderer/components/SignIn.svelte';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { makeSnapshot } from './support/snapshot';

const signedOut = () => makeSnapshot({ mode: 'signed-out' });
const submit = () => page.getByRole('button', { name: 'Sign in' });

describe('SignIn', () => {
  it('refuses an empty form in words, focuses the field, and asks main nothing', async () => {
    render(SignIn, { snapshot: signedOut() });
    await submit().click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('Enter your email address.');
    await expect.element(page.getByRole('textbox', { name: 'Email' })).toHaveFocus();
    expect(main.calls).toEqual([]);
  });

  it('signs in with email and password, then forgets the password', async () => {
    render(SignIn, { snapshot: signedOut() });
    await page.getByRole('textbox', { name: 'Email' }).fill('agent@example.com');
    await page.getByLabelText('Password').fill('correct horse');
    await submit().click();
    expect(main.callsTo('signInVoicenter')).toEqual([
      [
        expect.objectContaining({
          loginType: 'user',
          email: 'agent@example.com',
          password: 'correct horse',
        }),
      ],
    ]);
    await expect.element(page.getByLabelText('Password')).toHaveValue('');
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the login server’s refusal and keeps what was typed', async () => {
    main.refuse('signInVoicenter', 'Voicenter refused the email or password.', 'auth');
    render(SignIn, { snapshot: signedOut() });
    await page.getByRole('textbox', { name: 'Email' }).fill('agent@example.com');
    await page.getByLabelText('Password').fill('wrong');
    await submit().click();
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Voicenter refused the email or password.');
    await expect.element(page.getByLabelText('Password')).toHaveValue('wrong');
  });

  it('signs in with an account token', async () => {
    render(SignIn, { snapshot: signedOut() });
    await page.getByRole('radio', { name: 'Token' }).click();
    await page.getByLabelText('Account token').fill('tok_0123456789abcdef0123456789');
    await submit().click();
    expect(main.callsTo('signInVoicenter')).toEqual([
      [expect.objectContaining({ loginType: 'token', token: 'tok_0123456789abcdef0123456789' })],
    ]);
  });

  it('starts the demo', async () => {
    render(SignIn, { snapshot: signedOut() });
    await page.getByRole('radio', { name: 'Demo' }).click();
    await page.getByRole('button', { name: 'Start the demo' }).click();
    expect(main.callsTo('useDemo')).toEqual([[]]);
  });

  it('says who is signed in, and signs out', async () => {
    const snapshot = makeSnapshot({ mode: 'account' });
    snapshot.settings.voicenter.identity = 'agent@example.com';
    render(SignIn, { snapshot });
    await expect.element(page.getByText('Signed in as agent@example.com')).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(main.callsTo('signOut')).toEqual([[]]);
  });

  it('shows a refused sign-out in words', async () => {
    main.refuse('signOut', 'Ringside could not sign out: the settings file is read-only.');
    render(SignIn, { snapshot: makeSnapshot({ mode: 'account' }) });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Ringside could not sign out: the settings file is read-only.');
  });
});
