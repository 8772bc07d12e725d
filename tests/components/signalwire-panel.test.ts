import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import SignalWirePanel from '@renderer/components/signalwire/SignalWirePanel.svelte';
import type { SignalWireView } from '@shared/ipc/signalwire';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { makeCalls, makeSignalWire, makeSnapshot, NOW, talkingCall } from './support/snapshot';

const CALL_ID = '0e9c80d7-a149-4917-892d-420043709f45';

const linked = (ivrids: string[], patch: Partial<SignalWireView> = {}) =>
  makeSignalWire({
    configured: true,
    mode: 'relay',
    calls: ivrids.map((ivrid) => ({
      ivrid,
      signalwireCallId: CALL_ID,
      source: 'customdata' as const,
      ended: false,
    })),
    ...patch,
  });
const onCall = (signalwire: SignalWireView, ivrid = 'call-7') =>
  makeSnapshot({ calls: makeCalls({ currentCall: talkingCall({ ivrid }) }), signalwire });

describe('SignalWire panel', () => {
  it('stays out of the way until SignalWire is set up', async () => {
    render(SignalWirePanel, { snapshot: onCall(makeSignalWire()) });
    await expect.element(page.getByTestId('signalwire-panel')).not.toBeInTheDocument();
  });

  it('links a pasted call id, refusing one that is not an id in words', async () => {
    render(SignalWirePanel, { snapshot: onCall(linked([])) });
    const id = page.getByLabelText('SignalWire call id');
    const link = page.getByRole('button', { name: 'Link' });
    await id.fill('not-an-id');
    await expect.element(id).toHaveAttribute('aria-invalid', 'true');
    await expect.element(link).toBeDisabled();
    await expect
      .element(page.getByText(/^A SignalWire call id looks like 0e9c80d7-/))
      .toBeVisible();
    await id.fill(CALL_ID);
    await link.click();
    expect(main.callsTo('linkSignalWireCall')).toEqual([['call-7', CALL_ID]]);
  });

  it('sends an event written as a JSON object, and refuses anything else before sending', async () => {
    render(SignalWirePanel, { snapshot: onCall(linked(['call-7'])) });
    const editor = page.getByLabelText('Event (a JSON object)');
    const send = page.getByRole('button', { name: 'Send event' });
    await editor.fill('["order.confirmed"]');
    await expect
      .element(page.getByTestId('sw-editor-status'))
      .toHaveTextContent(/^The event must be a JSON object/);
    await expect.element(send).toBeDisabled();
    const event = '{"type": "order.confirmed", "order_id": "ORD-12345"}';
    await editor.fill(event);
    await expect
      .element(page.getByTestId('sw-editor-status'))
      .toHaveTextContent('Valid JSON object.');
    await send.click();
    expect(main.callsTo('sendSignalWireEvent')).toEqual([['call-7', event]]);
    await expect.element(page.getByTestId('sw-send-outcome')).toHaveTextContent(/^Queued/);
  });

  it('sends a quick event and shows a refusal in words', async () => {
    main.refuse(
      'sendSignalWirePreset',
      'SignalWire is not reachable: the relay refused the token.',
    );
    const signalwire = linked(['call-7'], {
      presets: [{ label: 'Order confirmed', event: { type: 'order.confirmed' } }],
    });
    render(SignalWirePanel, { snapshot: onCall(signalwire) });
    await page.getByRole('button', { name: 'Order confirmed' }).click();
    expect(main.callsTo('sendSignalWirePreset')).toEqual([['call-7', 0]]);
    await expect
      .element(page.getByTestId('sw-error'))
      .toHaveTextContent('SignalWire is not reachable: the relay refused the token.');
  });

  it('ends the call only once the agent confirms', async () => {
    render(SignalWirePanel, { snapshot: onCall(linked(['call-7'])) });
    await page.getByRole('button', { name: 'End call' }).click();
    await expect
      .element(page.getByRole('alertdialog'))
      .toHaveTextContent('End this call on SignalWire? The caller is disconnected.');
    expect(main.callsTo('endSignalWireCall')).toEqual([]);
    await page.getByRole('button', { name: 'Yes, end the call' }).click();
    expect(main.callsTo('endSignalWireCall')).toEqual([['call-7']]);
  });

  it('forgets a half-done confirmation and an error when another call comes', async () => {
    main.refuse('sendSignalWirePreset', 'The relay refused the token.');
    const signalwire = linked(['call-7', 'call-8'], {
      presets: [{ label: 'Order confirmed', event: { type: 'order.confirmed' } }],
    });
    const shown = render(SignalWirePanel, { snapshot: onCall(signalwire) });
    await page.getByRole('button', { name: 'Order confirmed' }).click();
    await expect.element(page.getByTestId('sw-error')).toBeVisible();
    await page.getByRole('button', { name: 'End call' }).click();
    await expect.element(page.getByRole('alertdialog')).toBeVisible();
    shown.update((props) => (props.snapshot = onCall(signalwire, 'call-8')));
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.element(page.getByTestId('sw-error')).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'End call' })).toBeVisible();
  });

  it('lists what was sent for this call with its state in words', async () => {
    const signalwire = linked(['call-7'], {
      history: [
        {
          id: 'a1',
          kind: 'user-event',
          eventId: 'ev-1',
          type: 'order.confirmed',
          origin: 'editor',
          ivrid: 'call-7',
          signalwireCallId: CALL_ID,
          at: NOW - 10_000,
          state: 'failed',
          result: 'SignalWire refused the event: the call has ended.',
          durationMs: null,
          attempts: [],
          possibleDuplicate: false,
        },
      ],
    });
    render(SignalWirePanel, { snapshot: onCall(signalwire) });
    const entry = page.getByTestId('sw-history-entry');
    await expect.element(entry).toHaveTextContent('order.confirmed');
    await expect.element(entry).toHaveTextContent('Failed');
    await expect
      .element(entry)
      .toHaveTextContent('SignalWire refused the event: the call has ended.');
  });
});
