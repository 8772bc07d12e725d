import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import RecentCalls from '@renderer/components/RecentCalls.svelte';
import { makeRecent } from '@tests/support/calls';
import { render } from './support/render.svelte';
import { NOW } from './support/snapshot';

describe('RecentCalls', () => {
  it('labels each ended call the way agents mean it, with its length when answered', async () => {
    const recent = [
      makeRecent({
        ivrid: 'a',
        callerName: 'Dana Levi',
        callerPhone: '0501234567',
        outcome: 'answered',
        startedAt: NOW - 200_000,
        answeredAt: NOW - 190_000,
        endedAt: NOW - 100_000,
      }),
      makeRecent({ ivrid: 'b', callerName: '', outcome: 'missed', endedAt: NOW - 50_000 }),
      makeRecent({ ivrid: 'c', callerName: 'Avi', outcome: 'answered-elsewhere', endedAt: NOW }),
    ];
    render(RecentCalls, { recent, focusedIvrid: null, focusSeq: 0 });
    const rows = page.getByTestId('recent-call');
    await expect.element(rows.nth(0)).toHaveTextContent('Dana Levi');
    await expect.element(rows.nth(0)).toHaveTextContent('050-123-4567');
    await expect.element(rows.nth(0).getByTestId('recent-outcome')).toHaveTextContent('Answered');
    await expect.element(rows.nth(0).getByTestId('recent-duration')).toHaveTextContent('01:30');
    await expect.element(rows.nth(1)).toHaveTextContent('Unknown caller');
    await expect.element(rows.nth(1).getByTestId('recent-outcome')).toHaveTextContent('Missed');
    await expect.element(rows.nth(1).getByTestId('recent-duration')).not.toBeInTheDocument();
    await expect
      .element(rows.nth(2).getByTestId('recent-outcome'))
      .toHaveTextContent('Answered elsewhere');
  });

  it('says when there are no calls yet', async () => {
    render(RecentCalls, { recent: [], focusedIvrid: null, focusSeq: 0 });
    await expect.element(page.getByText('No calls yet.')).toBeVisible();
  });
});
