import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { OutboxItemView } from '@shared/ipc/outbox';
import CallAnnouncer from '@renderer/components/CallAnnouncer.svelte';
import SignIn from '@renderer/components/SignIn.svelte';
import OutboxStrip from '@renderer/components/rocketchat/OutboxStrip.svelte';
import RoomPanel from '@renderer/components/rocketchat/RoomPanel.svelte';
import PresetsEditor from '@renderer/components/signalwire/PresetsEditor.svelte';
import SignalWirePanel from '@renderer/components/signalwire/SignalWirePanel.svelte';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { i18n } from '@renderer/lib/i18n.svelte';
import {
  makeCalls,
  makeRoom,
  makeSignalWire,
  makeSnapshot,
  NOW,
  signedInRocketChat,
  talkingCall,
} from './support/snapshot';

// What a new user found wrong in the window, each checked where it shows.

const sentItem = (index: number): OutboxItemView => ({
  id: `a${index}`,
  target: 'rocketchat',
  label: `Hold (room ${index})`,
  ivrid: 'call-7',
  state: 'sent',
  attempts: 1,
  reason: null,
  nextAttemptAt: null,
  createdAt: NOW - 10_000 + index,
  updatedAt: NOW - 10_000 + index,
  doubt: null,
});

describe('the outbox strip', () => {
  it('counts every sent action on its button and lists as many', async () => {
    const items = Array.from({ length: 8 }, (_, index) => sentItem(index + 1));
    render(OutboxStrip, { items, now: NOW });
    await page.getByRole('button', { name: 'Show sent (8)' }).click();
    await expect.poll(() => page.getByTestId('outbox-item').all()).toHaveLength(8);
    // Newest first.
    await expect.element(page.getByTestId('outbox-item').first()).toHaveTextContent('room 8');
  });
});

describe('the room panel’s End', () => {
  const onCall = () =>
    makeSnapshot({
      calls: makeCalls({ currentCall: talkingCall() }),
      rocketchat: signedInRocketChat({ rooms: [makeRoom()] }),
    });

  it('asks before it sends the end to the room, as SignalWire’s End does', async () => {
    render(RoomPanel, { snapshot: onCall(), now: NOW });
    await page.getByRole('button', { name: 'End', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.element(dialog).toHaveTextContent('Send the end of the call to the room?');
    expect(main.callsTo('roomAction')).toEqual([]);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    expect(main.callsTo('roomAction')).toEqual([]);

    await page.getByRole('button', { name: 'End', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, end it in the room' }).click();
    expect(main.callsTo('roomAction')).toEqual([['call-7', 'end']]);
  });

  it('offers "Open in Rocket.Chat" as a link-like button, not as a wide field', async () => {
    render(RoomPanel, { snapshot: onCall(), now: NOW });
    const open = page.getByRole('button', { name: 'Open in Rocket.Chat' });
    await expect.element(open).toBeVisible();
    expect(getComputedStyle(open.element()).textDecorationLine).toBe('underline');
    const panel = page.getByTestId('rocketchat-panel').element().getBoundingClientRect();
    expect(open.element().getBoundingClientRect().width).toBeLessThan(panel.width / 2);
  });
});

describe('the account in Settings', () => {
  it('says the sign-in was refused when main gave up on it, not "Signed in as"', async () => {
    const snapshot = makeSnapshot({
      mode: 'account',
      connection: {
        state: {
          status: 'offline',
          reason: 'Voicenter refused the sign-in.',
          nextRetryAt: null,
          fatal: true,
        },
        offlineSays: { code: 'login.rejected', params: { loginType: 'user' } },
        lastEventAt: null,
        tokenExpiresAt: null,
        malformedEvents: 0,
      },
    });
    snapshot.settings.voicenter.identity = 'agent@example.co.il';
    render(SignIn, { snapshot, heading: false });
    const refused = page.getByTestId('signin-refused');
    await expect.element(refused).toHaveTextContent(/^Not signed in as agent@example\.co\.il: /);
    await expect.element(refused).toHaveAttribute('role', 'alert');
    await expect.element(page.getByText(/Signed in as/)).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('draws Sign out as a button, unlike the white text fields beside it', async () => {
    const snapshot = makeSnapshot({ mode: 'account' });
    render(SignIn, { snapshot, heading: false });
    await expect.element(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const field = document.body.appendChild(document.createElement('input'));
    field.className = 'input';
    try {
      const button = getComputedStyle(page.getByRole('button', { name: 'Sign out' }).element());
      const input = getComputedStyle(field);
      expect(button.backgroundColor).not.toBe(input.backgroundColor);
      expect(button.boxShadow).not.toBe('none');
      expect(Number(button.fontWeight)).toBeGreaterThan(Number(input.fontWeight));
    } finally {
      field.remove();
    }
  });
});

describe('the incoming-call announcement', () => {
  it('tells a screen reader once per ringing call, in words', async () => {
    const ringing = (ivrid: string, callerPhone: string) =>
      makeCalls({ currentCall: talkingCall({ ivrid, callerPhone, status: 'ringing' }) });
    const shown = render(CallAnnouncer, { calls: makeCalls() });
    const region = page.getByTestId('call-announcer');
    await expect.element(region).toHaveAttribute('aria-live', 'assertive');
    await expect.element(region).toHaveTextContent('');

    shown.update((props) => (props.calls = ringing('call-1', '0501234567')));
    await expect.element(region).toHaveTextContent('Incoming call from \u2068050-123-4567\u2069');

    // Answering does not announce the same call again; the next one is announced.
    shown.update((props) => (props.calls = makeCalls({ currentCall: talkingCall() })));
    await expect.element(region).toHaveTextContent('Incoming call from \u2068050-123-4567\u2069');
    shown.update((props) => (props.calls = ringing('call-2', '')));
    await expect.element(region).toHaveTextContent('Incoming call from a hidden number');
  });

  it('speaks the agent’s language, even when main’s setting arrives after the ring', async () => {
    const calls = makeCalls({
      currentCall: talkingCall({ ivrid: 'call-3', callerPhone: '0501234567', status: 'ringing' }),
    });
    render(CallAnnouncer, { calls });
    const region = page.getByTestId('call-announcer');
    await expect.element(region).toHaveTextContent('Incoming call from');
    i18n.setLocale('he');
    try {
      await expect.element(region).toHaveTextContent('שיחה נכנסת מ-\u2068050-123-4567\u2069');
    } finally {
      i18n.setLocale('en');
    }
  });
});

describe('preset labels in a narrow window', () => {
  const LABEL = 'Customer asked for a callback tomorrow';
  const presets = [{ label: LABEL, event: { type: 'callback.requested' } }];

  /** Renders into a box as narrow as the settings drawer's body or a card at 400 px. */
  function narrow(width: number): () => void {
    const style = document.body.style.width;
    document.body.style.width = `${width}px`;
    return () => (document.body.style.width = style);
  }

  it('shows the whole label in the presets editor', async () => {
    const restore = narrow(380);
    try {
      render(PresetsEditor, { presets });
      const input = page.getByRole('textbox', { name: 'Label' });
      await expect.element(input).toHaveValue(LABEL);
      const element = input.element() as HTMLInputElement;
      expect(element.scrollWidth).toBeLessThanOrEqual(element.clientWidth);
    } finally {
      restore();
    }
  });

  it('wraps a long preset button inside the card rather than cutting it', async () => {
    const restore = narrow(300);
    try {
      const signalwire = makeSignalWire({
        configured: true,
        mode: 'relay',
        presets,
        calls: [{ ivrid: 'call-7', signalwireCallId: 'sw-1', source: 'customdata', ended: false }],
      });
      render(SignalWirePanel, {
        snapshot: makeSnapshot({ calls: makeCalls({ currentCall: talkingCall() }), signalwire }),
      });
      await expect.element(page.getByRole('button', { name: LABEL })).toBeVisible();
      const button = page.getByRole('button', { name: LABEL }).element();
      const card = page.getByTestId('signalwire-panel').element().getBoundingClientRect();
      expect(button.scrollWidth).toBeLessThanOrEqual(button.clientWidth);
      expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(card.right);
    } finally {
      restore();
    }
  });
});
