// The call history's IPC methods, merged into the contract.
import { z } from 'zod';
import { method } from './define';
import { HISTORY_OUTCOMES, type HistoryOutcome } from '../history/entry';
import type { HistoryPage } from '../history/list';
import type { CallBack, HistoryExport, QueueAlertsView } from './history';

const outcomes = HISTORY_OUTCOMES as [HistoryOutcome, ...HistoryOutcome[]];
const directions = ['incoming', 'outgoing', 'click2call', 'spy', 'unknown'] as const;

export const historyFilterSchema = z
  .object({
    outcomes: z.array(z.enum(outcomes)).max(outcomes.length).optional(),
    directions: z.array(z.enum(directions)).max(directions.length).optional(),
    text: z.string().max(200).optional(),
  })
  .strict();

export const historyPageSchema = historyFilterSchema
  .extend({
    offset: z.number().int().min(0).max(5_000),
    limit: z.number().int().min(1).max(200),
  })
  .strict();

const entryId = z.string().trim().min(1).max(300);

export const queueAlertsPatchSchema = z
  .object({
    alertWaitSeconds: z.int().min(0).max(7_200).optional(),
    alertWaitingCount: z.int().min(0).max(1_000).optional(),
  })
  .strict();

export const historyMethods = {
  /** A page of the call history, newest first, with how many calls match the filter. */
  queryHistory: method<HistoryPage>()(z.tuple([historyPageSchema])),
  /** The calls the filter lets through as CSV: saved where the agent chooses, or returned to download. */
  exportHistory: method<HistoryExport>()(z.tuple([historyFilterSchema])),
  /** The agent looked at the history: missed calls so far no longer count as unseen. */
  markHistorySeen: method()(z.tuple([])),
  /** "Call back": the call's number, copied to the clipboard where main can. */
  callBack: method<CallBack>()(z.tuple([entryId])),
  /** The queues' thresholds (0 turns one off); answers them with the queues over them now. */
  updateQueueAlerts: method<QueueAlertsView>()(z.tuple([queueAlertsPatchSchema])),
} as const;
