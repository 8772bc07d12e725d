import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import CurrentCallCard from '@renderer/components/CurrentCallCard.svelte';
import { render } from './support/render.svelte';
import { makeCalls, NOW, talkingCall } from './support/snapshot';

const card = () => page.getByTestId('call-card');
const props = (calls = makeCalls(), now = NOW) => ({
  calls,
  now,
  focusedIvrid: null,
  focusSeq: 0,
});

describe('CurrentCallCard', () => {
  it('says there is no call', async () => {
    render(CurrentCallCard, props());
    await expect.element(card()).toHaveTextContent('No call right now');
  });

  it('shows who is calling, on which line, in which state and for how long', async () => {
    render(CurrentCallCard, props(makeCalls({ currentCall: talkingCall() })));
    await expect.element(page.getByTestId('caller-name')).toHaveTextContent('Dana Levi');
    await expect.element(page.getByTestId('caller-number')).toHaveTextContent('050-123-4567');
    await expect.element(page.getByTestId('call-did')).toHaveTextContent('line 03-765-4321');
    await expect.element(page.getByTestId('call-extension')).toHaveTextContent('Extension 101');
    await expect.element(page.getByTestId('call-status')).toHaveTextContent('Talking');
    await expect.element(page.getByTestId('call-direction')).toHaveTextContent('Incoming');
    await expect.element(page.getByTestId('call-timer')).toHaveTextContent('01:15');
  });

  it('counts on as main’s clock moves', async () => {
    const shown = render(CurrentCallCard, props(makeCalls({ currentCall: talkingCall() })));
    shown.update((p) => (p.now = NOW + 60_000));
    await expect.element(page.getByTestId('call-timer')).toHaveTextContent('02:15');
  });

  it('names a caller without a name or number plainly', async () => {
    const call = talkingCall({ callerName: '', callerPhone: '', status: 'ringing' });
    render(CurrentCallCard, props(makeCalls({ currentCall: call })));
    await expect.element(page.getByTestId('caller-name')).toHaveTextContent('Unknown caller');
    await expect.element(page.getByTestId('caller-number')).toHaveTextContent('No caller ID');
    await expect.element(page.getByTestId('call-status')).toHaveTextContent('Ringing');
  });

  it('keeps the ended call with its outcome until the next one', async () => {
    const last = { ...talkingCall(), endedAt: NOW - 5_000, outcome: 'missed' as const };
    render(CurrentCallCard, props(makeCalls({ lastCall: last })));
    await expect.element(page.getByTestId('call-status')).toHaveTextContent('Ended');
    await expect.element(page.getByTestId('call-outcome')).toHaveTextContent('Missed');
    await expect.element(card()).toHaveAttribute('data-status', 'ended');
  });
});
