import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipReason, startApp, type RunningApp } from './harness';

// The window without a mouse: Tab reaches every action of the calls screen, each with a visible
// focus ring, and Enter and Space work them; a ringing call is announced to screen readers.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e keyboard: ${reason}`);

interface Stop {
  role: string;
  name: string;
  focusVisible: boolean;
  outline: string;
}

/** Where focus is now: what a screen reader would call it, and whether the ring shows. */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const label =
      element.getAttribute('aria-label') ??
      (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null) ??
      element.innerText;
    return {
      role: element.getAttribute('role') ?? element.tagName.toLowerCase(),
      name: (label ?? '').replace(/\s+/g, ' ').trim(),
      focusVisible: element.matches(':focus-visible'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses Tab until focus lands on `name` (a button's words), at most `limit` times. */
async function tabTo(page: Page, name: string, limit = 80): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    await page.keyboard.press('Tab');
    if ((await focused(page))?.name === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe.skipIf(reason !== null)('the calls screen by keyboard', () => {
  let app: RunningApp;
  const page = () => app.page;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1200, height: 900 } });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('announces the ringing call in a live region, in words', async () => {
    const region = page().getByTestId('call-announcer');
    expect(await region.getAttribute('aria-live')).toBe('assertive');
    await expect
      .poll(() => region.textContent(), { timeout: 30_000 })
      .toContain('Incoming call from');
    expect((await region.textContent())?.replace(/[\u2066-\u2069]/g, '').trim()).toBe(
      'Incoming call from 050-123-4567',
    );
  });

  it('reaches every action with Tab, each with a visible focus ring', async () => {
    await page()
      .getByRole('button', { name: 'Open room' })
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    await page()
      .locator('body')
      .click({ position: { x: 1, y: 1 } });
    const stops: Stop[] = [];
    for (let step = 0; step < 60; step += 1) {
      await page().keyboard.press('Tab');
      const stop = await focused(page());
      if (!stop || stops.some((seen) => seen.name === stop.name && seen.role === stop.role)) break;
      stops.push(stop);
    }
    const names = stops.map((stop) => stop.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'עברית',
        'Settings',
        'Reconnect',
        'Calls',
        'History',
        'Open room',
        'Event (a JSON object)',
        'End call',
      ]),
    );
    // Every stop has a name to be announced by, and shows where focus is.
    for (const stop of stops) {
      expect(stop.name, `${stop.role} without a name`).not.toBe('');
      expect(stop.focusVisible, `${stop.name}: no :focus-visible`).toBe(true);
      expect(stop.outline, `${stop.name}: no focus ring`).toMatch(/^solid [1-9]/);
    }
  });

  it('opens the history with Enter and comes back to the calls with Space', async () => {
    await page()
      .locator('body')
      .click({ position: { x: 1, y: 1 } });
    await tabTo(page(), 'History');
    await page().keyboard.press('Enter');
    await page().getByTestId('history-panel').waitFor({ timeout: 10_000 });
    await tabTo(page(), 'Calls');
    await page().keyboard.press('Space');
    await page().getByTestId('call-card').waitFor({ timeout: 10_000 });
    expect(await page().getByRole('button', { name: 'Calls' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('opens the settings with Enter, works a check box with Space, and closes with Escape', async () => {
    await page()
      .locator('body')
      .click({ position: { x: 1, y: 1 } });
    await tabTo(page(), 'Settings');
    await page().keyboard.press('Enter');
    const drawer = page().getByRole('dialog', { name: 'Settings' });
    await drawer.waitFor({ timeout: 10_000 });
    const focusOnRing = drawer.getByRole('checkbox', { name: /Bring Ringside to the front/ });
    const before = await focusOnRing.isChecked();
    await focusOnRing.focus();
    await page().keyboard.press('Space');
    await expect.poll(() => focusOnRing.isChecked(), { timeout: 10_000 }).toBe(!before);
    await page().keyboard.press('Space');
    await expect.poll(() => focusOnRing.isChecked(), { timeout: 10_000 }).toBe(before);
    // Test ring by Enter: where no notification service runs, the answer says so and does not
    // send the agent to settings that are not the cause.
    const unavailable = (await page().getByTestId('alerts-unavailable').count()) > 0;
    await drawer.getByRole('button', { name: 'Test ring' }).focus();
    await page().keyboard.press('Enter');
    const answer = drawer
      .locator('[data-testid="settings"] [role="status"], [data-testid="settings-error"]')
      .first();
    await answer.waitFor({ timeout: 15_000 });
    if (unavailable) {
      expect(await answer.textContent()).toMatch(/notification (service|server)/);
      expect(await answer.textContent()).not.toMatch(/system settings/);
    }
    await drawer.getByRole('checkbox', { name: /Bring Ringside to the front/ }).focus();
    await page().keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    // Focus goes back to where the agent was, so the next Tab continues from there.
    expect((await focused(page()))?.name).toBe('Settings');
  });
});
