import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../../electron/sim/voicenter';
import { DEMO_DID } from '../../../electron/sim/voicenter/directory';
import { demoConfig, saveScreenshot, skipReason, startApp, type RunningApp } from './harness';

// What the agent types is theirs until they submit it. The test drives one call itself through the
// demo Voicenter server, types into a form, then makes the window change many times under the
// agent's hands the way a shift does (the agent's status changing, a setting changed elsewhere,
// another call ringing and missed), and finally submits: the servers must receive exactly what
// was typed. Checked against what the demo servers stored.
const reason = skipReason();
if (reason) console.warn(`[skip] e2e typing survives live updates: ${reason}`);

const AGENT = DEMO_CREDENTIALS.user.extension;
// No scripted calls: the test places its own.
const config = { ...demoConfig, demo: { ...demoConfig.demo, scenario: 'status-changes' } };

describe.skipIf(reason !== null)('typing survives live updates', () => {
  let app: RunningApp;

  beforeEach(async () => {
    app = await startApp({ config, demoSpeed: 20 });
  });

  afterEach(async () => {
    await app?.stop();
  });

  const demo = () => {
    const services = app.host.core.demo();
    if (!services) throw new Error('the demo is not running');
    return services;
  };
  const card = () => app.page.getByTestId('call-card');
  const available = async () =>
    (await app.page.getByTestId('agent-status').getAttribute('class'))?.includes('available');

  /** A call from `phone` rings the agent and is answered; resolves once the window shows it. */
  async function answeredCall(ivrid: string, phone: string): Promise<void> {
    const tel = demo().voicenter.telephony;
    tel.newCall(AGENT, {
      ivrid,
      callerName: 'Dana Levi',
      callerPhone: phone,
      did: DEMO_DID,
      direction: 'Incoming',
      customData: { signalwire_call_id: randomUUID() },
    });
    await expect
      .poll(() => card().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('ringing');
    tel.answer(AGENT, ivrid);
    await expect
      .poll(() => card().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('talking');
  }

  /**
   * Many changes the agent did not make, each waited for in the window before the next: the
   * agent's status flips on the phone system, and a setting flips (another window, a colleague at
   * the same desk). `setting` flips one and waits until the window shows it.
   */
  async function liveUpdates(rounds: number, setting: (on: boolean) => Promise<unknown>) {
    const tel = demo().voicenter.telephony;
    for (let i = 0; i < rounds; i += 1) {
      const on = i % 2 === 0;
      // 3 is Lunch, 1 is Login (available).
      tel.setStatus(AGENT, on ? 3 : 1);
      await expect.poll(available, { timeout: 10_000 }).toBe(!on);
      await setting(on);
    }
  }

  it('keeps the wrap-up comment and tags through every push, and closes the room with them', async () => {
    await answeredCall('WRAP-1', '0547654321');
    await app.page.getByRole('button', { name: 'Open room' }).click();
    const room = app.page.getByTestId('room');
    await expect.poll(() => room.getAttribute('data-status'), { timeout: 15_000 }).toBe('open');
    const rid = (await room.getAttribute('data-rid')) ?? '';
    demo().voicenter.telephony.hangup(AGENT, 'WRAP-1', 'Normal hangup');
    await expect.poll(() => card().getAttribute('data-status'), { timeout: 15_000 }).toBe('ended');

    const comment = app.page.getByRole('textbox', { name: 'Comment' });
    const tags = app.page.getByRole('textbox', { name: 'Tags (comma-separated)' });
    await comment.fill('Wants a refund for order ORD-12345; call back Sunday');
    await tags.fill('billing, callback');

    // In the closed settings drawer, out of the accessibility tree: found by its test id.
    const autoOpen = app.page.getByTestId('rc-auto-open');
    await liveUpdates(6, async (on) => {
      await app.host.core.handlers.updateRocketChatSettings({ autoOpenRoom: on });
      await expect.poll(() => autoOpen.isChecked(), { timeout: 10_000 }).toBe(on);
    });
    expect(await comment.inputValue()).toBe('Wants a refund for order ORD-12345; call back Sunday');
    expect(await tags.inputValue()).toBe('billing, callback');

    // Another call rings and is missed: the panel follows it, and the wrap-up waits in the list.
    demo().voicenter.telephony.newCall(AGENT, {
      ivrid: 'MISSED-1',
      callerName: 'Avi Peretz',
      callerPhone: '0522223344',
      did: DEMO_DID,
      direction: 'Incoming',
    });
    await expect
      .poll(() => card().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('ringing');
    demo().voicenter.telephony.hangup(AGENT, 'MISSED-1', 'Normal hangup');
    await expect.poll(() => card().getAttribute('data-status'), { timeout: 15_000 }).toBe('ended');
    await app.page.getByTestId('pending-wrapups').getByRole('button').click();
    expect(await comment.inputValue()).toBe('Wants a refund for order ORD-12345; call back Sunday');
    expect(await tags.inputValue()).toBe('billing, callback');
    await saveScreenshot(app.page, 'wrap-up-after-live-updates');

    await app.page.getByRole('button', { name: 'Close room' }).click();
    await expect
      .poll(
        () =>
          demo()
            .rocketchat.rooms()
            .find((r) => r._id === rid)?.open,
        { timeout: 15_000 },
      )
      .toBeUndefined();
    const stored = demo()
      .rocketchat.rooms()
      .find((r) => r._id === rid);
    expect(stored?.tags).toEqual(['billing', 'callback']);
    const wrapUp = demo()
      .rocketchat.messages(rid)
      .filter((m) => m.t === 'voip-call-wrapup');
    expect(wrapUp.map((m) => m.msg)).toEqual([
      'Wants a refund for order ORD-12345; call back Sunday',
    ]);
  });

  it('keeps a SignalWire event being written through every push, and sends it as written', async () => {
    await answeredCall('EVENT-1', '0501234567');
    await app.page.getByTestId('sw-link').waitFor({ timeout: 15_000 });
    const editor = app.page.getByRole('textbox', { name: 'Event (a JSON object)' });
    const written = '{"type": "order.confirmed", "order_id": "ORD-777", "note": "typed slowly"}';
    await editor.fill(written);

    // In the closed settings drawer, out of the accessibility tree: found by its test id.
    const mirror = app.page.getByTestId('sw-mirror');
    await liveUpdates(6, async (on) => {
      await app.host.core.handlers.updateSignalWireSettings({ mirrorCallEvents: on });
      await expect.poll(() => mirror.isChecked(), { timeout: 10_000 }).toBe(on);
    });
    expect(await editor.inputValue()).toBe(written);

    await app.page.getByRole('button', { name: 'Send event' }).click();
    const entry = app.page.getByTestId('sw-history-entry').first();
    await expect.poll(() => entry.getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const sent = demo()
      .signalwire.journal()
      .filter((e) => e.command === 'calling.user_event');
    expect(sent.map((e) => e.params)).toEqual([
      {
        event: {
          type: 'order.confirmed',
          order_id: 'ORD-777',
          note: 'typed slowly',
          event_id: await entry.getAttribute('data-event-id'),
        },
      },
    ]);
  });

  it('keeps default wrap-up tags being typed in the settings, and saves them as typed', async () => {
    await app.page.getByRole('button', { name: 'Settings' }).click();
    const field = app.page.getByRole('textbox', { name: 'Default wrap-up tags (comma-separated)' });
    await field.fill('support, vip, callback');
    const keepInStep = app.page.getByRole('checkbox', {
      name: 'Keep the room in step with the call (hold, unhold, end)',
    });
    await liveUpdates(6, async (on) => {
      await app.host.core.handlers.updateRocketChatSettings({ keepInStep: on });
      await expect.poll(() => keepInStep.isChecked(), { timeout: 10_000 }).toBe(on);
    });
    expect(await field.inputValue()).toBe('support, vip, callback');
    // Leaving the field saves it.
    await field.press('Tab');
    await expect
      .poll(() => app.host.core.view().rocketchat.settings.defaultTags, { timeout: 10_000 })
      .toEqual(['support', 'vip', 'callback']);
  });
});
