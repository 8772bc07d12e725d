import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import HistoryPanel from '@renderer/components/history/HistoryPanel.svelte';
import CallerInfo from '@renderer/components/history/CallerInfo.svelte';
import AbandonedCallers from '@renderer/components/history/AbandonedCallers.svelte';
import QueueAlerts from '@renderer/components/history/QueueAlerts.svelte';
import { entryFromRecent, type HistoryEntry } from '@shared/history/entry';
import type { HistoryView } from '@shared/ipc/history';
import { ok } from '@shared/ipc/result';
import { callsView } from '@shared/calls/view';
import { callStateOf, makeCall, makeRecent } from '@tests/support/calls';
import { historyView } from '@tests/support/history';
import { main } from './support/fake-main';
import { render } from './support/render.svelte';
import { NOW } from './support/snapshot';

const entries: HistoryEntry[] = [
  entryFromRecent(
    makeRecent({
      ivrid: 'a',
      extension: '101',
      callerName: 'Dana Levi',
      callerPhone: '0501234567',
      outcome: 'missed',
      endedAt: NOW - 60_000,
    }),
    'IL',
  ),
  {
    ...entryFromRecent(
      makeRecent({
        ivrid: 'b',
        extension: '101',
        callerName: 'Avi',
        callerPhone: '0541112222',
        outcome: 'answered',
        answeredAt: NOW - 200_000,
        endedAt: NOW - 110_000,
      }),
      'IL',
      'Clark Kent',
    ),
    wrapUp: { comment: 'Wants a refund', tags: ['billing'] },
  },
];

const view = (patch: Partial<HistoryView> = {}): HistoryView =>
  historyView({ total: entries.length, revision: 1, ...patch });

describe('HistoryPanel', () => {
  it('lists the calls main answers, with outcome, who took it and the wrap-up', async () => {
    main.answer('queryHistory', () => ok({ entries, total: 2, offset: 0 }));
    render(HistoryPanel, { view: view() });
    const rows = page.getByTestId('history-entry');
    await expect.element(rows.nth(0)).toHaveTextContent('Dana Levi');
    await expect
      .element(rows.nth(0).getByTestId('history-outcome-label'))
      .toHaveTextContent('Missed');
    await expect.element(rows.nth(1)).toHaveTextContent('Taken by Clark Kent');
    await expect
      .element(rows.nth(1).getByTestId('history-wrapup'))
      .toHaveTextContent('Wants a refund');
    expect(main.callsTo('queryHistory')[0]).toEqual([{ offset: 0, limit: 50 }]);
  });

  it('asks again with the filter the agent chose', async () => {
    main.answer('queryHistory', () => ok({ entries: [], total: 0, offset: 0 }));
    render(HistoryPanel, { view: view() });
    await page.getByTestId('history-outcome').selectOptions('missed');
    await page.getByRole('searchbox', { name: 'Search' }).fill('050');
    await expect
      .poll(() => main.callsTo('queryHistory').at(-1))
      .toEqual([{ outcomes: ['missed'], text: '050', offset: 0, limit: 50 }]);
    await expect.element(page.getByText('No calls match.')).toBeVisible();
  });

  it('marks missed calls seen while shown, and asks again when the history changes', async () => {
    main.answer('queryHistory', () => ok({ entries, total: 2, offset: 0 }));
    const rendered = render(HistoryPanel, { view: view({ missedUnseen: 1 }) });
    await expect.poll(() => main.callsTo('markHistorySeen').length).toBe(1);
    const asked = main.callsTo('queryHistory').length;
    rendered.update((props) => (props.view = view({ revision: 2 })));
    await expect.poll(() => main.callsTo('queryHistory').length).toBe(asked + 1);
  });

  it('call back: says the number main copied', async () => {
    main.answer('queryHistory', () => ok({ entries, total: 2, offset: 0 }));
    main.answer('callBack', () => ok({ number: '050-123-4567', copied: true }));
    render(HistoryPanel, { view: view() });
    await page.getByRole('button', { name: 'Call back 050-123-4567: copy the number' }).click();
    expect(main.callsTo('callBack')).toEqual([['a:101']]);
    await expect
      .element(page.getByTestId('history-status'))
      .toHaveTextContent('Copied 050-123-4567.');
  });

  it('export: says where main saved the file', async () => {
    main.answer('queryHistory', () => ok({ entries, total: 2, offset: 0 }));
    main.answer('exportHistory', () =>
      ok({ kind: 'saved' as const, fileName: '/home/a/calls.csv', rows: 2 }),
    );
    render(HistoryPanel, { view: view() });
    await page.getByTestId('history-export').click();
    await expect
      .element(page.getByTestId('history-status'))
      .toHaveTextContent('Saved 2 calls to /home/a/calls.csv.');
  });

  it('says when there are no calls yet', async () => {
    main.answer('queryHistory', () => ok({ entries: [], total: 0, offset: 0 }));
    render(HistoryPanel, { view: view({ total: 0 }) });
    await expect.element(page.getByTestId('history-empty')).toBeVisible();
  });
});

describe('CallerInfo', () => {
  const ringing = callsView(
    callStateOf({
      ownExtensions: ['101'],
      calls: [{ extension: '101', call: makeCall({ ivrid: 'now', status: 'ringing' }) }],
    }),
  );

  it('shows earlier calls, the visitor and the custom data of the ringing call', async () => {
    render(CallerInfo, {
      calls: ringing,
      history: view({
        callers: [
          {
            ivrid: 'now',
            phoneKey: '+972501234567',
            previous: [
              {
                ivrid: 'a',
                endedAt: NOW - 60_000,
                outcome: 'missed',
                direction: 'incoming',
                takenBy: '',
                durationMs: null,
                wrapUp: null,
              },
            ],
            previousTotal: 1,
            rocketchat: {
              status: 'found',
              name: 'Dana Levi',
              openRoom: null,
              closed: [
                {
                  rid: 'R1',
                  ivrid: 'old',
                  startedAt: NOW - 90_000_000,
                  closedAt: NOW - 89_000_000,
                  agent: 'agent.demo',
                  comment: 'Billing question',
                  tags: ['billing'],
                  link: null,
                },
              ],
            },
            extras: [
              { label: 'Order id', value: 'A-17' },
              { label: 'Vip', value: true },
            ],
          },
        ],
      }),
    });
    const card = page.getByTestId('caller-info');
    await expect
      .element(card.getByTestId('caller-previous-count'))
      .toHaveTextContent('1 earlier call');
    await expect.element(card.getByTestId('caller-previous')).toHaveTextContent('Missed');
    await expect.element(card.getByTestId('caller-visitor')).toHaveTextContent('Dana Levi');
    await expect
      .element(card.getByTestId('caller-conversation'))
      .toHaveTextContent('Billing question');
    await expect.element(card.getByTestId('caller-extras')).toHaveTextContent('Order id');
    await expect.element(card.getByTestId('caller-extras')).toHaveTextContent('Yes');
  });

  it('shows nothing for a call Ringside has not looked up', async () => {
    render(CallerInfo, { calls: ringing, history: view() });
    await expect.element(page.getByTestId('caller-info')).not.toBeInTheDocument();
  });
});

describe('AbandonedCallers', () => {
  const abandoned = entryFromRecent(
    makeRecent({
      ivrid: 'q-1',
      extension: '',
      callerName: 'Noa',
      callerPhone: '0521112222',
      outcome: 'abandoned',
      startedAt: NOW - 100_000,
      endedAt: NOW - 40_000,
      queueId: 7,
    }),
    'IL',
  );

  it('lists who gave up, from which queue and how long they waited, with call back', async () => {
    main.answer('queryHistory', () => ok({ entries: [abandoned], total: 1, offset: 0 }));
    main.answer('callBack', () => ok({ number: '052-111-2222', copied: true }));
    render(AbandonedCallers, { view: view() });
    const row = page.getByTestId('abandoned-caller');
    await expect.element(row).toHaveTextContent('Noa');
    await expect.element(row).toHaveTextContent('Queue 7');
    await expect.element(row).toHaveTextContent('waited 01:00');
    expect(main.callsTo('queryHistory')[0]).toEqual([
      { outcomes: ['abandoned'], offset: 0, limit: 5 },
    ]);
    await row.getByTestId('abandoned-call-back').click();
    expect(main.callsTo('callBack')).toEqual([['q-1:']]);
  });

  it('shows nothing while nobody gave up', async () => {
    main.answer('queryHistory', () => ok({ entries: [], total: 0, offset: 0 }));
    render(AbandonedCallers, { view: view() });
    await expect.element(page.getByTestId('abandoned-callers')).not.toBeInTheDocument();
  });
});

describe('QueueAlerts', () => {
  it('sends the thresholds the agent typed and says they were saved', async () => {
    main.answer('updateQueueAlerts', () =>
      ok({ alertWaitSeconds: 90, alertWaitingCount: 4, breaches: [] }),
    );
    render(QueueAlerts, { alerts: { alertWaitSeconds: 0, alertWaitingCount: 0, breaches: [] } });
    await page.getByRole('spinbutton', { name: 'Longest wait (seconds)' }).fill('90');
    await page.getByRole('spinbutton', { name: 'Callers waiting in one queue' }).fill('4');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(main.callsTo('updateQueueAlerts')).toEqual([
      [{ alertWaitSeconds: 90, alertWaitingCount: 4 }],
    ]);
    await expect.element(page.getByText('Saved.')).toBeVisible();
  });
});
