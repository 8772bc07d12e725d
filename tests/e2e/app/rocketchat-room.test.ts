import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, skipReason, startApp, type RunningApp } from './harness';

// Rocket.Chat end to end, in demo mode: the demo call is answered, the agent opens the caller's room,
// the call goes on hold and back and ends (the room follows it by itself: "keep the room in step"
// is on by default), the agent wraps up, and the room is closed. Checked against the messages the
// demo Rocket.Chat server stored, not against what the window says.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e Rocket.Chat room: ${reason}`);

describe.skipIf(reason !== null)(
  'the caller’s Rocket.Chat room, in step with the demo call',
  () => {
    let app: RunningApp;
    const card = () => app.page.getByTestId('call-card');
    const room = () => app.page.getByTestId('room');

    beforeAll(async () => {
      app = await startApp();
    });

    afterAll(async () => {
      await app?.stop();
    });

    it('opens the room when the agent asks, once the call is answered', async () => {
      await expect
        .poll(() => card().getAttribute('data-status'), { timeout: 30_000 })
        .toBe('talking');
      await app.page.getByRole('button', { name: 'Open room' }).click();
      await expect.poll(() => room().getAttribute('data-status'), { timeout: 15_000 }).toBe('open');
      const rid = await room().getAttribute('data-rid');
      expect(rid).toMatch(/^[A-Za-z0-9]{17}$/);
      expect(await app.page.getByTestId('room-caller').textContent()).toContain('Test Voicenter');
    });

    it('after hang-up, wrap-up closes the room; the server holds exactly the call’s events', async () => {
      await expect
        .poll(() => card().getAttribute('data-status'), { timeout: 60_000 })
        .toBe('ended');
      const form = app.page.getByTestId('wrapup-form');
      await form.waitFor({ timeout: 15_000 });
      await app.page
        .getByRole('textbox', { name: 'Comment' })
        .fill('Customer asked about order ORD-12345');
      await app.page
        .getByRole('textbox', { name: 'Tags (comma-separated)' })
        .fill('orders, follow-up');
      await app.page.getByRole('button', { name: 'Close room' }).click();
      await expect
        .poll(() => room().getAttribute('data-status'), { timeout: 15_000 })
        .toBe('closed');
      await saveScreenshot(app.page, 'rocketchat-room-closed');

      const demo = app.host.core.demo();
      expect(demo).not.toBeNull();
      const rid = (await room().getAttribute('data-rid')) ?? '';
      const stored = demo?.rocketchat.rooms().find((r) => r._id === rid);
      expect(stored?.open).toBeUndefined();
      expect(stored?.tags).toEqual(['orders', 'follow-up']);
      const messages = demo?.rocketchat.messages(rid) ?? [];
      expect(messages.map((m) => m.t)).toEqual([
        'voip-call-on-hold',
        'voip-call-unhold',
        'voip-call-ended',
        'voip-call-duration',
        'voip-call-wrapup',
      ]);
      // The duration event carries the talk time in seconds; the wrap-up carries the comment.
      expect(Number(messages[3]?.msg)).toBeGreaterThan(0);
      expect(messages[4]?.msg).toBe('Customer asked about order ORD-12345');
      // Every message was written by the signed-in demo agent.
      expect(new Set(messages.map((m) => m.u.username))).toEqual(
        new Set([demo?.rocketchat.users.agent.username]),
      );
    });
  },
);
