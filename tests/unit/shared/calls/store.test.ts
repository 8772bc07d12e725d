import { describe, expect, it } from 'vitest';
import { activeCallKey, CallStore, RECENT_CALLS_CAP } from '../../../../shared/calls/store';
import type { RealtimeEvent, RecentCall } from '../../../../shared/domain/calls';
import {
  allExtensionsStatus,
  extensionEvent,
  T0,
  utcMs,
  wireCall,
  type WireCallInput,
} from '../../../fixtures/voicenter/builders';
import { Harness } from './harness';
import { activeCallKeys } from '../../../support/calls';

const OWN = '100';

function ext(
  reason: string,
  at: number,
  number: number,
  call: WireCallInput | null,
  more: { calls?: WireCallInput[]; cause?: string; status?: number } = {},
) {
  const current = call ? wireCall(call) : undefined;
  const calls = more.calls ?? (call && reason !== 'HANGUP' ? [call] : []);
  return [
    'ExtensionEvent',
    extensionEvent({
      reason,
      at,
      number,
      ...(current ? { currentCall: current } : {}),
      calls: calls.map(wireCall),
      ...(more.cause === undefined
        ? {}
        : {
            cause: more.cause,
            ivruniqueid: call?.ivrid ?? '',
            callerID: call?.phone ?? '0501234567',
          }),
      ...(more.status === undefined ? {} : { status: more.status }),
    }),
  ] as const;
}

function snapshot(at: number, ...exts: { number: number; calls?: WireCallInput[] }[]) {
  return [
    'AllExtensionsStatus',
    allExtensionsStatus(
      exts.map((e) => ({ number: e.number, calls: (e.calls ?? []).map(wireCall) })),
      at,
    ),
  ] as const;
}

describe('incoming call with hold and unhold', () => {
  const a: WireCallInput = { ivrid: 'in-1', status: 'Ringing', started: T0 };
  const talking = { ...a, status: 'Talking', answered: T0 + 5 };

  it('rings, is answered, held, resumed and hung up', () => {
    const h = new Harness([OWN]);
    h.run([snapshot(T0 - 10, { number: 100 }), ext('NEWCALL', T0, 100, a)]);
    expect(h.state.currentCall).toMatchObject({
      extension: OWN,
      call: { ivrid: 'in-1', status: 'ringing' },
    });
    expect(h.board.get(OWN)?.calls.map((c) => c.status)).toEqual(['ringing']);
    // The agent's side holds the own extension's board record itself.
    expect(h.state.own[OWN]).toBe(h.board.get(OWN));

    h.send(...ext('ANSWER', T0 + 5, 100, talking));
    expect(h.state.currentCall?.call).toMatchObject({
      status: 'talking',
      answeredAt: utcMs(T0 + 5),
    });

    // The payload still says Talking: HOLD decides.
    h.send(...ext('HOLD', T0 + 20, 100, talking));
    expect(h.state.currentCall?.call.status).toBe('hold');
    expect(h.board.get(OWN)?.calls[0]?.status).toBe('hold');

    h.send(...ext('UNHOLD', T0 + 30, 100, { ...talking, status: 'Hold' }));
    expect(h.state.currentCall?.call.status).toBe('talking');

    h.send(...ext('HANGUP', T0 + 60, 100, talking, { cause: 'Normal hangup' }));
    expect(activeCallKeys(h.board)).toEqual([]);
    expect(h.state.currentCall).toBeNull();
    expect(h.board.get(OWN)?.calls).toEqual([]);
    expect(h.state.lastCall).toMatchObject({
      extension: OWN,
      call: { ivrid: 'in-1', status: 'ended' },
      endedAt: utcMs(T0 + 60),
      outcome: 'answered',
    });
    expect(h.state.recent).toEqual<RecentCall[]>([
      {
        ivrid: 'in-1',
        extension: OWN,
        callerName: 'Test Caller',
        callerPhone: '0501234567',
        did: '0722776772',
        direction: 'incoming',
        startedAt: utcMs(T0),
        answeredAt: utcMs(T0 + 5),
        endedAt: utcMs(T0 + 60),
        outcome: 'answered',
        cause: 'Normal hangup',
        queueId: null,
      },
    ]);
  });

  it('ANSWER without an answer time still counts as answered', () => {
    const h = new Harness([OWN]);
    h.run([ext('NEWCALL', T0, 100, a), ext('ANSWER', T0 + 3, 100, { ...a, status: 'Ringing' })]);
    expect(h.state.currentCall?.call).toMatchObject({
      status: 'talking',
      answeredAt: utcMs(T0 + 3),
    });
  });
});

describe('missed call', () => {
  it('NEWCALL then HANGUP with callAnswered 0 is missed', () => {
    const h = new Harness([OWN]);
    const call: WireCallInput = { ivrid: 'm-1', answered: 0 };
    h.run([
      ext('NEWCALL', T0, 100, call),
      ext('HANGUP', T0 + 20, 100, call, { cause: 'Normal hangup' }),
    ]);
    expect(h.state.recent.map((r) => [r.ivrid, r.outcome])).toEqual([['m-1', 'missed']]);
    expect(h.state.lastCall?.outcome).toBe('missed');
  });
});

describe('ring group', () => {
  const call: WireCallInput = { ivrid: 'rg-1' };

  it('answered elsewhere: one active call per extension, only the own one leaves a trace', () => {
    const h = new Harness([OWN]);
    h.run([
      snapshot(T0 - 1, { number: 100 }, { number: 101 }, { number: 102 }),
      ext('NEWCALL', T0, 100, call),
      ext('NEWCALL', T0, 101, call),
      ext('NEWCALL', T0, 102, call),
    ]);
    expect(activeCallKeys(h.board)).toEqual(['100:rg-1', '101:rg-1', '102:rg-1']);
    expect(h.state.currentCall?.extension).toBe(OWN);

    const answered = { ...call, status: 'Talking', answered: T0 + 4 };
    h.run([
      ext('ANSWER', T0 + 4, 101, answered),
      ext('HANGUP', T0 + 4, 100, call, { cause: 'Answered elsewhere' }),
      ext('HANGUP', T0 + 4, 102, call, { cause: 'Answered elsewhere' }),
    ]);
    expect(activeCallKeys(h.board)).toEqual(['101:rg-1']);
    expect(h.state.currentCall).toBeNull();
    expect(h.state.lastCall?.outcome).toBe('answered-elsewhere');
    expect(h.state.recent.map((r) => [r.extension, r.outcome])).toEqual([
      [OWN, 'answered-elsewhere'],
    ]);

    h.send(...ext('HANGUP', T0 + 90, 101, answered, { cause: 'Normal hangup' }));
    expect(h.board.activeCallCount).toBe(0);
    expect(h.state.recent).toHaveLength(1);
  });

  it('answered here: the other extensions do not touch the card', () => {
    const h = new Harness([OWN]);
    const talking = { ...call, status: 'Talking', answered: T0 + 2 };
    h.run([
      ext('NEWCALL', T0, 100, call),
      ext('NEWCALL', T0, 101, call),
      ext('ANSWER', T0 + 2, 100, talking),
      ext('HANGUP', T0 + 2, 101, call, { cause: 'Answered elsewhere' }),
    ]);
    expect(h.state.currentCall).toMatchObject({ extension: OWN, call: { status: 'talking' } });
    expect(h.state.recent).toEqual([]);
  });
});

describe('click2call', () => {
  it('keeps one active call across both legs and records an unanswered leg 1 as rejected', () => {
    const h = new Harness([OWN]);
    const leg1: WireCallInput = {
      ivrid: 'c2c',
      direction: 'Click2call',
      status: 'Dialing',
      leg: '1',
    };
    h.run([ext('NEWCALL', T0, 100, leg1)]);
    expect(activeCallKeys(h.board)).toEqual([activeCallKey(OWN, 'c2c')]);
    h.send(...ext('HANGUP', T0 + 30, 100, leg1, { cause: 'Call Rejected' }));
    expect(h.state.recent[0]).toMatchObject({ direction: 'click2call', outcome: 'rejected' });
  });

  it('leg 2 starts unanswered even though leg 1 was', () => {
    const h = new Harness([OWN]);
    const leg1: WireCallInput = {
      ivrid: 'c2c',
      direction: 'Click2Call',
      status: 'Talking',
      leg: '1',
      answered: T0 + 2,
    };
    const leg2: WireCallInput = { ...leg1, leg: '2', answered: 0 };
    h.run([ext('ANSWER', T0 + 2, 100, leg1), ext('NEWCALL', T0 + 3, 100, leg2)]);
    expect(h.state.currentCall?.call).toMatchObject({ c2cLeg: 2, answeredAt: null });
    h.send(...ext('HANGUP', T0 + 40, 100, leg2, { cause: 'Normal hangup' }));
    expect(h.state.recent[0]?.outcome).toBe('missed');
  });
});

describe('current call', () => {
  it('is the most recently changed own call; the other one takes over when it ends', () => {
    const h = new Harness([OWN]);
    const first = { ivrid: 'first', status: 'Talking', answered: T0 };
    const second = { ivrid: 'second', status: 'Ringing' };
    h.run([
      ext('ANSWER', T0, 100, first),
      ext('NEWCALL', T0 + 10, 100, second, { calls: [first, second] }),
    ]);
    expect(h.state.currentCall?.call.ivrid).toBe('second');
    h.send(...ext('HANGUP', T0 + 15, 100, second, { cause: 'Normal hangup', calls: [first] }));
    expect(h.state.currentCall?.call.ivrid).toBe('first');
    expect(h.state.lastCall).toMatchObject({
      call: { ivrid: 'second', status: 'ended' },
      outcome: 'missed',
    });
    h.send(...ext('HOLD', T0 + 20, 100, first, { calls: [first] }));
    expect(h.state.currentCall?.call.status).toBe('hold');
  });

  it('ignores calls on other extensions and follows setOwnExtensions', () => {
    const h = new Harness([OWN]);
    h.run([
      ext('NEWCALL', T0, 100, { ivrid: 'mine' }),
      ext('NEWCALL', T0 + 1, 200, { ivrid: 'theirs' }),
    ]);
    expect(h.state.currentCall?.call.ivrid).toBe('mine');
    const moved = h.store.setOwnExtensions([' 200 ', '200', '']).after;
    expect(moved).toBe(h.state);
    expect(moved.ownExtensions).toEqual(['200']);
    expect(moved.currentCall?.call.ivrid).toBe('theirs');
    expect(h.store.setOwnExtensions([]).after.currentCall).toBeNull();
  });

  it('falls back to the extension calls when currentCall is missing', () => {
    const h = new Harness([OWN]);
    const payload = extensionEvent({
      reason: 'NEWCALL',
      at: T0,
      number: 100,
      calls: [wireCall({ ivrid: 'only' })],
    });
    h.send('ExtensionEvent', payload);
    expect(h.state.currentCall?.call.ivrid).toBe('only');
    const hangup = extensionEvent({
      reason: 'HANGUP',
      at: T0 + 9,
      number: 100,
      calls: [],
      cause: 'Normal hangup',
    });
    h.send('ExtensionEvent', hangup);
    expect(activeCallKeys(h.board)).toEqual([]);
    expect(h.state.recent[0]).toMatchObject({ ivrid: 'only', outcome: 'missed' });
  });
});

describe('snapshot reconciliation', () => {
  it('ends ghost calls, adds unknown ones, replaces the board', () => {
    const h = new Harness([OWN]);
    h.run([
      snapshot(T0, { number: 100 }, { number: 101 }),
      ext('ANSWER', T0 + 1, 100, { ivrid: 'ghost', status: 'Talking', answered: T0 + 1 }),
      ext('NEWCALL', T0 + 2, 101, { ivrid: 'other-ghost' }),
    ]);
    // Reconnect: the server no longer lists either call, but lists a new one on 100, and 101 is gone.
    h.send(
      ...snapshot(T0 + 300, {
        number: 100,
        calls: [{ ivrid: 'new', status: 'Talking', answered: T0 + 250 }],
      }),
    );
    expect([...h.board.values()].map((record) => record.number)).toEqual([OWN]);
    expect(activeCallKeys(h.board)).toEqual(['100:new']);
    expect(h.state.currentCall?.call.ivrid).toBe('new');
    expect(h.state.lastCall).toMatchObject({
      call: { ivrid: 'ghost' },
      outcome: 'ended-while-offline',
    });
    expect(h.state.recent).toEqual([
      expect.objectContaining({
        ivrid: 'ghost',
        outcome: 'ended-while-offline',
        cause: '',
        endedAt: utcMs(T0 + 300),
      }),
    ]);
    expect(h.board.get(OWN)?.calls.map((c) => c.ivrid)).toEqual(['new']);
  });

  it('keeps calls the snapshot still lists, and a late HANGUP replaces the provisional entry', () => {
    const h = new Harness([OWN]);
    const call = { ivrid: 'kept', status: 'Talking', answered: T0 };
    h.run([
      ext('ANSWER', T0, 100, call),
      snapshot(T0 + 5, { number: 100, calls: [{ ...call, status: 'Hold' }] }),
    ]);
    expect(h.state.currentCall?.call.status).toBe('hold');
    h.run([
      snapshot(T0 + 9, { number: 100 }),
      ext('HANGUP', T0 + 10, 100, call, { cause: 'Normal hangup' }),
    ]);
    expect(h.state.recent.map((r) => r.outcome)).toEqual(['answered']);
  });

  it('a user login (one extension, nothing configured) makes that extension own', () => {
    const h = new Harness([]);
    h.send(...snapshot(T0, { number: 555, calls: [{ ivrid: 'r' }] }));
    expect(h.state.ownExtensions).toEqual(['555']);
    expect(h.state.currentCall?.call.ivrid).toBe('r');
    const account = new Harness([]);
    account.send(...snapshot(T0, { number: 1 }, { number: 2 }));
    expect(account.state.ownExtensions).toEqual([]);
  });

  it('queuesSnapshot replaces the queues', () => {
    const h = new Harness();
    const queue = (id: number) => ({ QueueID: id, QueueName: `Q${id}`, Calls: [] });
    h.send('loginStatus', { errorCode: 0, servertime: T0, queues: [queue(1), queue(2)] });
    h.send('loginStatus', { errorCode: 0, servertime: T0, queues: [queue(3)] });
    expect(Object.keys(h.state.queues)).toEqual(['3']);
  });
});

describe('status and unknown reasons', () => {
  it('userStatusUpdate changes the status only', () => {
    const h = new Harness([OWN]);
    h.run([snapshot(T0, { number: 100 }), ext('NEWCALL', T0 + 1, 100, { ivrid: 'x' })]);
    const payload = extensionEvent({
      reason: 'userStatusUpdate',
      at: T0 + 2,
      number: 100,
      status: 3,
      statusUpdated: 1606917164000,
      name: 'Someone Else',
    });
    h.send('ExtensionEvent', payload);
    expect(h.board.get(OWN)).toMatchObject({
      statusCode: 3,
      statusUpdatedAt: 1606917164000,
      userName: 'Agent 100',
      calls: [expect.objectContaining({ ivrid: 'x' })],
    });
    expect(activeCallKeys(h.board)).toEqual(['100:x']);
  });

  it('an unknown reason refreshes the extension and leaves calls alone', () => {
    const h = new Harness([OWN]);
    h.run([
      ext('NEWCALL', T0, 100, { ivrid: 'x' }),
      ext('TRANSFER', T0 + 1, 100, null, { calls: [], status: 9 }),
    ]);
    expect(h.board.get(OWN)).toMatchObject({
      statusCode: 9,
      calls: [expect.objectContaining({ ivrid: 'x' })],
    });
    expect(h.state.currentCall?.call.ivrid).toBe('x');
  });

  it('events that carry no call leave the state object and the board unchanged', () => {
    const h = new Harness();
    h.send(...snapshot(T0, { number: 1 }));
    const before = h.state;
    const record = h.board.get('1');
    const events: RealtimeEvent[] = [
      { kind: 'keepaliveResponse', ok: true, code: 0, description: 'OK' },
      { kind: 'monitoredSetChanged', which: 'queues' },
      { kind: 'loginSuccess', at: 5 },
      { kind: 'dialers', at: 5 },
    ];
    for (const event of events) {
      const change = h.store.apply(event);
      expect(change.before).toBe(before);
      expect(change.after).toBe(before);
      expect(change).toMatchObject({ board: 'none', extension: null });
    }
    expect(h.state).toBe(before);
    expect(h.board.get('1')).toBe(record);
  });
});

describe('recent calls', () => {
  it('are capped, newest first, with no duplicates per call, extension and outcome', () => {
    const store = new CallStore([OWN]);
    for (let i = 0; i < RECENT_CALLS_CAP + 20; i++) {
      const call = wireCall({ ivrid: `c${i}` });
      for (const reason of ['NEWCALL', 'HANGUP', 'HANGUP']) {
        const result = extensionEvent({
          reason,
          at: T0 + i,
          number: 100,
          currentCall: call,
          cause: 'Normal hangup',
          ivruniqueid: `c${i}`,
        });
        const parsed = new Harness().parser.parse('ExtensionEvent', result);
        if (parsed.ok) store.apply(parsed.event);
      }
    }
    const { state } = store;
    expect(RECENT_CALLS_CAP).toBe(200);
    expect(state.recent).toHaveLength(RECENT_CALLS_CAP);
    expect(state.recent[0]?.ivrid).toBe(`c${RECENT_CALLS_CAP + 19}`);
    expect(new Set(state.recent.map((r) => r.ivrid)).size).toBe(RECENT_CALLS_CAP);
  });
});
