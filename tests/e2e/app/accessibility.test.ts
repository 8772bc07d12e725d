import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, saveScreen } from './axe';
import {
  openTeamBoard,
  quietNotifier,
  skipReason,
  startApp,
  teamBoardConfig,
  type RunningApp,
} from './harness';

// Every screen through axe-core, in English and Hebrew, light and dark: zero serious or critical
// violations. The theme follows the system (prefers-color-scheme), so the test switches Chromium's;
// the language is main's setting, switched from the window as the agent would.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e accessibility: ${reason}`);

const LANGUAGES = ['en', 'he'] as const;
const THEMES = ['light', 'dark'] as const;
type Language = (typeof LANGUAGES)[number];

async function useLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  // The settings drawer is modal: the top bar's language button is behind it.
  if (await page.getByTestId('settings-drawer').isVisible()) await page.keyboard.press('Escape');
  await page.getByTestId('language-toggle').click();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
    .toBe(language);
}

/** Each language and theme in turn, the screen checked and photographed in each. */
async function everyLook(
  page: Page,
  screen: string,
  show: () => Promise<void> = async () => {},
): Promise<void> {
  const failures: string[] = [];
  for (const language of LANGUAGES) {
    for (const theme of THEMES) {
      await useLanguage(page, language);
      await page.emulateMedia({ colorScheme: theme });
      await show();
      const name = `${screen}-${language}-${theme}`;
      await saveScreen(page, name);
      await expectAccessible(page, name).catch((error: Error) => failures.push(error.message));
    }
  }
  expect(failures).toEqual([]);
}

/** A notifier that always fails, so main raises a notice the window must show. */
const failingNotifier = {
  notifier: {
    notify: () => Promise.reject(new Error('no notification service on this test machine')),
    dismiss: () => {},
  },
  available: true,
};

describe.skipIf(reason !== null)('every screen passes axe, in both languages and themes', () => {
  let app: RunningApp;
  const page = () => app.page;

  beforeAll(async () => {
    app = await startApp({
      demoSpeed: 2,
      viewport: { width: 1200, height: 900 },
      notifier: failingNotifier,
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('the calls screen with a demo call, its Rocket.Chat room and SignalWire panel', async () => {
    const card = page().getByTestId('call-card');
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 30_000 }).toBe('talking');
    await page().getByRole('button', { name: 'Open room' }).click();
    await page().getByTestId('room').waitFor({ timeout: 15_000 });
    await page().getByTestId('sw-editor').waitFor({ timeout: 15_000 });
    await everyLook(page(), 'calls');
  });

  it('notices from main', async () => {
    // Main's notices, or the call-alert health banner (up wherever no notification service runs,
    // as on these machines): the strip above the screens, with something in it.
    await page()
      .getByTestId('notice')
      .or(page().getByTestId('notification-health'))
      .first()
      .waitFor({ timeout: 30_000 });
    await everyLook(page(), 'notices');
  });

  it('the call history', async () => {
    await everyLook(page(), 'history', async () => {
      await page().getByTestId('screen-history').click();
      await page().getByTestId('history-panel').waitFor({ timeout: 10_000 });
    });
    await page().getByTestId('screen-calls').click();
  });

  it('the settings drawer: account, alerts, Rocket.Chat and SignalWire settings', async () => {
    await everyLook(page(), 'settings', async () => {
      if (!(await page().getByTestId('settings-drawer').isVisible()))
        await page().getByTestId('open-settings').click();
      await page().getByTestId('settings').waitFor();
    });
  });

  it('the sign-in forms: user, account and token', async () => {
    for (const type of ['user', 'account', 'token'] as const) {
      await everyLook(page(), `signin-${type}`, async () => {
        if (!(await page().getByTestId('settings-drawer').isVisible()))
          await page().getByTestId('open-settings').click();
        await page().getByTestId('source-voicenter').check();
        await page().getByTestId(`login-type-${type}`).check();
      });
    }
    await page().getByTestId('close-settings').click();
  });
});

describe.skipIf(reason !== null)('the team board passes axe, in both languages and themes', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      config: teamBoardConfig(200, 20),
      viewport: { width: 1200, height: 900 },
      notifier: quietNotifier,
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('the team board', async () => {
    await openTeamBoard(app.page);
    await everyLook(app.page, 'board');
  });
});

describe.skipIf(reason !== null)('signed out: the sign-in screen and every sign-in form', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      config: { version: 1, app: { mode: 'signed-out' }, notifications: { enabled: false } },
      viewport: { width: 1200, height: 900 },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('the sign-in screen', async () => {
    await app.page.locator('main').getByTestId('signin').waitFor({ timeout: 20_000 });
    await everyLook(app.page, 'signed-out');
  });

  it('the settings with the Rocket.Chat and SignalWire sign-in forms', async () => {
    await everyLook(app.page, 'settings-signed-out', async () => {
      if (!(await app.page.getByTestId('settings-drawer').isVisible()))
        await app.page.getByRole('button', { name: /^(Settings|הגדרות)$/ }).click();
      await app.page.getByTestId('rocketchat-sign-in').waitFor();
    });
  });
});
