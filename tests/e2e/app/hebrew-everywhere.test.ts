import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openTeamBoard,
  saveScreenshot,
  skipReason,
  startApp,
  teamBoardConfig,
  type RunningApp,
} from './harness';

// Every screen in Hebrew, in real Chromium against the demo: no English word may show but names
// (callers, agents, queues: taken from the view), ids and numbers, and the brand and product
// names below. What main says arrives as codes, so this also walks main's notices and refusals.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e Hebrew everywhere: ${reason}`);

/** Product and brand names, and the technical names they use: never sentences. */
const BRANDS = new Set(
  [
    'Ringside',
    'Voicenter',
    'Rocket.Chat',
    'Rocket',
    'Chat',
    'SignalWire',
    'Omnichannel',
    'VoIP',
    'Voice',
    'Click2Call',
    'JSON',
    'UUID',
    'API',
    'HTTP',
    'HTTPS',
    'https',
    'CSV',
    'cXML',
    'LaML',
    'English',
    'GNOME',
    'KDE',
  ].map((word) => word.toLowerCase()),
);

/**
 * Every name the view holds, word by word: callers, agents, queues, rooms' visitors, the board's
 * extensions, presets and event types (whatever main keeps under a key that names a name).
 */
function namesIn(...sources: unknown[]): Set<string> {
  const names: string[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (/name|agent|visitor|label|type|identity|caller|queue/i.test(key)) names.push(value);
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (typeof value === 'object' && value !== null)
      for (const [inner, item] of Object.entries(value)) walk(item, inner);
  };
  for (const source of sources) walk(source, '');
  return new Set(names.flatMap((name) => latinWords(name)).map((word) => word.toLowerCase()));
}

/** Latin-letter words of a text, leaving out ids, numbers, addresses and e-mail addresses. */
function latinWords(text: string): string[] {
  return (
    text
      // An isolated run (FSI … PDI) is a name, number or id by construction: main marks them so.
      .replace(/\u2068[^\u2069]*\u2069/g, ' ')
      .split(/[\s\u2066-\u2069]+/)
      // Ids, numbers, addresses, key combinations and JSON examples are not words.
      .filter((token) => !/[\d@/+"{}_=*]|\w\.\w.*\.\w/.test(token.replace(/^Rocket\.Chat/, '')))
      .flatMap((token) => token.match(/[A-Za-z][A-Za-z.'’]*[A-Za-z]|[A-Za-z]/g) ?? [])
      .flatMap((word) => (BRANDS.has(word.toLowerCase()) ? [] : word.split('.')))
      .filter((word) => word !== '')
  );
}

/** The words a person sees or hears on the page: text, labels, titles, placeholders. */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .flatMap((element) =>
        ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
      );
    const dialogs = [...document.querySelectorAll('dialog[open]')].map(
      (dialog) => (dialog as HTMLElement).innerText,
    );
    return [document.body.innerText, ...dialogs, ...attributes].join('\n');
  });
}

describe.skipIf(reason !== null)('every screen in Hebrew', () => {
  let app: RunningApp;

  async function englishOn(screen: string): Promise<string[]> {
    const names = namesIn(app.host.core.snapshot());
    const words = latinWords(await shownText(app.page)).filter(
      (word) => !BRANDS.has(word.toLowerCase()) && !names.has(word.toLowerCase()),
    );
    await saveScreenshot(app.page, `hebrew-${screen}`);
    return [...new Set(words)];
  }

  beforeAll(async () => {
    app = await startApp({
      config: {
        version: 1,
        app: { mode: 'demo' },
        language: { choice: 'he' },
        demo: { enabled: true, scenario: 'demo-loop', seed: 1 },
        notifications: { enabled: true, focusWindowOnRing: false },
      },
      demoSpeed: 4,
      viewport: { width: 1200, height: 900 },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('follows main: the window is Hebrew, right to left, before anything is clicked', async () => {
    await expect
      .poll(() => app.page.evaluate(() => document.documentElement.lang), { timeout: 20_000 })
      .toBe('he');
    expect(await app.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });

  it('the calls screen, with a call and its room and SignalWire panels', async () => {
    await app.page
      .getByTestId('caller-name')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    expect(await englishOn('calls')).toEqual([]);
  });

  it('the call history', async () => {
    await app.page.getByTestId('screen-history').click({ timeout: 10_000 });
    expect(await englishOn('history')).toEqual([]);
    await app.page.getByTestId('screen-calls').click();
  });

  it('the settings, with a refusal and a notice from main', async () => {
    await app.page.getByTestId('open-settings').click();
    // A refusal from main: a relay address that is not https.
    const form = app.page.getByTestId('sw-settings');
    if ((await form.count()) > 0) {
      await form.locator('#sw-relay-url').fill('https://relay.example.org/signalwire');
      await form.locator('#sw-token').fill('r'.repeat(5_000));
      await app.page.getByTestId('sw-settings-save').click();
      await expect
        .poll(() => app.page.getByTestId('sw-settings-message').textContent(), {
          timeout: 15_000,
        })
        .toMatch(/[\u0590-\u05FF]/);
    }
    // The test ring's answer (sent, or why not: main's words in Hebrew).
    await app.page.getByTestId('test-ring').click();
    await app.page
      .locator('[data-testid="settings"] [role="status"], [data-testid="settings-error"]')
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await englishOn('settings')).toEqual([]);
  });

  it('notices from main', async () => {
    // Every notice takes the same path: a code from main, translated by the window.
    const notices = app.page.getByTestId('notice');
    const count = await notices.count();
    for (let index = 0; index < count; index += 1)
      expect(await notices.nth(index).textContent()).toMatch(/[\u0590-\u05FF]/);
    expect(await englishOn('notices')).toEqual([]);
  });
});

describe.skipIf(reason !== null)('the language is main’s setting', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('the window’s picker changes it in main, so the tray and notifications follow', async () => {
    await expect
      .poll(() => app.page.evaluate(() => document.documentElement.lang), { timeout: 20_000 })
      .toBe('en');
    await app.page.getByTestId('language-toggle').click();
    await expect
      .poll(() => app.host.core.view().settings.language?.locale, { timeout: 10_000 })
      .toBe('he');
    expect(app.host.core.view().settings.language?.choice).toBe('he');
    // The window follows main's view, a message later.
    await expect
      .poll(() => app.page.evaluate(() => document.documentElement.dir), { timeout: 10_000 })
      .toBe('rtl');
  });
});

describe.skipIf(reason !== null)('the team board in Hebrew', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      config: teamBoardConfig(200, 20, { language: { choice: 'he' } }),
      viewport: { width: 1200, height: 900 },
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('lists the team without English words', async () => {
    await openTeamBoard(app.page);
    const names = namesIn(app.host.core.snapshot());
    const words = latinWords(await shownText(app.page)).filter(
      (word) => !BRANDS.has(word.toLowerCase()) && !names.has(word.toLowerCase()),
    );
    await saveScreenshot(app.page, 'hebrew-board');
    expect([...new Set(words)]).toEqual([]);
  });
});
