import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig, skipReason, startApp, type RunningApp } from './harness';

// What the agent sees when the host meets bad input: a configuration file with a wrong field
// (the host starts and the window names the field), and a value far too long for the IPC socket
// (the window says so, the host keeps running, and the page stays linked).
const reason = skipReason();
if (reason) console.warn(`[skip] e2e hostile input: ${reason}`);

describe.skipIf(reason !== null)('the window when the host meets bad input', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      config: { ...demoConfig, notifications: { enabled: true, focusWindowOnRing: 'often' } },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('starts despite a wrong configuration file and names the wrong field', async () => {
    const notice = app.page.getByTestId('notice').filter({ hasText: 'configuration file' });
    await expect.poll(() => notice.count(), { timeout: 20_000 }).toBe(1);
    expect(await notice.textContent()).toContain('"notifications.focusWindowOnRing"');
  });

  it('says a value is too long, and keeps working, for 300 KB and for 2 MB', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const form = page.getByTestId('sw-settings');
    await form
      .getByRole('textbox', { name: 'Relay URL' })
      .fill('https://relay.example.org/signalwire');
    const message = page.getByTestId('sw-settings-message');

    await form.getByLabel('Relay token (optional)').fill('r'.repeat(300_000));
    await page.getByTestId('sw-settings-save').click();
    await expect
      .poll(() => message.textContent(), { timeout: 15_000 })
      .toContain('The relay token is too long for Ringside to accept');
    expect(await message.getAttribute('class')).toContain('bad');

    await form.getByLabel('Relay token (optional)').fill('r'.repeat(2_000_000));
    await page.getByTestId('sw-settings-save').click();
    await expect
      .poll(() => message.textContent(), { timeout: 15_000 })
      .toContain('This value is too long for Ringside to accept.');

    // Still linked: a normal save goes through.
    await form.getByLabel('Relay token (optional)').fill('relay-token-123');
    await page.getByTestId('sw-settings-save').click();
    await expect.poll(() => message.getAttribute('class'), { timeout: 15_000 }).toContain('good');
    expect(await page.getByTestId('ipc-lost').count()).toBe(0);
    expect(app.host.core.snapshot().signalwire.mode).toBe('relay');
  });
});
