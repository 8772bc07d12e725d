import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import Queues from '@renderer/components/Queues.svelte';
import type { QueueInfo } from '@shared/domain/calls';
import { makeRecent } from '@tests/support/calls';
import { render } from './support/render.svelte';
import { NOW } from './support/snapshot';

const sales: QueueInfo = {
  id: 2,
  name: 'Sales',
  calls: [
    { ivrid: 'q-1', callerId: '0521112222', callerName: 'Noa', joinedAt: NOW - 95_000 },
    { ivrid: 'q-2', callerId: '0533334444', callerName: 'Avi', joinedAt: NOW - 20_000 },
  ],
};
const billing: QueueInfo = { id: 1, name: 'Billing', calls: [] };

describe('Queues', () => {
  it('lists the queues by name with who waits, the longest wait and who gave up', async () => {
    const recent = [
      makeRecent({ ivrid: 'gone-1', queueId: 2, outcome: 'abandoned' }),
      makeRecent({ ivrid: 'gone-2', queueId: 2, outcome: 'abandoned' }),
      makeRecent({ ivrid: 'other', queueId: 1, outcome: 'answered' }),
    ];
    render(Queues, { queues: { '2': sales, '1': billing }, recent, now: NOW });
    const rows = page.getByTestId('queue-row');
    await expect.element(rows.nth(0)).toHaveTextContent('Billing');
    await expect.element(rows.nth(0).getByTestId('queue-waiting')).toHaveTextContent('0');
    await expect.element(rows.nth(0).getByTestId('queue-longest')).toHaveTextContent('—');
    await expect.element(rows.nth(1)).toHaveTextContent('Sales');
    await expect.element(rows.nth(1)).toHaveTextContent('Noa 052-111-2222');
    await expect.element(rows.nth(1).getByTestId('queue-waiting')).toHaveTextContent('2');
    await expect.element(rows.nth(1).getByTestId('queue-longest')).toHaveTextContent('01:35');
    await expect.element(rows.nth(1).getByTestId('queue-abandoned')).toHaveTextContent('2');
  });

  it('says when the login has no queues', async () => {
    render(Queues, { queues: {}, recent: [], now: NOW });
    await expect.element(page.getByText('No queues on this login.')).toBeVisible();
  });
});
