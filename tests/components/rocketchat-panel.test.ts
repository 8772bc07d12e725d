import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import RoomPanel from '@renderer/components/rocketchat/RoomPanel.svelte';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import {
  makeCalls,
  makeRocketChat,
  makeRoom,
  makeSnapshot,
  NOW,
  signedInRocketChat,
  talkingCall,
} from './support/snapshot';

const onCall = (rocketchat = signedInRocketChat(), call = talkingCall()) =>
  makeSnapshot({ calls: makeCalls({ currentCall: call }), rocketchat });

describe('Rocket.Chat room panel', () => {
  it('asks the agent to sign in before rooms can be opened', async () => {
    render(RoomPanel, { snapshot: onCall(makeRocketChat({ configured: true })), now: NOW });
    await expect
      .element(page.getByText('Sign in to Rocket.Chat (Settings) to open rooms.'))
      .toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Open room' })).not.toBeInTheDocument();
  });

  it('opens the room of the call on screen', async () => {
    render(RoomPanel, { snapshot: onCall(), now: NOW });
    await page.getByRole('button', { name: 'Open room' }).click();
    expect(main.callsTo('openRoom')).toEqual([['call-7']]);
  });

  it('shows a refusal beside the call it concerns, not beside the next call', async () => {
    main.refuse('openRoom', 'Rocket.Chat has no visitor with this phone number.');
    const shown = render(RoomPanel, { snapshot: onCall(), now: NOW });
    await page.getByRole('button', { name: 'Open room' }).click();
    await expect
      .element(page.getByTestId('room-action-error'))
      .toHaveTextContent('Rocket.Chat has no visitor with this phone number.');
    shown.update((props) => {
      props.snapshot = onCall(signedInRocketChat(), talkingCall({ ivrid: 'call-8' }));
    });
    await expect.element(page.getByTestId('room-action-error')).not.toBeInTheDocument();
  });

  it('shows the open room and keeps it in step: hold, unhold, end', async () => {
    const rocketchat = signedInRocketChat({ rooms: [makeRoom()] });
    const shown = render(RoomPanel, { snapshot: onCall(rocketchat), now: NOW });
    await expect.element(page.getByTestId('room-caller')).toHaveTextContent('Dana Levi');
    await expect.element(page.getByTestId('room-status')).toHaveTextContent('open');
    await expect.element(page.getByRole('button', { name: 'Unhold' })).toBeDisabled();
    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    shown.update((props) => {
      props.snapshot = onCall(signedInRocketChat({ rooms: [makeRoom({ held: true })] }));
    });
    await page.getByRole('button', { name: 'Unhold' }).click();
    await page.getByRole('button', { name: 'End', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, end it in the room' }).click();
    expect(main.callsTo('roomAction')).toEqual([
      ['call-7', 'hold'],
      ['call-7', 'unhold'],
      ['call-7', 'end'],
    ]);
  });

  it('closes the room with the agent’s wrap-up', async () => {
    const room = makeRoom({ callActive: false, ended: true, needsWrapUp: true });
    const rocketchat = signedInRocketChat({
      rooms: [room],
      settings: { autoOpenRoom: false, keepInStep: true, defaultTags: ['support'] },
    });
    render(RoomPanel, { snapshot: onCall(rocketchat), now: NOW });
    await expect.element(page.getByLabelText('Tags (comma-separated)')).toHaveValue('support');
    await page.getByLabelText('Comment').fill('Asked for a refund.');
    await page.getByLabelText('Tags (comma-separated)').fill('support, refund, support');
    await page.getByRole('button', { name: 'Close room' }).click();
    expect(main.callsTo('wrapUp')).toEqual([
      ['call-7', { comment: 'Asked for a refund.', tags: ['support', 'refund'] }],
    ]);
  });

  it('lets the agent wrap up an earlier room, then follows the call again', async () => {
    const earlier = makeRoom({
      ivrid: 'call-3',
      visitorName: 'Avi Cohen',
      callActive: false,
      ended: true,
      needsWrapUp: true,
    });
    const shown = render(RoomPanel, {
      snapshot: onCall(signedInRocketChat({ rooms: [makeRoom(), earlier] })),
      now: NOW,
    });
    const pending = page.getByTestId('pending-wrapups');
    await expect.element(pending).toHaveTextContent('Avi Cohen');
    await pending.getByRole('button', { name: 'Wrap up' }).click();
    await expect.element(page.getByTestId('room-caller')).toHaveTextContent('Avi Cohen');
    await expect.element(page.getByTestId('wrapup-form')).toHaveAttribute('data-ivrid', 'call-3');
    shown.update((props) => {
      const done = { ...earlier, needsWrapUp: false, status: 'closed' as const };
      props.snapshot = onCall(signedInRocketChat({ rooms: [makeRoom(), done] }));
    });
    await expect.element(page.getByTestId('room-caller')).toHaveTextContent('Dana Levi');
  });
});
