import { describe, expect, it } from 'vitest';
import { addRecent, hangupOutcome, RECENT_CALLS_CAP } from '../../../../shared/calls/recent';
import type { CallDirection, CallInfo, RecentCall } from '../../../../shared/domain/calls';
import { makeCall, makeRecent } from '../../../support/calls';

function call(direction: CallDirection, answeredAt: number | null): CallInfo {
  return makeCall({ ivrid: 'x', direction, status: 'talking', startedAt: 1, answeredAt });
}

describe('hangupOutcome', () => {
  it.each([
    ['incoming', 5, 'Answered elsewhere', 'answered-elsewhere'],
    ['incoming', null, 'Answered elsewhere', 'answered-elsewhere'],
    ['click2call', null, 'Call Rejected', 'rejected'],
    ['outgoing', null, 'User busy', 'busy'],
    ['outgoing', null, 'Unallocated (unassigned) number', 'failed'],
    ['outgoing', null, 'No user responding', 'failed'],
    ['incoming', null, 'No user responding', 'missed'],
    ['incoming', 5, 'Normal hangup', 'answered'],
    ['outgoing', 5, 'Normal hangup', 'answered'],
    ['click2call', 5, 'Normal hangup', 'answered'],
    ['incoming', null, 'Normal hangup', 'missed'],
    ['click2call', null, 'Normal hangup', 'missed'],
    ['incoming', null, 'User alerting, no answer', 'missed'],
    ['outgoing', null, 'Normal hangup', 'failed'],
    ['spy', null, 'Unknown', 'failed'],
    ['unknown', null, 'Something new', 'failed'],
    ['incoming', null, '', 'missed'],
  ] as const)('%s answered=%s cause %j -> %s', (direction, answeredAt, cause, outcome) => {
    expect(hangupOutcome(call(direction, answeredAt), cause)).toBe(outcome);
  });
});

describe('addRecent', () => {
  const entry = (ivrid: string, outcome: RecentCall['outcome'], extension = '1'): RecentCall =>
    makeRecent({ ivrid, extension, outcome });

  it('puts new entries first and replaces same call+extension+outcome', () => {
    let list = addRecent([], entry('a', 'missed'));
    list = addRecent(list, entry('b', 'missed'));
    list = addRecent(list, entry('a', 'missed'));
    list = addRecent(list, entry('a', 'missed', '2'));
    expect(list.map((r) => `${r.ivrid}@${r.extension}`)).toEqual(['a@2', 'a@1', 'b@1']);
  });

  it('a real outcome replaces a provisional ended-while-offline one, not the reverse', () => {
    let list = addRecent([], entry('a', 'ended-while-offline'));
    list = addRecent(list, entry('a', 'answered'));
    expect(list.map((r) => r.outcome)).toEqual(['answered']);
    list = addRecent(list, entry('a', 'ended-while-offline'));
    expect(list.map((r) => r.outcome)).toEqual(['ended-while-offline', 'answered']);
  });

  it('caps the list', () => {
    let list: RecentCall[] = [];
    for (let i = 0; i < RECENT_CALLS_CAP + 5; i++) list = addRecent(list, entry(`c${i}`, 'missed'));
    expect(list).toHaveLength(RECENT_CALLS_CAP);
    expect(list.at(-1)?.ivrid).toBe('c5');
  });
});
