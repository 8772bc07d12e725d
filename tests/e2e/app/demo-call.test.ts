import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { saveScreenshot, skipReason, startApp, type RunningApp } from './harness';

// The first experience, end to end: the app opens on the built-in demo, says Connected,
// and a demo call rings and goes Ringing -> Talking -> On hold -> Talking -> ended in the window.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e demo call: ${reason}`);

interface Sample {
  status: string;
  timer: string;
}

declare global {
  interface Window {
    __callSamples?: Sample[];
  }
}

describe.skipIf(reason !== null)('demo call in the window', () => {
  let app: RunningApp;
  const card = () => app.page.getByTestId('call-card');

  beforeAll(async () => {
    app = await startApp({ demoSpeed: 3 });
    // Record every state the call card passes through, whatever the timing, so the test checks
    // the order of states rather than racing each one.
    await app.page.evaluate(() => {
      const samples: Sample[] = [];
      window.__callSamples = samples;
      const sample = () => {
        const status = document
          .querySelector('[data-testid="call-card"]')
          ?.getAttribute('data-status');
        const timer =
          document.querySelector('[data-testid="call-timer"]')?.textContent?.trim() ?? '';
        const last = samples.at(-1);
        if (status && (last?.status !== status || last.timer !== timer))
          samples.push({ status, timer });
      };
      new MutationObserver(sample).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      sample();
    });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('says Connected on the demo service', async () => {
    const badge = app.page.getByTestId('connection-badge');
    await expect
      .poll(() => badge.getAttribute('data-status'), { timeout: 20_000 })
      .toBe('connected');
    expect(await badge.getByTestId('connection-headline').textContent()).toMatch(
      /^Connected to \S+/,
    );
    expect(await app.page.getByTestId('mode').textContent()).toBe('Demo');
  });

  it('shows the ringing demo call with caller, number, line and direction', async () => {
    await expect
      .poll(() => card().getAttribute('data-status'), { timeout: 30_000 })
      .toMatch(/ringing|talking|hold/);
    expect(await card().getByTestId('caller-name').textContent()).toBe('Test Voicenter');
    expect(await card().getByTestId('caller-number').textContent()).toBe('050-123-4567');
    expect((await card().getByTestId('call-did').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'line 072-277-6772',
    );
    expect((await card().getByTestId('call-direction').textContent())?.trim()).toBe('Incoming');
    expect(await card().getByTestId('call-status').getAttribute('aria-live')).toBe('polite');
    await saveScreenshot(app.page, 'demo-call-live');
  });

  it('goes Ringing -> Talking -> On hold -> Talking -> ended with a counting timer', async () => {
    await expect.poll(() => card().getAttribute('data-status'), { timeout: 45_000 }).toBe('ended');
    const samples = await app.page.evaluate(() => window.__callSamples ?? []);

    const order = samples
      .map((sample) => sample.status)
      .filter((status, index, all) => status !== 'none' && status !== all[index - 1]);
    expect(order.slice(0, 5)).toEqual(['ringing', 'talking', 'hold', 'talking', 'ended']);

    // The timer is a live clock while the call is up: it changes, it never goes back, and it
    // reads mm:ss.
    const live = samples.filter((sample) => ['talking', 'hold'].includes(sample.status));
    const seconds = live.map(({ timer }) => {
      expect(timer).toMatch(/^\d{2}:\d{2}$/);
      const [minutes, secs] = timer.split(':').map(Number);
      return (minutes ?? 0) * 60 + (secs ?? 0);
    });
    expect(new Set(seconds).size).toBeGreaterThan(1);
    seconds.forEach((value, index) =>
      expect(value).toBeGreaterThanOrEqual(seconds[index - 1] ?? 0),
    );
  });

  it('keeps the ended call on the card with its outcome and lists it in recent calls', async () => {
    expect(await card().getByTestId('call-outcome').textContent()).toMatch(/Answered/);
    expect(await card().getByTestId('caller-name').textContent()).toBe('Test Voicenter');

    const item = app.page.getByTestId('recent-call').filter({ hasText: 'Test Voicenter' }).first();
    await expect
      .poll(() => item.getAttribute('data-outcome'), { timeout: 10_000 })
      .toBe('answered');
    expect(await item.getByTestId('recent-outcome').textContent()).toBe('Answered');
    expect(await item.textContent()).toContain('050-123-4567');
    expect(await item.getByTestId('recent-duration').textContent()).toMatch(/^\d{2}:\d{2}$/);
  });

  it('switches to Hebrew right-to-left while phone numbers stay left-to-right', async () => {
    await app.page.getByTestId('language-toggle').click();

    // The language is main's setting: the window turns once main's view says so.
    await expect
      .poll(() => app.page.evaluate(() => document.documentElement.dir), { timeout: 10_000 })
      .toBe('rtl');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('he');
    expect(await app.page.getByTestId('recent-calls').locator('h2').textContent()).toBe(
      'שיחות אחרונות',
    );
    const number = card().getByTestId('caller-number');
    expect(await number.textContent()).toBe('050-123-4567');
    expect(await number.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    // Visually too: the digits run left to right (the first group is left of the last).
    const [first, last] = await number.evaluate((element) => {
      const range = document.createRange();
      const text = element.firstChild;
      if (!text) return [0, 0];
      range.setStart(text, 0);
      range.setEnd(text, 3);
      const left = range.getBoundingClientRect().left;
      range.setStart(text, 8);
      range.setEnd(text, 12);
      return [left, range.getBoundingClientRect().left];
    });
    expect(first).toBeLessThan(last ?? 0);

    const shot = await saveScreenshot(app.page, 'demo-call-hebrew');
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await app.page.getByTestId('language-toggle').click();
    await expect
      .poll(() => app.page.evaluate(() => document.documentElement.dir), { timeout: 10_000 })
      .toBe('ltr');
  });

  it('runs the self-checks from the settings drawer: test ring and diagnostics', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings' }).click();
    const alertsUnavailable = (await page.getByTestId('alerts-unavailable').count()) > 0;

    await page.getByTestId('test-ring').click();
    // The agent always gets an answer: "sent" where a notification service took the alert, a
    // plain sentence where none did (no daemon on a CI machine, or none at all).
    const feedback = page
      .locator('[data-testid="settings"] [role="status"], [data-testid="settings-error"]')
      .first();
    await feedback.waitFor({ timeout: 15_000 });
    const answer = (await feedback.textContent()) ?? '';
    expect(answer).toMatch(/Test alert sent|notification/i);
    if (alertsUnavailable) expect(answer).not.toContain('Test alert sent');

    await page.getByTestId('export-diagnostics').click();
    const text = page.getByTestId('diagnostics-text');
    await expect.poll(() => text.inputValue(), { timeout: 10_000 }).toMatch(/\S/);
    // The demo agent's sign-in pin never reaches the window.
    expect(await text.inputValue()).not.toContain('"1234"');
    expect(await page.getByTestId('download-diagnostics').getAttribute('download')).toMatch(
      /^ringside-diagnostics-\d{4}-\d{2}-\d{2}\.txt$/,
    );
    await page.getByRole('button', { name: 'Close' }).click();
  });
});
