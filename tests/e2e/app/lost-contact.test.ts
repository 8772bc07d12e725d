import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason, startApp, type RunningApp } from './harness';

// When main goes away the window must say so, and a click must fail with a clear message rather
// than hang.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e lost contact: ${reason}`);

describe.skipIf(reason !== null)('window without main', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('shows the lost-contact banner and fails actions at once with a plain message', async () => {
    const badge = app.page.getByTestId('connection-badge');
    await expect.poll(() => badge.count(), { timeout: 20_000 }).toBe(1);
    expect(await app.page.getByTestId('ipc-lost').count()).toBe(0);

    await app.stopHost();

    await expect
      .poll(() => app.page.getByTestId('ipc-lost').textContent(), { timeout: 15_000 })
      .toContain("Lost contact with Ringside's main process.");
    await app.page.getByRole('button', { name: 'Reconnect' }).click();
    await expect
      .poll(() => badge.getByRole('alert').textContent(), { timeout: 5_000 })
      .toContain("Lost contact with Ringside's main process.");
  });
});
