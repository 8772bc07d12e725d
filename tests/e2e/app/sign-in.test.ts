import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startVoicenterSim,
  DEMO_CREDENTIALS,
  type VoicenterSim,
} from '../../../electron/sim/voicenter';
import { saveScreenshot, skipReason, startApp, type RunningApp } from './harness';

// "Signing in to a real Voicenter account instead is one form away." The account here is a local
// Voicenter simulator on 127.0.0.1, given as the white-label login server: nothing leaves the machine.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e sign-in: ${reason}`);

describe.skipIf(reason !== null)('sign-in form', () => {
  let app: RunningApp;
  let sim: VoicenterSim;

  const form = () => app.page.getByTestId('signin-form');
  const error = () => app.page.getByTestId('signin-error');

  beforeAll(async () => {
    sim = await startVoicenterSim({ seed: 7, speed: 1 });
    app = await startApp();
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await app.page.getByRole('radio', { name: 'Voicenter account' }).click();
  });

  afterAll(async () => {
    await app?.stop();
    await sim?.stop();
  });

  it('refuses empty and malformed input with a plain message', async () => {
    await form().getByRole('button', { name: 'Sign in' }).click();
    expect(await error().textContent()).toBe('Enter your email address.');
    expect(await form().getByRole('textbox', { name: 'Email' }).getAttribute('aria-invalid')).toBe(
      'true',
    );

    await form().getByRole('textbox', { name: 'Email' }).fill('agent');
    await form().getByRole('button', { name: 'Sign in' }).click();
    expect(await error().textContent()).toBe('That email address does not look right.');

    await form().getByRole('textbox', { name: 'Email' }).fill('agent@example.co.il');
    await form().getByRole('button', { name: 'Sign in' }).click();
    expect(await error().textContent()).toBe('Enter your password.');

    await form().getByRole('radio', { name: 'Token' }).check();
    await form().getByRole('textbox', { name: 'Account token' }).fill('short');
    await form().getByRole('button', { name: 'Sign in' }).click();
    expect(await error().textContent()).toBe('That token is too short to be a Voicenter token.');

    await form().getByRole('button', { name: 'White-label login server' }).click();
    await form().getByRole('textbox', { name: 'Account token' }).fill('a-long-enough-token');
    const secureUrl =
      'The address must start with https:// so that passwords and tokens never cross the network in clear text.';
    await form()
      .getByRole('textbox', { name: 'Login server address (optional)' })
      .fill('not a web address');
    await form().getByRole('button', { name: 'Sign in' }).click();
    expect(await error().textContent()).toBe(secureUrl);
    await form()
      .getByRole('textbox', { name: 'Login server address (optional)' })
      .fill('http://login.reseller.example/monitorAPI/Login');
    await form().getByRole('button', { name: 'Sign in' }).click();
    expect(await error().textContent()).toBe(secureUrl);
    expect(await app.page.getByTestId('mode').textContent()).toBe('Demo');
  });

  it('shows the login server’s refusal in plain words and never echoes the password', async () => {
    await form().getByRole('radio', { name: 'Email' }).check();
    await form().getByRole('textbox', { name: 'Email' }).fill(DEMO_CREDENTIALS.user.email);
    await form().getByLabel('Password', { exact: true }).fill('wrong-pin-9876');
    await form()
      .getByRole('textbox', { name: 'Login server address (optional)' })
      .fill(sim.loginBaseUrl);
    await form().getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => error().textContent(), { timeout: 20_000 }).toMatch(/\w+/);
    const message = (await error().textContent()) ?? '';
    expect(message).not.toContain('wrong-pin-9876');
    expect(message).not.toMatch(/undefined|\{|Error:/);
    expect(await app.page.getByTestId('mode').textContent()).toBe('Demo');
  });

  it('signs in to the account, connects, and signs out again', async () => {
    await form().getByLabel('Password', { exact: true }).fill(DEMO_CREDENTIALS.user.pin);
    await form().getByRole('button', { name: 'Sign in' }).click();

    await expect
      .poll(() => app.page.getByTestId('mode').textContent(), { timeout: 20_000 })
      .toBe('Voicenter');
    expect(await app.page.getByTestId('signin-current').textContent()).toContain(
      DEMO_CREDENTIALS.user.email,
    );
    expect(await form().count()).toBe(0);
    expect(await error().count()).toBe(0);
    await expect
      .poll(() => app.page.getByTestId('connection-badge').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('connected');
    await saveScreenshot(app.page, 'signed-in-settings');

    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await expect
      .poll(() => app.page.getByTestId('mode').textContent(), { timeout: 10_000 })
      .toBe('Signed out');
    await app.page.getByRole('button', { name: 'Close' }).click();
    // Signed out, the window offers the form (and the demo) in place of the call card.
    expect(await app.page.locator('main').getByTestId('signin').count()).toBe(1);
    expect(await app.page.getByTestId('call-card').count()).toBe(0);
  });
});
