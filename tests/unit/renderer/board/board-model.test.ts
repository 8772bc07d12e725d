import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statusLabel } from '@shared/voicenter/status';
import type { ExtensionInfo } from '@shared/domain/calls';
import { BoardModel, collatorFor } from '@renderer/lib/board/board-model';
import {
  compareExtensions,
  rowComparator,
  rowFilter,
  type BoardFilter,
  type BoardSort,
} from '@renderer/lib/board/board-order';
import { mainCall, toRow } from '@renderer/lib/board/board-row';
import { statusNamer } from '@renderer/lib/board/status-names';
import { makeCall, makeExtension } from '@tests/support/calls';

const collator = collatorFor('en');

function model(records: ExtensionInfo[], sort?: BoardSort, filter?: BoardFilter): BoardModel {
  const m = new BoardModel({
    statusName: statusLabel,
    collator,
    ...(sort ? { sort } : {}),
    ...(filter ? { filter } : {}),
  });
  m.reset(records);
  return m;
}

const numbers = (m: BoardModel) => m.slice(0, m.size).map((r) => r.number);

const talking = (ivrid: string, answeredAt: number, patch = {}) =>
  makeCall({ ivrid, status: 'talking', startedAt: answeredAt - 5_000, answeredAt, ...patch });

describe('board rows', () => {
  it('shows the call being talked or held before a newer ringing one, and counts the rest', () => {
    const held = makeCall({ ivrid: 'a', status: 'hold', answeredAt: 2_000 });
    const ringing = makeCall({ ivrid: 'b', status: 'ringing', startedAt: 3_000 });
    expect(mainCall([held, ringing])).toBe(held);
    const row = toRow(makeExtension('101', { calls: [held, ringing] }));
    expect(row).toMatchObject({ activity: 'hold', since: 2_000, callCount: 2 });
    expect(mainCall([makeCall({ ivrid: 'x' }), ringing])).toBe(ringing);
  });

  it('counts a ringing call from its start and an answered one from its answer', () => {
    expect(toRow(makeExtension('1', { calls: [makeCall({ startedAt: 7 })] })).since).toBe(7);
    expect(toRow(makeExtension('1', { calls: [talking('c', 9)] })).since).toBe(9);
    expect(toRow(makeExtension('1')).since).toBeNull();
    expect(toRow(makeExtension('1')).activity).toBe('idle');
  });

  it('names the extension by who works there, else the user', () => {
    expect(toRow(makeExtension('1', { userName: 'User', representativeName: 'Rep' })).name).toBe(
      'Rep',
    );
    expect(toRow(makeExtension('1', { userName: 'User' })).name).toBe('User');
  });
});

describe('status names', () => {
  it('uses the spec table, unknown codes as "Status N", and an administrator’s names over both', () => {
    const name = statusNamer(statusLabel, { '3': 'Break', '6': 'Coaching', '1': '  ' });
    expect(name(1)).toBe('Available');
    expect(name(3)).toBe('Break');
    expect(name(6)).toBe('Coaching');
    expect(name(4)).toBe('Status 4');
    expect(name(null)).toBe('Unknown');
  });
});

describe('search and filters', () => {
  const board = [
    makeExtension('101', { representativeName: 'Dana Levi', statusCode: 1 }),
    makeExtension('102', {
      representativeName: 'Noa Cohen',
      statusCode: 3,
      calls: [talking('q', 50, { callerPhone: '0501234567', queueId: 7 })],
    }),
    makeExtension('203', { representativeName: 'Avi Mizrahi', statusCode: 4 }),
  ];

  const shown = (filter: Partial<BoardFilter>) =>
    board
      .map(toRow)
      .filter(rowFilter({ query: '', status: 'any', queue: 'any', ...filter }))
      .map((r) => r.number);

  it('finds by name (any case), extension or the caller’s number however it is typed', () => {
    expect(shown({ query: 'dana' })).toEqual(['101']);
    expect(shown({ query: '20' })).toEqual(['203']);
    expect(shown({ query: '050-123' })).toEqual(['102']);
    expect(shown({ query: '+972 50 123 4567' })).toEqual(['102']);
    expect(shown({ query: 'nobody' })).toEqual([]);
  });

  it('filters by status code, unknown codes included, and by the queue of a call', () => {
    expect(shown({ status: 3 })).toEqual(['102']);
    expect(shown({ status: 4 })).toEqual(['203']);
    expect(shown({ queue: 7 })).toEqual(['102']);
    expect(shown({ queue: 8 })).toEqual([]);
  });
});

describe('sorting', () => {
  it('orders extensions as numbers', () => {
    expect(['100', '99', '1000', 'abc', '5'].sort(compareExtensions)).toEqual([
      '5',
      '99',
      '100',
      '1000',
      'abc',
    ]);
  });

  it('sorts by name with nameless extensions last in either direction', () => {
    const records = [
      makeExtension('1', { representativeName: 'beta' }),
      makeExtension('2'),
      makeExtension('3', { representativeName: 'Alpha' }),
    ];
    expect(numbers(model(records, { key: 'name', descending: false }))).toEqual(['3', '1', '2']);
    expect(numbers(model(records, { key: 'name', descending: true }))).toEqual(['1', '3', '2']);
  });

  it('sorts by status name and by call duration (longest first when descending, idle last)', () => {
    const records = [
      makeExtension('1', { statusCode: 3 }),
      makeExtension('2', { statusCode: 1, calls: [talking('a', 500)] }),
      makeExtension('3', { statusCode: 11, calls: [talking('b', 100)] }),
    ];
    // Available < Lunch < Training
    expect(numbers(model(records, { key: 'status', descending: false }))).toEqual(['2', '1', '3']);
    expect(numbers(model(records, { key: 'duration', descending: true }))).toEqual(['3', '2', '1']);
    expect(numbers(model(records, { key: 'duration', descending: false }))).toEqual([
      '2',
      '3',
      '1',
    ]);
  });
});

describe('BoardModel', () => {
  it('moves a changed row to its new place and keeps the others where they were', () => {
    const m = model(
      ['1', '2', '3', '4'].map((n) => makeExtension(n, { representativeName: `Agent ${n}` })),
    );
    m.upsert([makeExtension('1', { representativeName: 'Agent 9' })]);
    expect(numbers(m)).toEqual(['2', '3', '4', '1']);
    m.upsert([makeExtension('5', { representativeName: 'Agent 0' })]);
    expect(numbers(m)).toEqual(['5', '2', '3', '4', '1']);
    expect(m.total).toBe(5);
  });

  it('takes a row out when it stops matching the filter and back when it matches again', () => {
    const m = model([makeExtension('1'), makeExtension('2', { statusCode: 3 })], undefined, {
      query: '',
      status: 3,
      queue: 'any',
    });
    expect(numbers(m)).toEqual(['2']);
    m.upsert([makeExtension('1', { statusCode: 3 })]);
    m.upsert([makeExtension('2', { statusCode: 1 })]);
    expect(numbers(m)).toEqual(['1']);
    expect([...m.statuses()]).toEqual([
      [3, 1],
      [1, 1],
    ]);
  });

  it('agrees with a full sort after any sequence of changes (property)', () => {
    const record = fc.record({
      number: fc.integer({ min: 1, max: 40 }).map(String),
      name: fc.constantFrom('', 'Ann', 'bob', 'Cy', 'ann'),
      status: fc.constantFrom(null, 1, 3, 4, 11),
      since: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      queue: fc.option(fc.constantFrom(7, 8), { nil: null }),
    });
    const sort = fc.record({
      key: fc.constantFrom('name', 'extension', 'status', 'duration' as const),
      descending: fc.boolean(),
    });
    const filter = fc.record({
      query: fc.constantFrom('', 'a', '1', 'bob'),
      status: fc.constantFrom('any' as const, 1, 3, null),
      queue: fc.constantFrom('any' as const, 7),
    });
    const toRecord = (r: {
      number: string;
      name: string;
      status: number | null;
      since: number | null;
      queue: number | null;
    }): ExtensionInfo =>
      makeExtension(r.number, {
        representativeName: r.name,
        statusCode: r.status,
        calls: r.since === null ? [] : [talking(`c${r.number}`, r.since, { queueId: r.queue })],
      });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 30 }),
        fc.array(fc.array(record, { maxLength: 5 }), { maxLength: 10 }),
        sort,
        filter,
        (initial, batches, s, f) => {
          const m = model(initial.map(toRecord), s, f);
          const latest = new Map(initial.map((r) => [r.number, toRecord(r)]));
          for (const batch of batches) {
            const records = batch.map(toRecord);
            m.upsert(records);
            for (const r of records) latest.set(r.number, r);
          }
          const expected = [...latest.values()]
            .map(toRow)
            .filter(rowFilter(f))
            .sort(rowComparator(s, statusLabel, collator))
            .map((r) => r.number);
          expect(numbers(m)).toEqual(expected);
        },
      ),
    );
  });
});
