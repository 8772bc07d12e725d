import { describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../../../shared/domain/calls';
import type { ConnectionView } from '../../../../shared/domain/connection';
import type { VisitorLookup } from '../../../../shared/history/caller-info';
import { createEventParser } from '../../../../shared/voicenter/parse';
import { Telephony, type RealtimeClientLike } from '../../../../electron/core/calls/telephony';
import { silentLogger } from '../../../../electron/core/logging';
import { CallHistory } from '../../../../electron/core/history/call-history';
import { CallerLookup } from '../../../../electron/core/history/caller-lookup';
import { followRecentCalls } from '../../../../electron/core/history/recorder';
import {
  extensionEvent,
  queueEvent,
  T0,
  wireCall,
  wireQueue,
} from '../../../fixtures/voicenter/builders';

/** The real spine (parser, call store, telephony) fed wire events by hand. */
async function spine(own: string[]) {
  const telephony = new Telephony(silentLogger, own);
  const listeners = new Set<(e: RealtimeEvent) => void>();
  const client: RealtimeClientLike = {
    start: () => undefined,
    stop: () => undefined,
    reconnectNow: () => undefined,
    getView: () => ({ state: { status: 'connected' } }) as ConnectionView,
    on: ((name: string, listener: (e: RealtimeEvent) => void) => {
      if (name === 'event') listeners.add(listener);
      return () => listeners.delete(listener);
    }) as unknown as RealtimeClientLike['on'],
  };
  await telephony.use(client, own);
  const parser = createEventParser({ now: () => 0 });
  const send = (name: string, payload: unknown) => {
    const parsed = parser.parse(name, payload);
    if (!parsed.ok) throw new Error(parsed.error);
    listeners.forEach((l) => l(parsed.event));
  };
  const history = new CallHistory({
    path: null,
    logger: silentLogger,
    now: () => 0,
    region: () => 'IL',
  });
  followRecentCalls(telephony, history, () => 'IL');
  return { telephony, history, send };
}

const ring = (ext: string, ivrid: string, at: number, phone = '0501234567') =>
  extensionEvent({
    number: ext,
    reason: 'NEWCALL',
    at,
    calls: [wireCall({ ivrid, phone, started: at })],
    currentCall: wireCall({ ivrid, phone, started: at }),
  });
const answer = (ext: string, ivrid: string, at: number, phone = '0501234567') =>
  extensionEvent({
    number: ext,
    reason: 'ANSWER',
    at,
    name: `Agent ${ext}`,
    calls: [wireCall({ ivrid, phone, status: 'Talking', started: at - 5, answered: at })],
    currentCall: wireCall({ ivrid, phone, status: 'Talking', started: at - 5, answered: at }),
  });
const hangup = (ext: string, ivrid: string, at: number, cause: string, answered = 0) =>
  extensionEvent({
    number: ext,
    reason: 'HANGUP',
    at,
    cause,
    ivruniqueid: ivrid,
    callerID: '0501234567',
    calls: [],
    currentCall: wireCall({ ivrid, started: at - 30, answered }),
  });

describe('the history follows the call store', () => {
  it('records answered, missed and answered-elsewhere calls with who took them', async () => {
    const { history, send } = await spine(['201']);
    send('ExtensionEvent', ring('201', 'a', T0));
    send('ExtensionEvent', answer('201', 'a', T0 + 5));
    send('ExtensionEvent', hangup('201', 'a', T0 + 65, 'Normal hangup', T0 + 5));
    send('ExtensionEvent', ring('201', 'b', T0 + 100));
    send('ExtensionEvent', hangup('201', 'b', T0 + 130, 'User alerting, no answer'));
    // A ring group: 202 (not the agent's) answers, 201 hears "Answered elsewhere".
    send('ExtensionEvent', ring('201', 'c', T0 + 200));
    send('ExtensionEvent', ring('202', 'c', T0 + 200));
    send('ExtensionEvent', answer('202', 'c', T0 + 204));
    send('ExtensionEvent', hangup('201', 'c', T0 + 204, 'Answered elsewhere'));

    const { entries, total } = history.page({ offset: 0, limit: 10 });
    expect(total).toBe(3);
    expect(entries.map((e) => [e.ivrid, e.outcome, e.takenBy, e.durationMs])).toEqual([
      ['c', 'answered-elsewhere', 'Agent 202', null],
      ['b', 'missed', '', null],
      ['a', 'answered', 'Agent 201', 60_000],
    ]);
    expect(entries[2]?.phoneKey).toBe('+972501234567');
    expect(history.missedUnseen).toBe(1);
    history.markMissedSeen();
    expect(history.missedUnseen).toBe(0);
  });

  it('records a caller who gave up in a queue as abandoned', async () => {
    const { history, send } = await spine(['201']);
    const caller = { ivrid: 'q-1', phone: '0541112222', name: 'Dana', joined: T0 };
    send('QueueEvent', queueEvent('JOIN', wireQueue(7, [caller]), T0, 'q-1'));
    send('QueueEvent', queueEvent('ABANDONED', wireQueue(7, []), T0 + 40, 'q-1'));
    const [entry] = history.page({ offset: 0, limit: 10 }).entries;
    expect(entry).toMatchObject({
      ivrid: 'q-1',
      outcome: 'abandoned',
      callerName: 'Dana',
      queueId: 7,
      phoneKey: '+972541112222',
    });
    expect(history.missedUnseen).toBe(1);
  });
});

describe('who is calling', () => {
  it('shows earlier calls with the number in any form, and the visitor when it arrives', async () => {
    const { telephony, history, send } = await spine(['201']);
    let answerLookup: (result: VisitorLookup) => void = () => undefined;
    const asked: string[] = [];
    const lookup = new CallerLookup({
      history,
      logger: silentLogger,
      now: () => 0,
      region: () => 'IL',
      lookupVisitor: (phone) => {
        asked.push(phone);
        return new Promise((resolve) => (answerLookup = resolve));
      },
    });
    telephony.onOwnCallEvent((event, before, after) => lookup.handle(event, before, after));

    send('ExtensionEvent', ring('201', 'old', T0, '972501234567'));
    send('ExtensionEvent', hangup('201', 'old', T0 + 30, 'Normal hangup'));
    answerLookup({ status: 'not-found' });
    send(
      'ExtensionEvent',
      extensionEvent({
        number: '201',
        reason: 'NEWCALL',
        at: T0 + 100,
        calls: [
          wireCall({
            ivrid: 'new',
            phone: '0501234567',
            extra: { customdata: { order_id: 'A-17' } },
          }),
        ],
        currentCall: wireCall({
          ivrid: 'new',
          phone: '0501234567',
          extra: { customdata: { order_id: 'A-17' } },
        }),
      }),
    );
    const info = lookup.get('new');
    expect(info?.previous.map((p) => [p.ivrid, p.outcome])).toEqual([['old', 'missed']]);
    expect(info?.previousTotal).toBe(1);
    expect(info?.extras).toEqual([{ label: 'Order id', value: 'A-17' }]);
    // Looked up once per number while cached (the not-found answer is kept).
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual(['972501234567']);
    expect(lookup.get('new')?.rocketchat).toEqual({ status: 'not-found' });
  });

  it('never waits for Rocket.Chat: the card has the history at once, the visitor later', async () => {
    const { telephony, history, send } = await spine(['201']);
    let answerLookup: (result: VisitorLookup) => void = () => undefined;
    const lookup = new CallerLookup({
      history,
      logger: silentLogger,
      now: () => 0,
      region: () => 'IL',
      lookupVisitor: () => new Promise((resolve) => (answerLookup = resolve)),
    });
    telephony.onOwnCallEvent((event, before, after) => lookup.handle(event, before, after));
    const changes: string[] = [];
    lookup.onChange(() => changes.push(lookup.get('x')?.rocketchat.status ?? ''));
    send('ExtensionEvent', ring('201', 'x', T0));
    expect(lookup.get('x')?.rocketchat).toEqual({ status: 'looking' });
    answerLookup({ status: 'found', name: 'Dana Levi', openRoom: null, closed: [] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lookup.get('x')?.rocketchat).toMatchObject({ status: 'found', name: 'Dana Levi' });
    expect(changes).toEqual(['looking', 'found']);
  });
});
