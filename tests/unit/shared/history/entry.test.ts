import { describe, expect, it } from 'vitest';
import { hangupOutcome } from '../../../../shared/calls/recent';
import type { CallInfo } from '../../../../shared/domain/calls';
import { classifyOutcome, entryFromRecent, isMissed } from '../../../../shared/history/entry';
import { recent } from './support';

const call = (overrides: Partial<CallInfo>): CallInfo => ({
  ivrid: 'c',
  callerName: '',
  callerPhone: '0501234567',
  did: '',
  direction: 'incoming',
  c2cLeg: null,
  status: 'ringing',
  startedAt: 0,
  answeredAt: null,
  queueId: null,
  campaignId: null,
  customData: {},
  recordingFile: null,
  ...overrides,
});

describe('outcome classification', () => {
  // From the hang-up the spec describes to what the history shows, through the store's own rule.
  it.each([
    ['answered here', call({ answeredAt: 5 }), 'Normal hangup', 'answered'],
    ['rang out', call({}), 'Normal hangup', 'missed'],
    ['no answer', call({}), 'User alerting, no answer', 'missed'],
    ['ring group, someone else answered', call({}), 'Answered elsewhere', 'answered-elsewhere'],
    [
      'click2call leg 1 not answered',
      call({ direction: 'click2call' }),
      'Call Rejected',
      'rejected',
    ],
    ['busy', call({ direction: 'outgoing' }), 'User busy', 'busy'],
    [
      'dialled a dead number',
      call({ direction: 'outgoing' }),
      'Unallocated (unassigned) number',
      'failed',
    ],
  ] as const)('%s -> %s', (_name, info, cause, expected) => {
    const outcome = hangupOutcome(info, cause);
    expect(classifyOutcome({ outcome, answeredAt: info.answeredAt })).toBe(expected);
  });

  it('keeps a queue abandonment as abandoned', () => {
    expect(classifyOutcome({ outcome: 'abandoned', answeredAt: null })).toBe('abandoned');
  });

  it('tells an offline ending honestly: answered if it was, otherwise unknown', () => {
    expect(classifyOutcome({ outcome: 'ended-while-offline', answeredAt: 10 })).toBe('answered');
    expect(classifyOutcome({ outcome: 'ended-while-offline', answeredAt: null })).toBe('unknown');
  });

  it('counts missed and abandoned calls as missed, nothing else', () => {
    expect(isMissed({ outcome: 'missed', direction: 'incoming' })).toBe(true);
    expect(isMissed({ outcome: 'abandoned', direction: 'incoming' })).toBe(true);
    expect(isMissed({ outcome: 'answered-elsewhere', direction: 'incoming' })).toBe(false);
    expect(isMissed({ outcome: 'answered', direction: 'incoming' })).toBe(false);
  });
});

describe('entryFromRecent', () => {
  it('keys the number for matching and measures talk time from the answer', () => {
    const e = entryFromRecent(recent({ callerPhone: '972501234567' }), 'IL', 'Agent Smith');
    expect(e).toMatchObject({
      id: 'call-1:1001',
      phoneKey: '+972501234567',
      durationMs: 60_000,
      outcome: 'answered',
      takenBy: 'Agent Smith',
      roomId: null,
      wrapUp: null,
    });
  });

  it('has no duration for a call not answered here', () => {
    const e = entryFromRecent(recent({ answeredAt: null, outcome: 'missed' }), 'IL');
    expect(e.durationMs).toBeNull();
  });
});
