import { describe, expect, it } from 'vitest';
import {
  addEntry,
  callsWith,
  HISTORY_CAP,
  pageOf,
  patchCall,
  unseenMissed,
} from '../../../../shared/history/list';
import type { HistoryEntry } from '../../../../shared/history/entry';
import { entry } from './support';

function many(count: number): HistoryEntry[] {
  let list: HistoryEntry[] = [];
  for (let i = 0; i < count; i++) list = addEntry(list, entry({ ivrid: `c${i}`, endedAt: i }));
  return list;
}

describe('the bounded list', () => {
  it('keeps the latest 5,000 calls, newest first', () => {
    const list = many(HISTORY_CAP + 7);
    expect(list).toHaveLength(HISTORY_CAP);
    expect(list[0]?.ivrid).toBe(`c${HISTORY_CAP + 6}`);
    expect(list.at(-1)?.ivrid).toBe('c7');
  });

  it('files a late entry by when the call ended', () => {
    const list = addEntry(many(3), entry({ ivrid: 'late', endedAt: 0.5 }));
    expect(list.map((e) => e.ivrid)).toEqual(['c2', 'c1', 'late', 'c0']);
  });

  it('replaces an entry for the same call and extension, keeping its room and wrap-up', () => {
    let list = addEntry([], entry({ outcome: 'ended-while-offline', answeredAt: null }));
    list = patchCall(list, 'call-1', {
      roomId: 'R1',
      wrapUp: { comment: 'ok', tags: ['x'] },
    }) as HistoryEntry[];
    list = addEntry(list, entry({ outcome: 'missed', answeredAt: null }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ outcome: 'missed', roomId: 'R1', wrapUp: { comment: 'ok' } });
  });

  it('keeps one entry per extension for a call that rang at two', () => {
    const list = addEntry([entry({ extension: '1001' })], entry({ extension: '1002' }));
    expect(list).toHaveLength(2);
  });

  it('leaves the list as it was when a patch names no call in it', () => {
    const list = many(2);
    expect(patchCall(list, 'nope', { roomId: 'R' })).toBe(list);
  });
});

describe('filters and pages', () => {
  const list = [
    entry({ ivrid: 'a', endedAt: 5, callerName: 'Dana Levi', callerPhone: '0501234567' }),
    entry({
      ivrid: 'b',
      endedAt: 4,
      outcome: 'missed',
      answeredAt: null,
      callerName: 'Noa',
      callerPhone: '972521112222',
    }),
    entry({
      ivrid: 'c',
      endedAt: 3,
      direction: 'outgoing',
      callerName: '',
      callerPhone: '+14155552671',
    }),
    entry(
      { ivrid: 'd', endedAt: 2, callerName: 'Avi', callerPhone: '0541234567' },
      { wrapUp: { comment: 'Wants a refund', tags: ['billing'] } },
    ),
  ];
  const ids = (filter: Parameters<typeof pageOf>[1]) =>
    pageOf(list, filter, 'IL').entries.map((e) => e.ivrid);

  it('filters by outcome and direction', () => {
    expect(ids({ offset: 0, limit: 10, outcomes: ['missed'] })).toEqual(['b']);
    expect(ids({ offset: 0, limit: 10, directions: ['outgoing'] })).toEqual(['c']);
    expect(ids({ offset: 0, limit: 10, outcomes: [], directions: [] })).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('finds a number however it is written', () => {
    expect(ids({ offset: 0, limit: 10, text: '+972 52-111-2222' })).toEqual(['b']);
    expect(ids({ offset: 0, limit: 10, text: '052-111-2222' })).toEqual(['b']);
    expect(ids({ offset: 0, limit: 10, text: '4567' })).toEqual(['a', 'd']);
  });

  it('finds words in names, wrap-up comments and tags, in any case', () => {
    expect(ids({ offset: 0, limit: 10, text: 'dana' })).toEqual(['a']);
    expect(ids({ offset: 0, limit: 10, text: 'REFUND' })).toEqual(['d']);
    expect(ids({ offset: 0, limit: 10, text: 'billing' })).toEqual(['d']);
  });

  it('pages the matches and counts them all', () => {
    const page = pageOf(list, { offset: 1, limit: 2 }, 'IL');
    expect(page.entries.map((e) => e.ivrid)).toEqual(['b', 'c']);
    expect(page.total).toBe(4);
  });
});

describe('missed calls until seen', () => {
  it('counts missed and abandoned calls that ended after the agent last looked', () => {
    const list = [
      entry({ ivrid: 'a', endedAt: 30, outcome: 'missed', answeredAt: null }),
      entry({ ivrid: 'b', endedAt: 20, outcome: 'abandoned', answeredAt: null, extension: '' }),
      entry({ ivrid: 'c', endedAt: 15 }),
      entry({ ivrid: 'd', endedAt: 10, outcome: 'missed', answeredAt: null }),
    ];
    expect(unseenMissed(list, 0)).toBe(3);
    expect(unseenMissed(list, 10)).toBe(2);
    expect(unseenMissed(list, 30)).toBe(0);
  });
});

describe('callsWith (the screen pop)', () => {
  it('finds earlier calls with the number, newest first, without the ringing one', () => {
    const list = [
      entry({ ivrid: 'now', endedAt: 9, callerPhone: '0501234567' }),
      entry({ ivrid: 'x', endedAt: 8, callerPhone: '0521112222' }),
      entry({ ivrid: 'y', endedAt: 7, callerPhone: '+972501234567' }),
      entry({ ivrid: 'z', endedAt: 6, callerPhone: '972501234567' }),
    ];
    expect(callsWith(list, '+972501234567', 5, 'now').map((e) => e.ivrid)).toEqual(['y', 'z']);
    expect(callsWith(list, '+972501234567', 1).map((e) => e.ivrid)).toEqual(['now']);
    expect(callsWith(list, '', 5)).toEqual([]);
  });
});
