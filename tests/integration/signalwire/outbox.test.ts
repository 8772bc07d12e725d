/**
 * The `signalwire` transport through the real durable Outbox against the demo server: the retry
 * rule (transport errors, 429 and 503 only, back-off honouring Retry-After), outages, duplicates,
 * order per call, and the final outcomes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../electron/core/outbox/outbox';
import type { NewOutboxAction } from '../../../electron/core/outbox/types';
import { systemClock } from '../../../electron/core/ports';
import {
  END_KIND,
  USER_EVENT_KIND,
  orderKeyFor,
} from '../../../electron/core/integrations/signalwire/actions';
import { SignalWireClient } from '../../../electron/core/integrations/signalwire/client';
import {
  SignalWireTransport,
  type AttemptReport,
} from '../../../electron/core/integrations/signalwire/transport';
import { startSignalWireSim, type SignalWireSim } from '../../../electron/sim/signalwire';
import { waitFor } from '../../support/wait';
import { CALL, CapturingLogger, MemoryOutboxStorage, freePort } from './helpers';

const TIMING = { baseMs: 20, capMs: 200 };

let sim: SignalWireSim;
let client: SignalWireClient | { unavailable: string };
let outbox: Outbox;
let reports: AttemptReport[];
let logger: CapturingLogger;
const extraSims: SignalWireSim[] = [];

const clientFor = (baseUrl: string, token: string, projectId: string, timeoutMs = 5_000) =>
  new SignalWireClient({
    target: { kind: 'space', space: baseUrl, projectId, token },
    allowLoopbackHttp: true,
    timeoutMs,
  });

let seq = 0;
const userEvent = (
  event: Record<string, unknown> = { type: 'order.confirmed' },
  callId = CALL,
): NewOutboxAction => {
  seq += 1;
  const eventId = `evt-${seq}`;
  return {
    id: `action-${seq}`,
    target: 'signalwire',
    kind: USER_EVENT_KIND,
    orderKey: orderKeyFor(callId),
    payload: { callId, event: { ...event, event_id: eventId }, eventId, origin: 'editor' },
    label: 'SignalWire event',
    ivrid: '111',
  };
};
const end = (callId = CALL): NewOutboxAction => {
  seq += 1;
  return {
    id: `action-${seq}`,
    target: 'signalwire',
    kind: END_KIND,
    orderKey: orderKeyFor(callId),
    payload: { callId, reason: 'hangup' },
    label: 'SignalWire end call',
    ivrid: '111',
  };
};

const settled = (id: string) => () => {
  const state = outbox.get(id)?.state;
  return state === 'sent' || state === 'failed';
};

beforeEach(async () => {
  sim = await startSignalWireSim({});
  sim.addCall(CALL);
  client = clientFor(sim.baseUrl, sim.token, sim.projectId);
  reports = [];
  logger = new CapturingLogger();
  const transport = new SignalWireTransport({
    client: () => client,
    clock: systemClock,
    logger,
    timing: TIMING,
    onAttempt: (report) => reports.push(report),
  });
  outbox = new Outbox({
    storage: new MemoryOutboxStorage(),
    transports: { signalwire: transport },
    clock: systemClock,
    logger,
    backoff: { baseMs: 5, capMs: 50 },
  });
  await outbox.start();
});

afterEach(async () => {
  await outbox.stop();
  await sim.close();
  for (const extra of extraSims.splice(0)) await extra.close();
});

describe('retried: 503, 429 and transport errors', () => {
  it('retries 503 with back-off 0.5 s * 2^(n-1) (scaled) and delivers once', async () => {
    sim.failNext(2, 503);
    const action = await outbox.enqueue(userEvent());
    await waitFor(settled(action.id));
    expect(outbox.get(action.id)?.state).toBe('sent');
    expect(sim.journal().map((entry) => entry.status)).toEqual([503, 503, 200]);
    expect(sim.userEvents(CALL)).toHaveLength(1);
    expect(reports.map((report) => report.outcome.kind)).toEqual(['retry', 'retry', 'sent']);
    const [first, second, third] = reports;
    const due = (report: AttemptReport | undefined) =>
      report?.outcome.kind === 'retry' ? (report.outcome.notBefore ?? 0) : 0;
    // Attempt n waits base * 2^(n-1) after it ended, and the outbox honours it.
    expect(due(first)).toBeGreaterThanOrEqual((first?.startedAt ?? 0) + TIMING.baseMs);
    expect(due(second)).toBeGreaterThanOrEqual((second?.startedAt ?? 0) + TIMING.baseMs * 2);
    expect(second?.startedAt ?? 0).toBeGreaterThanOrEqual(due(first));
    expect(third?.startedAt ?? 0).toBeGreaterThanOrEqual(due(second));
  });

  it('waits out a 429 for as long as Retry-After says, longer than the back-off', async () => {
    sim.failNext(1, 429, { retryAfter: 1 });
    const action = await outbox.enqueue(userEvent());
    await waitFor(() => outbox.get(action.id)?.state === 'waiting');
    const waiting = outbox.get(action.id);
    expect(waiting?.reason).toMatch(/429/);
    const first = reports[0];
    expect(first?.outcome.kind).toBe('retry');
    const notBefore = first?.outcome.kind === 'retry' ? (first.outcome.notBefore ?? 0) : 0;
    expect(notBefore).toBeGreaterThanOrEqual((first?.startedAt ?? 0) + 1_000);
    expect(waiting?.nextAttemptAt).toBe(notBefore);
    await waitFor(settled(action.id));
    expect(outbox.get(action.id)?.state).toBe('sent');
    expect(reports[1]?.startedAt ?? 0).toBeGreaterThanOrEqual(notBefore);
    expect(sim.journal().map((entry) => entry.status)).toEqual([429, 200]);
  });

  it('rides out an outage (nothing listening) and delivers when SignalWire is back, exactly once', async () => {
    const port = await freePort();
    client = clientFor(`http://127.0.0.1:${port}`, 'PTback', 'proj-back');
    const action = await outbox.enqueue(userEvent({ type: 'after.outage' }));
    await waitFor(() => reports.length >= 2);
    expect(outbox.get(action.id)?.state).not.toBe('failed');
    expect(
      reports.every((report) => report.outcome.kind === 'retry' && !report.mayHaveArrived),
    ).toBe(true);
    expect(reports[0]?.result).toMatch(/Could not reach SignalWire \(ECONNREFUSED\)/);

    const back = await startSignalWireSim({ port, token: 'PTback', projectId: 'proj-back' });
    extraSims.push(back);
    back.addCall(CALL);
    await waitFor(settled(action.id));
    expect(outbox.get(action.id)?.state).toBe('sent');
    expect(back.userEvents(CALL)).toEqual([
      { type: 'after.outage', event_id: expect.any(String) as string },
    ]);
  });

  it('retries dropped connections', async () => {
    sim.failNext(2, 'reset');
    const action = await outbox.enqueue(userEvent());
    await waitFor(settled(action.id));
    expect(outbox.get(action.id)?.state).toBe('sent');
    expect(sim.journal()).toHaveLength(3);
  });

  it('a retry after a lost answer delivers twice with the same event_id, and says so', async () => {
    client = clientFor(sim.baseUrl, sim.token, sim.projectId, 200);
    sim.failNext(1, 'hang', { apply: true });
    const action = await outbox.enqueue(userEvent({ type: 'order.confirmed' }));
    await waitFor(settled(action.id));
    const events = sim.userEvents(CALL);
    expect(events).toHaveLength(2);
    expect(events[0]?.event_id).toBe(events[1]?.event_id);
    expect(reports.map((report) => [report.outcome.kind, report.mayHaveArrived])).toEqual([
      ['retry', true],
      ['sent', true],
    ]);
    expect(reports[0]?.result).toMatch(/may or may not have arrived/);
  });
});

describe('not retried', () => {
  it.each([
    [500, /internal problem \(500\)/],
    [400, /malformed \(400\)/],
    [401, /\(401\)/],
    [403, /Voice scope/],
    [409, /\(409\)/],
    [422, /refused the request: .* \(422\)/],
  ])('%i fails for good after one attempt, with plain words', async (status, words) => {
    sim.failNext(1, status);
    const action = await outbox.enqueue(userEvent());
    await waitFor(settled(action.id));
    const record = outbox.get(action.id);
    expect(record?.state).toBe('failed');
    expect(record?.reason).toMatch(words);
    expect(sim.journal()).toHaveLength(1);
  });

  it('404 on a user event fails; 404 on end is "already ended" and counts as sent', async () => {
    sim.hangUp(CALL);
    const event = await outbox.enqueue(userEvent());
    const ending = await outbox.enqueue(end());
    await waitFor(() => settled(event.id)() && settled(ending.id)());
    expect(outbox.get(event.id)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/\(404\)/) as string,
    });
    expect(outbox.get(ending.id)?.state).toBe('sent');
    expect(reports.find((report) => report.actionId === ending.id)?.result).toBe('Already ended');
  });

  it('fails when SignalWire is not set up, or the stored payload is damaged', async () => {
    client = { unavailable: 'SignalWire is not set up.' };
    const first = await outbox.enqueue(userEvent());
    await waitFor(settled(first.id));
    expect(outbox.get(first.id)).toMatchObject({
      state: 'failed',
      reason: 'SignalWire is not set up.',
    });

    client = clientFor(sim.baseUrl, sim.token, sim.projectId);
    const damaged = await outbox.enqueue({
      ...userEvent(),
      payload: { callId: CALL, event: 'text' },
    });
    await waitFor(settled(damaged.id));
    expect(outbox.get(damaged.id)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/damaged/) as string,
    });
    expect(sim.journal()).toHaveLength(0);
  });
});

describe('delivered', () => {
  it('takes a 204 and a non-JSON 2xx as delivered', async () => {
    sim.failNext(1, 204);
    sim.failNext(1, 200, { body: 'OK' });
    const a = await outbox.enqueue(userEvent());
    const b = await outbox.enqueue(userEvent());
    await waitFor(() => settled(a.id)() && settled(b.id)());
    expect([outbox.get(a.id)?.state, outbox.get(b.id)?.state]).toEqual(['sent', 'sent']);
    expect(reports.map((report) => report.result)).toEqual([
      'Delivered',
      'Delivered (the answer was not JSON)',
    ]);
  });

  it('keeps the order of one call: an end never overtakes the event before it', async () => {
    sim.failNext(1, 503);
    const event = await outbox.enqueue(userEvent({ type: 'last.words' }));
    const ending = await outbox.enqueue(end());
    await waitFor(() => settled(event.id)() && settled(ending.id)());
    expect(sim.journal().map((entry) => [entry.command, entry.status])).toEqual([
      ['calling.user_event', 503],
      ['calling.user_event', 200],
      ['calling.end', 200],
    ]);
  });

  it('logs attempts without credentials or event contents', async () => {
    sim.failNext(1, 503);
    const action = await outbox.enqueue(userEvent({ type: 'x', card_last4: '4242' }));
    await waitFor(settled(action.id));
    const log = logger.lines.join('\n');
    expect(log).toContain('signalwire attempt');
    for (const secret of [
      sim.token,
      Buffer.from(`${sim.projectId}:${sim.token}`).toString('base64'),
      '4242',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
