import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreen } from './axe';
import { skipReason, startApp, type RunningApp } from './harness';

// The window at 400 px, as an agent keeps it beside the phone: the status line stays one line
// while its age ticks, and nothing on the cards runs past the window once event ids are shown.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e narrow window: ${reason}`);

describe.skipIf(reason !== null)('a 400 px window', () => {
  let app: RunningApp;
  const page = () => app.page;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 400, height: 900 } });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('keeps the status line on one line, the same height as "last event … ago" changes', async () => {
    const detail = page().getByTestId('connection-detail');
    await expect.poll(() => detail.textContent(), { timeout: 30_000 }).toMatch(/last event/);
    const statusbar = page().locator('.statusbar');
    const line = async () => ({
      text: (await detail.textContent()) ?? '',
      height: (await statusbar.boundingBox())?.height ?? 0,
      headlineTop: (await page().getByTestId('connection-headline').boundingBox())?.y ?? 0,
      detailTop: (await detail.boundingBox())?.y ?? 0,
    });
    const before = await line();
    await expect.poll(async () => (await line()).text, { timeout: 30_000 }).not.toBe(before.text);
    const after = await line();
    expect(after.height).toBe(before.height);
    // Headline and age side by side, one line: what does not fit ends in an ellipsis.
    expect(Math.abs(after.detailTop - after.headlineTop)).toBeLessThan(8);
    expect(await detail.evaluate((element) => getComputedStyle(element).textOverflow)).toBe(
      'ellipsis',
    );
    expect(await detail.getAttribute('title')).toBe(after.text);
  });

  it('keeps every card inside the window once SignalWire event ids are shown', async () => {
    const preset = page().getByRole('button', { name: 'Order confirmed' });
    await preset.waitFor({ timeout: 30_000 });
    await preset.click();
    const entry = page().getByTestId('sw-history-entry').first();
    await expect.poll(() => entry.getAttribute('data-event-id'), { timeout: 15_000 }).not.toBe('');
    await saveScreen(page(), 'narrow-400-calls');

    const overflowing = await page().evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.card, .card *')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1);
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    expect(overflowing).toEqual([]);
    expect(await page().evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      400,
    );
    // A preset's whole label shows: its button is as wide as its words need, or they wrap.
    for (const button of await page()
      .getByRole('group', { name: /quick events/i })
      .getByRole('button')
      .all())
      expect(await button.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(
        true,
      );
  });
});
