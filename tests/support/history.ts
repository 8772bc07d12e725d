import type { HistoryView } from '@shared/ipc/history';

/** A history view with nothing in it: no calls kept, none missed, no queue alerts. */
export function historyView(patch: Partial<HistoryView> = {}): HistoryView {
  return {
    total: 0,
    missedUnseen: 0,
    revision: 0,
    callers: [],
    queueAlerts: { alertWaitSeconds: 0, alertWaitingCount: 0, breaches: [] },
    ...patch,
  };
}
