import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import Notices from '@renderer/components/Notices.svelte';
import type { Notice } from '@shared/ipc/snapshot';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { NOW } from './support/snapshot';

const notices: Notice[] = [
  { id: 'n1', level: 'warning', text: 'The settings file could not be saved.', at: NOW },
  { id: 'n2', level: 'info', text: 'Demo mode: calls are simulated.', at: NOW },
];

describe('Notices', () => {
  it('shows each notice from main in its words', async () => {
    render(Notices, { notices });
    const shown = page.getByTestId('notice');
    await expect.element(shown.nth(0)).toHaveTextContent('The settings file could not be saved.');
    await expect.element(shown.nth(1)).toHaveTextContent('Demo mode: calls are simulated.');
  });

  it('hides a dismissed notice and tells main which one', async () => {
    render(Notices, { notices });
    await page.getByTestId('notice').nth(0).getByRole('button', { name: 'Dismiss' }).click();
    await expect
      .element(page.getByText('The settings file could not be saved.'))
      .not.toBeInTheDocument();
    await expect.element(page.getByText('Demo mode: calls are simulated.')).toBeVisible();
    expect(main.callsTo('dismissNotice')).toEqual([['n1']]);
  });

  it('shows the notice again when main refuses to dismiss it', async () => {
    main.refuse('dismissNotice', 'No such notice.');
    render(Notices, { notices });
    await page.getByTestId('notice').nth(0).getByRole('button', { name: 'Dismiss' }).click();
    expect(main.callsTo('dismissNotice')).toEqual([['n1']]);
    await expect.element(page.getByText('The settings file could not be saved.')).toBeVisible();
  });

  it('shows nothing when there is nothing to say', async () => {
    render(Notices, { notices: [] });
    await expect.element(page.getByTestId('notices')).not.toBeInTheDocument();
  });
});
