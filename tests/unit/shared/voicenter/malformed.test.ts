import { describe, expect, it } from 'vitest';
import {
  createEventParser,
  parseServerEvent,
  SERVER_EVENT_NAMES,
} from '../../../../shared/voicenter/parse';
import {
  allExtensionsStatus,
  extensionEvent,
  T0,
  wireCall,
  wireExtension,
} from '../../../fixtures/voicenter/builders';
import { seedEvent } from '../../../fixtures/voicenter/seed-events';

const SECRET = 'tok-SECRET-4242';
const PHONE = '0509876543';

const junk: unknown[] = [
  null,
  undefined,
  'a string',
  `{"not": "closed"`,
  42,
  NaN,
  true,
  [],
  [1, 2],
  {},
  { data: null },
  { data: 'x', reason: 5 },
  { reason: 'NEWCALL', data: { number: { token: SECRET } } },
  { token: SECRET, callerphone: PHONE },
];

describe('malformed payloads never throw', () => {
  const cases = SERVER_EVENT_NAMES.flatMap((name) =>
    junk.map((payload) => [name, payload] as const),
  );
  it.each(cases)('%s with %j', (name, payload) => {
    const result = parseServerEvent(name, payload);
    expect(typeof result.ok).toBe('boolean');
    if (!result.ok) {
      expect(result.error.startsWith(`${name}:`)).toBe(true);
      expect(result.error).not.toContain(SECRET);
      expect(result.error).not.toContain(PHONE);
      expect(result.error.length).toBeLessThan(200);
    }
  });

  it('survives a payload whose getters throw', () => {
    const hostile = {
      get data(): unknown {
        throw new Error(SECRET);
      },
    };
    expect(parseServerEvent('ExtensionEvent', hostile)).toEqual({
      ok: false,
      error: 'ExtensionEvent: unreadable payload',
    });
  });
});

describe('error messages', () => {
  it.each([
    ['ExtensionEvent', null, 'ExtensionEvent: expected object'],
    ['ExtensionEvent', { data: {} }, 'ExtensionEvent: reason: missing; data.number: missing'],
    [
      'ExtensionEvent',
      { reason: 'NEWCALL', data: { userName: PHONE } },
      'ExtensionEvent: data.number: missing',
    ],
    [
      'ExtensionEvent',
      { reason: 'NEWCALL', data: { number: { token: SECRET } } },
      'ExtensionEvent: data.number: wrong type',
    ],
    [
      'QueueEvent',
      { reason: 'JOIN', data: { QueueName: 'x' } },
      'QueueEvent: data.QueueID: missing',
    ],
    ['AllExtensionsStatus', { errorCode: 0 }, 'AllExtensionsStatus: extensions: missing'],
    [
      'AllExtensionsStatus',
      { extensions: SECRET },
      'AllExtensionsStatus: extensions: expected array',
    ],
    ['loginStatus', { errorCode: 0 }, 'loginStatus: queues: missing'],
  ])('%s %j -> %s', (name, payload, error) => {
    expect(parseServerEvent(name, payload)).toEqual({ ok: false, error });
  });

  it('an unknown event name is reported, shortened and cleaned', () => {
    expect(parseServerEvent('login', {})).toEqual({ ok: false, error: 'unknown event login' });
    const long = parseServerEvent(`x${'y'.repeat(100)}\n<script>`, {});
    expect(long.ok).toBe(false);
    if (!long.ok) {
      expect(long.error.length).toBeLessThan(70);
      expect(long.error).not.toMatch(/[\n<>]/);
    }
  });

  it('a call without ivrid fails the event it is the subject of... only as its currentCall', () => {
    const payload = extensionEvent({
      reason: 'NEWCALL',
      at: T0,
      number: 1,
      currentCall: { ...wireCall({ ivrid: 'x' }), ivrid: undefined },
    });
    const result = parseServerEvent('ExtensionEvent', payload);
    expect(result).toMatchObject({
      ok: true,
      warnings: ['dropped data.currentCall (ivrid: missing)'],
    });
    if (result.ok && result.event.kind === 'extension') expect(result.event.call).toBeNull();
  });
});

describe('loose fields', () => {
  it('drops only the bad call of a snapshot and says where', () => {
    const good = wireCall({ ivrid: 'good', status: 'Talking' });
    const noId = { ...wireCall({ ivrid: 'x' }), ivrid: '' };
    const wrongId = { ...wireCall({ ivrid: 'x' }), ivrid: { id: SECRET } };
    const payload = allExtensionsStatus(
      [
        { number: 1, calls: [good, noId] },
        { number: 2, calls: [wrongId] },
      ],
      T0,
    );
    (payload.extensions as unknown[]).push({ userName: 'no number' });
    const result = parseServerEvent('AllExtensionsStatus', payload);
    expect(result.ok).toBe(true);
    if (!result.ok || result.event.kind !== 'extensionsSnapshot') return;
    expect(result.event.extensions.map((e) => [e.number, e.calls.map((c) => c.ivrid)])).toEqual([
      ['1', ['good']],
      ['2', []],
    ]);
    expect(result.warnings).toEqual([
      'dropped extensions[2] (number: missing)',
      'dropped extensions[0].calls[1] (ivrid: too small)',
      'dropped extensions[1].calls[0] (ivrid: wrong type)',
    ]);
    expect(result.warnings?.join()).not.toContain(SECRET);
  });

  it('degrades wrong-typed optional fields to defaults instead of failing', () => {
    const call = {
      ...wireCall({ ivrid: 'x' }),
      callername: { first: 'A' },
      callerphone: 501234567,
      callStarted: 'yesterday',
      callAnswered: '1606908130',
      customdata: ['not', 'an', 'object'],
      recording: 'none',
      queueID: '77',
      campaignID: null,
    };
    const ext = {
      ...wireExtension({ number: '1234567' }),
      userID: 'abc',
      representativeStatus: '3',
      summery: null,
      peerStatus: 7,
      calls: 'nope',
    };
    const payload = {
      reason: 'NEWCALL',
      servertime: T0,
      servertimeoffset: 120,
      data: { ...ext, currentCall: call },
    };
    const result = parseServerEvent('ExtensionEvent', payload);
    expect(result.ok).toBe(true);
    if (!result.ok || result.event.kind !== 'extension') return;
    expect(result.event.call).toMatchObject({
      ivrid: 'x',
      callerName: '',
      callerPhone: '501234567',
      startedAt: null,
      answeredAt: (1606908130 - 7200) * 1000,
      customData: {},
      recordingFile: null,
      queueId: 77,
      campaignId: null,
    });
    expect(result.event.extension).toMatchObject({
      number: '1234567',
      userId: null,
      statusCode: 3,
      representativeName: 'Agent 1234567',
      peerStatus: '7',
      calls: [],
    });
  });

  it('gives missing and null optional fields the same defaults as wrong-typed ones', () => {
    const sparse = { ivrid: 'x' };
    const nulls = {
      ivrid: 'x',
      callername: null,
      callStarted: null,
      customdata: null,
      recording: null,
      c2cdirection: null,
      queueID: null,
    };
    const parsed = [sparse, nulls].map((call) =>
      parseServerEvent('ExtensionEvent', {
        reason: 'NEWCALL',
        data: { number: 9, summery: null, calls: null, currentCall: call },
      }),
    );
    for (const result of parsed) {
      expect(result).toMatchObject({
        ok: true,
        event: {
          call: {
            ivrid: 'x',
            callerName: '',
            startedAt: null,
            customData: {},
            recordingFile: null,
            c2cLeg: null,
            queueId: null,
          },
          extension: { number: '9', userName: '', representativeName: '', calls: [] },
          hangup: null,
        },
      });
      expect(result.ok && result.warnings).toBeFalsy();
    }
    // Calls without custom data share one empty object, which no one can write to.
    const [a, b] = parsed.map((r) => (r.ok && r.event.kind === 'extension' ? r.event.call : null));
    expect(a?.customData).toBe(b?.customData);
    expect(Object.isFrozen(a?.customData)).toBe(true);
  });

  it('tolerates unknown fields, unknown reasons and unknown status codes', () => {
    const payload = {
      ...extensionEvent({ reason: 'TRANSFER', at: T0, number: 5, status: 99 }),
      brandNewField: { nested: true },
    };
    const result = parseServerEvent('ExtensionEvent', payload);
    expect(result).toMatchObject({
      ok: true,
      event: { kind: 'extension', reason: 'TRANSFER', extension: { number: '5', statusCode: 99 } },
    });
    const queue = parseServerEvent('QueueEvent', {
      ...seedEvent('queueExit').payload,
      reason: 'MOVED',
    });
    expect(queue).toMatchObject({ ok: true, event: { kind: 'queue', reason: 'MOVED' } });
  });

  it('a HANGUP without cause gets "Unknown"; a missing ivruniqueid falls back to currentCall', () => {
    const payload = extensionEvent({
      reason: 'HANGUP',
      at: T0,
      number: 1,
      currentCall: wireCall({ ivrid: 'abc' }),
    });
    expect(parseServerEvent('ExtensionEvent', payload)).toMatchObject({
      ok: true,
      event: { hangup: { cause: 'Unknown', callerId: '', ivrid: 'abc' } },
    });
  });

  it('a queue call may carry only IvrUniqueID, but not neither', () => {
    const payload = {
      reason: 'JOIN',
      servertime: T0,
      data: {
        QueueID: '12',
        Calls: [{ IvrUniqueID: 'only-upper', CallerID: PHONE }, { CallerID: PHONE }],
      },
    };
    const result = createEventParser().parse('QueueEvent', payload);
    expect(result).toMatchObject({
      ok: true,
      event: { queue: { id: 12, calls: [{ ivrid: 'only-upper' }] } },
      warnings: ['dropped data.Calls[1] (ivrid: missing)'],
    });
  });
});
