import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, skipReason, startApp, type RunningApp } from './harness';

// The desktop settings in the window, against the real core: the alert mode, do-not-disturb and
// the global shortcuts (which the headless host cannot register, and says so).
const reason = skipReason();
if (reason) console.warn(`[skip] e2e desktop settings: ${reason}`);

describe.skipIf(reason !== null)('desktop settings in the window', () => {
  let app: RunningApp;
  const settings = () => app.host.core.view();

  beforeAll(async () => {
    app = await startApp();
    await app.page.getByTestId('open-settings').click();
    await app.page.getByTestId('desktop-settings').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('the alert mode is stored as the agent picks it', async () => {
    await app.page.getByTestId('alert-mode-off').check();
    await expect.poll(() => settings().desktop.alertMode, { timeout: 10_000 }).toBe('off');
    expect(settings().settings.notifications.enabled).toBe(false);
    await app.page.getByTestId('alert-mode-notify-and-focus').check();
    await expect
      .poll(() => settings().desktop.alertMode, { timeout: 10_000 })
      .toBe('notify-and-focus');
  });

  it('do-not-disturb for an hour shows until when, and turns off again', async () => {
    await app.page.getByTestId('dnd-select').selectOption('60');
    await app.page.getByTestId('dnd-banner').waitFor({ timeout: 10_000 });
    expect(settings().desktop.dnd.active).toBe(true);
    expect(settings().desktop.dnd.until).not.toBeNull();
    await saveScreenshot(app.page, 'desktop-settings-dnd');
    await app.page.getByTestId('dnd-select').selectOption('off');
    await app.page.getByTestId('dnd-banner').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('a duplicate shortcut is named beside both; the headless host says shortcuts need the app', async () => {
    await app.page.getByTestId('shortcut-showWindow').fill('CmdOrCtrl+Alt+R');
    await app.page.getByTestId('shortcut-openRoom').fill('Alt+Ctrl+R');
    await app.page.getByTestId('save-shortcuts').click();
    await expect
      .poll(() => settings().desktop.shortcuts.map((status) => status.state), { timeout: 10_000 })
      .toEqual(['duplicate', 'duplicate', 'off', 'off']);
    const form = app.page.getByTestId('shortcuts-form');
    await expect
      .poll(async () => (await form.textContent()) ?? '', { timeout: 10_000 })
      .toContain('is also set for');
  });
});
