import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallAlert, Notifier } from '@core/ports';
import { skipReason, startApp, type RunningApp } from './harness';

// The notification path end to end, but for the OS part: a call rings for the agent, exactly one
// alert is raised with the words, and clicking it puts the window on that call. The OS
// notifier is the one fake here (no notification server lets a test click); the D-Bus test in
// tests/integration/notify covers the real desktop path.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e notification click: ${reason}`);

class RecordingNotifier implements Notifier {
  readonly shown: { alert: CallAlert; click: () => void }[] = [];
  readonly dismissed: string[] = [];
  notify(alert: CallAlert, onClick: () => void): Promise<void> {
    this.shown.push({ alert, click: onClick });
    return Promise.resolve();
  }
  dismiss(id: string): void {
    this.dismissed.push(id);
  }
}

describe.skipIf(reason !== null)('clicking a call’s notification', () => {
  let app: RunningApp;
  const notifier = new RecordingNotifier();

  beforeAll(async () => {
    app = await startApp({ notifier: { notifier, available: true } });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('raises one alert for the ringing call, in plain words', async () => {
    await expect.poll(() => notifier.shown.length, { timeout: 30_000 }).toBe(1);
    expect(notifier.shown[0]?.alert).toMatchObject({
      title: 'Incoming call',
      body: 'Test Voicenter 050-123-4567, line 072-277-6772',
    });
    const ivrid = notifier.shown[0]?.alert.id;
    // The alert goes out as the event arrives; the window shows the call on the next push.
    await expect
      .poll(() => app.page.getByTestId('call-card').getAttribute('data-ivrid'), {
        timeout: 5_000,
      })
      .toBe(ivrid);
  });

  it('focuses that call in the window when clicked, and the alert goes once it stops ringing', async () => {
    const card = app.page.getByTestId('call-card');
    expect(await card.getAttribute('class')).not.toMatch(/\bfocused\b/);
    notifier.shown[0]?.click();
    await expect.poll(() => card.getAttribute('class'), { timeout: 5_000 }).toMatch(/\bfocused\b/);
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('talking');
    expect(notifier.dismissed).toContain(notifier.shown[0]?.alert.id);
    expect(notifier.shown).toHaveLength(1);
  });
});
