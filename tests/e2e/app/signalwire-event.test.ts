import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, skipReason, startApp, type RunningApp } from './harness';

// SignalWire end to end, in demo mode: the demo call carries a SignalWire call id in its custom data;
// the agent writes an event in the call card's editor and sends it; the demo SignalWire server's
// request journal shows it arrived on that call, with the event object and its own event_id.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e SignalWire event: ${reason}`);

describe.skipIf(reason !== null)('a SignalWire user event from the call card', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('refuses text that is not a JSON object before anything is sent', async () => {
    await expect
      .poll(() => app.page.getByTestId('call-card').getAttribute('data-status'), {
        timeout: 30_000,
      })
      .toMatch(/ringing|talking/);
    await app.page
      .getByRole('textbox', { name: 'Event (a JSON object)' })
      .fill('["not", "an", "object"]');
    expect(await app.page.getByRole('button', { name: 'Send event' }).isDisabled()).toBe(true);
    expect((await app.page.getByTestId('sw-editor-status').textContent())?.trim()).not.toBe('');
    expect(app.host.core.demo()?.signalwire.journal() ?? []).toEqual([]);
  });

  it('sends the event and finds it in the demo server’s journal', async () => {
    const link = app.page.getByTestId('sw-link');
    await link.waitFor({ timeout: 15_000 });
    await app.page
      .getByRole('textbox', { name: 'Event (a JSON object)' })
      .fill('{"type": "order.confirmed", "order_id": "ORD-12345"}');
    await app.page.getByRole('button', { name: 'Send event' }).click();

    const entry = app.page.getByTestId('sw-history-entry').first();
    await expect.poll(() => entry.getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const eventId = await entry.getAttribute('data-event-id');
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    await saveScreenshot(app.page, 'signalwire-event-sent');

    const journal = app.host.core.demo()?.signalwire.journal() ?? [];
    const sent = journal.filter((e) => e.command === 'calling.user_event');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      status: 200,
      authOk: true,
      applied: true,
      params: { event: { type: 'order.confirmed', order_id: 'ORD-12345', event_id: eventId } },
    });
    // On the call the window linked: the id from the call's custom data.
    const callId = app.host.core.snapshot().calls.currentCall?.call.customData.signalwire_call_id;
    expect(sent[0]?.id).toBe(callId);
  });
});
