/** The call history and the screen pop as the window sees them (the pages travel on request). */
import type { CallerInfo } from '../history/caller-info';

export interface HistoryView {
  /** Calls in the history (at most 5,000). */
  total: number;
  /** Missed calls (and callers who gave up in a queue) since the agent last looked. */
  missedUnseen: number;
  /** Changes whenever the history does: a window showing a page asks for it again. */
  revision: number;
  /** What Ringside knows about the callers of the agent's active calls. */
  callers: CallerInfo[];
  /** The queues' wait thresholds and the queues over them now. */
  queueAlerts: QueueAlertsView;
}

/** What `exportHistory` did: saved to a file the agent chose, cancelled, or the text to download. */
export type HistoryExport =
  | { kind: 'saved'; fileName: string; rows: number }
  | { kind: 'cancelled' }
  | { kind: 'download'; fileName: string; rows: number; csv: string };

/** `callBack`: the number to call, and whether main already put it on the clipboard. */
export interface CallBack {
  number: string;
  copied: boolean;
}

/** A queue over one of the agent's thresholds now. */
export interface QueueBreach {
  queueId: number;
  queueName: string;
  /** `wait`: someone has waited longer than allowed; `count`: too many callers wait. */
  kind: 'wait' | 'count';
  waiting: number;
  longestWaitMs: number;
}

export interface QueueAlertsView {
  /** 0: off. */
  alertWaitSeconds: number;
  /** 0: off. */
  alertWaitingCount: number;
  breaches: QueueBreach[];
}
