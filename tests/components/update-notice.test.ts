import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import UpdateNotice from '@renderer/components/UpdateNotice.svelte';
import { ok } from '@shared/ipc/result';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';

describe('UpdateNotice', () => {
  it('offers a downloaded update and restarts only when the agent asks', async () => {
    main.answer('getUpdateStatus', () => ok({ state: 'ready', version: '1.4.0', onCall: false }));
    render(UpdateNotice, {});
    await expect.element(page.getByTestId('update-ready')).toHaveTextContent('Ringside 1.4.0');
    expect(main.callsTo('restartToUpdate')).toEqual([]);
    await page.getByRole('button', { name: 'Restart to update' }).click();
    expect(main.callsTo('restartToUpdate')).toEqual([[]]);
  });

  it('waits for the end of the call before it offers the restart', async () => {
    main.answer('getUpdateStatus', () => ok({ state: 'ready', version: '1.4.0', onCall: true }));
    render(UpdateNotice, {});
    await expect
      .element(page.getByTestId('update-ready'))
      .toHaveTextContent('You can restart when the call is over.');
    await expect.element(page.getByRole('button', { name: 'Restart to update' })).toBeDisabled();
  });

  it("shows main's refusal in words", async () => {
    main.answer('getUpdateStatus', () => ok({ state: 'ready', version: '1.4.0', onCall: false }));
    main.refuse('restartToUpdate', 'Ringside does not restart during a call.');
    render(UpdateNotice, {});
    await page.getByRole('button', { name: 'Restart to update' }).click();
    await expect
      .element(page.getByTestId('update-ready'))
      .toHaveTextContent('Ringside does not restart during a call.');
  });

  it('shows nothing while no update is ready, or where updates are off', async () => {
    main.answer('getUpdateStatus', () => ok({ state: 'off', reason: 'disabled-by-admin' }));
    render(UpdateNotice, {});
    await expect.poll(() => main.callsTo('getUpdateStatus').length).toBe(1);
    await expect.element(page.getByTestId('update-ready')).not.toBeInTheDocument();
  });
});
