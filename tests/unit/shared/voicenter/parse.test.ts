import { describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../../../shared/domain/calls';
import {
  createEventParser,
  parseServerEvent,
  SERVER_EVENT_NAMES,
  type ParseResult,
} from '../../../../shared/voicenter/parse';
import {
  seedEvent,
  seedEvents,
  seedHandshake,
  toTopLevelShape,
} from '../../../fixtures/voicenter/seed-events';
import { extensionEvent, T0, utcMs, wireCall } from '../../../fixtures/voicenter/builders';

function event(result: ParseResult): RealtimeEvent {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.event;
}

function ofKind<K extends RealtimeEvent['kind']>(
  result: ParseResult,
  kind: K,
): Extract<RealtimeEvent, { kind: K }> {
  const e = event(result);
  if (e.kind !== kind) throw new Error(`expected ${kind}, got ${e.kind}`);
  return e as Extract<RealtimeEvent, { kind: K }>;
}

const KIND_BY_NAME: Record<string, RealtimeEvent['kind']> = {
  loginSuccess: 'loginSuccess',
  loginStatus: 'queuesSnapshot',
  AllExtensionsStatus: 'extensionsSnapshot',
  QueueEvent: 'queue',
  ExtensionEvent: 'extension',
};

describe('seed page examples', () => {
  it.each(seedEvents.map((e) => [e.id, e] as const))('%s parses', (_id, seed) => {
    const parsed = createEventParser({ now: () => 1 }).parse(seed.eventName, seed.payload);
    expect(parsed.ok).toBe(true);
    expect(event(parsed).kind).toBe(KIND_BY_NAME[seed.eventName]);
    if (parsed.ok) expect(parsed.warnings).toBeUndefined();
  });

  const nested = seedEvents.filter((e) => e.nestedShape);
  it('has the eight wrongly nested ExtensionEvent examples', () => {
    expect(nested.map((e) => e.id)).toHaveLength(8);
  });

  it.each(nested.map((e) => [e.id, e] as const))(
    '%s: nested (seed) and top-level (server) shapes give the same event',
    (_id, seed) => {
      const fromSeed = event(parseServerEvent(seed.eventName, seed.payload));
      const fromServer = event(parseServerEvent(seed.eventName, toTopLevelShape(seed.payload)));
      expect(fromServer).toEqual(fromSeed);
    },
  );

  it('normalises the incoming NEWCALL example', () => {
    const e = ofKind(
      parseServerEvent('ExtensionEvent', seedEvent('incomingNewcall').payload),
      'extension',
    );
    expect(e.reason).toBe('NEWCALL');
    expect(e.at).toBe(utcMs(1606908124, 120));
    expect(e.hangup).toBeNull();
    expect(e.extension).toMatchObject({
      number: '1234567',
      userId: 7654321,
      userName: 'Clark Kent',
      sipUser: 'SIPSIP1',
      representativeName: 'Clark Kent',
      statusCode: 1,
      statusUpdatedAt: 1606763622000,
    });
    expect(e.extension.calls).toHaveLength(1);
    expect(e.call).toEqual({
      ivrid: '202012021122010135330b4f77',
      callerName: 'Test Voicenter',
      callerPhone: '0501234567',
      did: '0722776772',
      direction: 'incoming',
      c2cLeg: null,
      status: 'ringing',
      startedAt: utcMs(1606908123, 120),
      answeredAt: null,
      queueId: null,
      campaignId: null,
      customData: {},
      recordingFile: '2020120-aws-0501234567-0722776772.mp3',
    });
  });

  it('normalises the incoming ANSWER and HANGUP examples', () => {
    const answer = ofKind(
      parseServerEvent('ExtensionEvent', seedEvent('incomingAnswer').payload),
      'extension',
    );
    expect(answer.call).toMatchObject({ status: 'talking', answeredAt: utcMs(1606908134, 120) });
    const hangup = ofKind(
      parseServerEvent('ExtensionEvent', seedEvent('incomingHangup').payload),
      'extension',
    );
    expect(hangup.reason).toBe('HANGUP');
    expect(hangup.hangup).toEqual({
      cause: 'Normal hangup',
      callerId: '0501234567',
      ivrid: '202012021122010135330b4f77',
    });
    expect(hangup.extension.calls).toEqual([]);
    expect(hangup.call?.ivrid).toBe('202012021122010135330b4f77');
  });

  it.each([
    ['c2cLeg1Newcall', 1, 'dialing', null],
    ['c2cLeg1Answer', 1, 'talking', utcMs(1606913082, 120)],
    ['c2cLeg2Newcall', 2, 'talking', null],
    ['c2cLeg2Answer', 2, 'talking', utcMs(1606913090, 120)],
    ['c2cLeg2Hangup', 2, 'talking', utcMs(1606913090, 120)],
  ] as const)('%s: leg %d, %s', (id, leg, status, answeredAt) => {
    const e = ofKind(parseServerEvent('ExtensionEvent', seedEvent(id).payload), 'extension');
    expect(e.call).toMatchObject({
      ivrid: '20201200013quvnhxku5v',
      direction: 'click2call',
      c2cLeg: leg,
      status,
      answeredAt,
      did: '',
    });
  });

  it('normalises the userStatusUpdate example (already top-level)', () => {
    const e = ofKind(
      parseServerEvent('ExtensionEvent', seedEvent('userStatusUpdate').payload),
      'extension',
    );
    expect(e.reason).toBe('userStatusUpdate');
    expect(e.call).toBeNull();
    expect(e.extension.statusCode).toBe(3);
    expect(e.extension.statusUpdatedAt).toBe(1606917164000);
  });

  it('normalises the AllExtensionsStatus example', () => {
    const e = ofKind(
      parseServerEvent('AllExtensionsStatus', seedEvent('allExtensionsStatus').payload),
      'extensionsSnapshot',
    );
    expect(e.extensions.map((x) => [x.number, x.statusCode, x.statusUpdatedAt])).toEqual([
      ['9876543', 2, null],
      ['9876542', 1, 1597944933000],
    ]);
  });

  it('normalises the queue examples', () => {
    const join = ofKind(parseServerEvent('QueueEvent', seedEvent('queueJoin').payload), 'queue');
    expect(join).toEqual({
      kind: 'queue',
      reason: 'JOIN',
      at: utcMs(1598206105, 180),
      ivrid: '2020082015645675456434324949c071d',
      queue: {
        id: 1234567,
        name: 'Queue1',
        calls: [
          {
            ivrid: '2020082015645675456434324949c071d',
            callerId: '0501234567',
            callerName: 'John Doe',
            joinedAt: utcMs(1598206105, 180),
          },
        ],
      },
    });
    const abandoned = ofKind(
      parseServerEvent('QueueEvent', seedEvent('queueAbandoned').payload),
      'queue',
    );
    expect(abandoned.reason).toBe('ABANDONED');
    expect(abandoned.queue.calls).toEqual([]);
  });

  it('rejects the Engine.IO handshake if it is ever passed as an event', () => {
    expect(parseServerEvent('open', seedHandshake)).toEqual({
      ok: false,
      error: 'unknown event open',
    });
  });
});

describe('time normalisation', () => {
  it.each([120, 180])('converts every server time with offset %d', (offset) => {
    const payload = extensionEvent({
      reason: 'ANSWER',
      at: T0 + 11,
      offset,
      number: 100,
      statusUpdated: 1606917164000,
      currentCall: wireCall({ ivrid: 'a', status: 'Talking', started: T0, answered: T0 + 10 }),
    });
    const e = ofKind(parseServerEvent('ExtensionEvent', payload), 'extension');
    expect(e.at).toBe((T0 + 11 - offset * 60) * 1000);
    expect(e.call?.startedAt).toBe((T0 - offset * 60) * 1000);
    expect(e.call?.answeredAt).toBe((T0 + 10 - offset * 60) * 1000);
    // Already milliseconds: untouched by the offset.
    expect(e.extension.statusUpdatedAt).toBe(1606917164000);
  });

  it.each([120, 180])('converts JoinTimeStamp with offset %d', (offset) => {
    const payload = { ...seedEvent('queueJoin').payload, servertimeoffset: offset };
    const e = ofKind(parseServerEvent('QueueEvent', payload), 'queue');
    expect(e.queue.calls[0]?.joinedAt).toBe((1598206105 - offset * 60) * 1000);
  });

  it('keeps 0 times as unknown and tolerates times sent in milliseconds', () => {
    const payload = extensionEvent({
      reason: 'NEWCALL',
      at: T0,
      number: 1,
      statusUpdated: 0,
      currentCall: wireCall({ ivrid: 'a', started: T0 * 1000, answered: 0 }),
    });
    const e = ofKind(parseServerEvent('ExtensionEvent', payload), 'extension');
    expect(e.call?.answeredAt).toBeNull();
    expect(e.call?.startedAt).toBe(utcMs(T0));
    expect(e.extension.statusUpdatedAt).toBeNull();
  });

  it('remembers the last offset for events that carry none (loginStatus)', () => {
    const parser = createEventParser();
    expect(parser.offsetMinutes).toBeNull();
    event(parser.parse('loginSuccess', seedEvent('loginSuccess').payload));
    expect(parser.offsetMinutes).toBe(180);
    const status = ofKind(
      parser.parse('loginStatus', seedEvent('loginStatus').payload),
      'queuesSnapshot',
    );
    expect(status.at).toBe(utcMs(1597941727, 180));
    expect(status.queues[0]?.calls[0]?.joinedAt).toBe(utcMs(1597941709, 180));
    // A later event with its own offset wins and is remembered.
    event(parser.parse('ExtensionEvent', seedEvent('incomingNewcall').payload));
    expect(parser.offsetMinutes).toBe(120);
  });

  it('stateless parsing falls back to offset 0; a parser can be given another default', () => {
    const stateless = ofKind(
      parseServerEvent('loginStatus', seedEvent('loginStatus').payload),
      'queuesSnapshot',
    );
    expect(stateless.at).toBe(1597941727 * 1000);
    const parser = createEventParser({ defaultOffsetMinutes: 120 });
    const withDefault = ofKind(
      parser.parse('loginStatus', seedEvent('loginStatus').payload),
      'queuesSnapshot',
    );
    expect(withDefault.at).toBe(utcMs(1597941727, 120));
  });

  it('a rejected event does not teach the parser an offset', () => {
    const parser = createEventParser();
    parser.parse('ExtensionEvent', { servertimeoffset: 999, reason: 'NEWCALL' });
    expect(parser.offsetMinutes).toBeNull();
  });

  it('stamps events without servertime with the parser clock', () => {
    const parser = createEventParser({ now: () => 42 });
    expect(event(parser.parse('loginSuccess', { errorCode: 0 }))).toEqual({
      kind: 'loginSuccess',
      at: 42,
    });
    expect(event(parser.parse('AllDialersStatus', 'not even an object'))).toEqual({
      kind: 'dialers',
      at: 42,
    });
  });
});

describe('enum normalisation', () => {
  function callWith(extra: Record<string, unknown>) {
    const payload = extensionEvent({
      reason: 'NEWCALL',
      at: T0,
      number: 1,
      currentCall: wireCall({ ivrid: 'x', extra }),
    });
    return ofKind(parseServerEvent('ExtensionEvent', payload), 'extension').call;
  }

  it.each([
    ['Incoming', 'incoming'],
    ['Outgoing', 'outgoing'],
    ['Click2call', 'click2call'],
    ['Click2Call', 'click2call'],
    ['CLICK2CALL', 'click2call'],
    ['Spy', 'spy'],
    ['Sideways', 'unknown'],
    [42, 'unknown'],
  ])('direction %j -> %s', (direction, expected) => {
    expect(callWith({ direction })?.direction).toBe(expected);
  });

  it.each([
    ['Ringing', 'ringing'],
    ['Dialing', 'dialing'],
    ['Talking', 'talking'],
    ['Hold', 'hold'],
    ['Spying', 'spying'],
    ['Parked', 'unknown'],
    [null, 'unknown'],
  ])('callstatus %j -> %s', (callstatus, expected) => {
    expect(callWith({ callstatus })?.status).toBe(expected);
  });

  it.each([
    ['1', 1],
    ['2', 2],
    [1, 1],
    [2, 2],
    ['3', null],
    ['leg', null],
    [undefined, null],
  ])('c2cdirection %j -> %s', (c2cdirection, expected) => {
    expect(callWith({ c2cdirection })?.c2cLeg).toBe(expected);
  });
});

describe('other events', () => {
  it.each([
    ['ExtensionsUpdated', 'extensions'],
    ['QueuesUpdated', 'queues'],
    ['DialersUpdated', 'dialers'],
  ] as const)('%s -> monitoredSetChanged %s', (name, which) => {
    expect(event(parseServerEvent(name, 'changed'))).toEqual({
      kind: 'monitoredSetChanged',
      which,
    });
  });

  it.each([
    [{ errorCode: 0, errorDesc: 'OK', isOk: true }, true, 0],
    [{ errorCode: 0 }, true, 0],
    [{ errorCode: '0', isOk: 1 }, true, 0],
    [{ errorCode: 0, isOk: false }, false, 0],
    [{ errorCode: 5, errorDesc: 'bad', isOk: true }, false, 5],
    [{ isOk: true }, true, 0],
    [{ isOk: false }, false, -1],
  ])('keepaliveResponse %j -> ok %s', (payload, ok, code) => {
    expect(event(parseServerEvent('keepaliveResponse', payload))).toMatchObject({
      kind: 'keepaliveResponse',
      ok,
      code,
    });
  });

  it('a keepaliveResponse with neither errorCode nor isOk is an error', () => {
    expect(parseServerEvent('keepaliveResponse', {})).toEqual({
      ok: false,
      error: 'keepaliveResponse: errorCode missing',
    });
  });

  it('DialerEvent is tolerated', () => {
    const e = event(
      parseServerEvent('DialerEvent', {
        campaignID: 7,
        name: 'x',
        servertime: 100,
        servertimeoffset: 0,
      }),
    );
    expect(e).toEqual({ kind: 'dialers', at: 100_000 });
  });

  it('accepts the seed table spelling `Queues` and JSON text payloads', () => {
    const { queues, ...rest } = seedEvent('loginStatus').payload;
    const e = ofKind(
      parseServerEvent('loginStatus', { ...rest, Queues: queues }),
      'queuesSnapshot',
    );
    expect(e.queues.map((q) => q.id)).toEqual([12345678, 12345679]);
    const text = JSON.stringify(seedEvent('queueExit').payload);
    expect(ofKind(parseServerEvent('QueueEvent', text), 'queue').reason).toBe('EXIT');
  });

  it('a login event with a non-zero errorCode is an error', () => {
    expect(parseServerEvent('loginSuccess', { errorCode: 3, servertime: 1 })).toEqual({
      ok: false,
      error: 'loginSuccess: errorCode not 0',
    });
    expect(parseServerEvent('loginStatus', { errorCode: 1, queues: [] }).ok).toBe(false);
  });

  it('lists every server event of spec 2.1', () => {
    expect([...SERVER_EVENT_NAMES].sort()).toEqual(
      [
        'AllDialersStatus',
        'AllExtensionsStatus',
        'DialerEvent',
        'DialersUpdated',
        'ExtensionEvent',
        'ExtensionsUpdated',
        'QueueEvent',
        'QueuesUpdated',
        'keepaliveResponse',
        'loginStatus',
        'loginSuccess',
      ].sort(),
    );
  });
});
