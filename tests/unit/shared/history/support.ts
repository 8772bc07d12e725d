import type { RecentCall } from '../../../../shared/domain/calls';
import { entryFromRecent, type HistoryEntry } from '../../../../shared/history/entry';
import { makeRecent } from '../../../support/calls';

/** An answered minute-long call from Dana Levi on extension 1001. */
export function recent(overrides: Partial<RecentCall> = {}): RecentCall {
  return makeRecent({
    extension: '1001',
    callerName: 'Dana Levi',
    callerPhone: '0501234567',
    did: '0722776772',
    startedAt: 1_000,
    answeredAt: 2_000,
    endedAt: 62_000,
    outcome: 'answered',
    cause: 'Normal hangup',
    ...overrides,
  });
}

export function entry(overrides: Partial<RecentCall> = {}, extra: Partial<HistoryEntry> = {}) {
  return { ...entryFromRecent(recent(overrides), 'IL'), ...extra };
}
