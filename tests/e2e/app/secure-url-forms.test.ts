import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason, startApp, type RunningApp } from './harness';

// The Rocket.Chat and SignalWire forms say why a plain-http address is refused, in the agent's
// language, before the password or token leaves the window. (The Voicenter sign-in form is in
// sign-in.test.ts.) Signed out, so the demo's own Rocket.Chat sign-in does not hide the form.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e secure-URL forms: ${reason}`);

const ENGLISH =
  'The address must start with https:// so that passwords and tokens never cross the network in clear text.';

describe.skipIf(reason !== null)('forms refuse plain-http servers with the one message', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      config: { version: 1, app: { mode: 'signed-out' }, demo: { enabled: true } },
    });
    await app.page.getByRole('button', { name: 'Settings' }).click();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('Rocket.Chat sign-in', async () => {
    const form = app.page.getByTestId('rocketchat-sign-in');
    await form.getByRole('textbox', { name: 'Server address' }).fill('http://chat.example:80');
    await form.getByRole('textbox', { name: 'Username or email' }).fill('agent');
    await form.getByLabel('Password', { exact: true }).fill('pw-Rc55!');
    await form.getByRole('button', { name: 'Sign in' }).click();
    expect(await app.page.getByTestId('rc-error').textContent()).toBe(ENGLISH);
  });

  it('SignalWire relay URL, and the same words in Hebrew', async () => {
    await app.page
      .getByRole('textbox', { name: 'Relay URL' })
      .fill('http://voice.example.org/signalwire');
    await app.page.getByTestId('sw-settings-save').click();
    const message = app.page.getByTestId('sw-settings-message');
    expect((await message.textContent())?.trim()).toBe(ENGLISH);

    await app.page.getByTestId('language-select').selectOption('he');
    await app.page.getByTestId('sw-settings-save').click();
    expect((await message.textContent())?.trim()).toMatch(/^הכתובת חייבת להתחיל ב-https:\/\//);
    await app.page.getByTestId('language-select').selectOption('en');
  });
});
