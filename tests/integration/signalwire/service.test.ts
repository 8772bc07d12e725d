/**
 * SignalWireService end to end in main: real settings and secret stores, the real outbox, the
 * demo server over HTTP. Covers configuration (token and relay), connection test, links, the
 * editor and presets, end, mirroring, the history, demo mode, and that no credential reaches the
 * view or the log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../electron/core/outbox/outbox';
import { systemClock } from '../../../electron/core/ports';
import { SecretStore } from '../../../electron/core/settings/secret-store';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { signalWireSettingsFrom } from '../../../electron/core/integrations/signalwire/ports';
import { DEMO_PRESETS } from '../../../electron/core/integrations/signalwire/demo';
import {
  SignalWireService,
  type SignalWireServiceOptions,
} from '../../../electron/core/integrations/signalwire/use-cases';
import { startSignalWireSim, type SignalWireSim } from '../../../electron/sim/signalwire';
import type { CallInfo, CallState } from '../../../shared/domain/calls';
import { UserFacingError } from '../../../shared/ipc/dispatch';
import type { SignalWireHistoryEntry } from '../../../shared/ipc/signalwire';
import { CALL, CALL_2, CapturingLogger, MemoryOutboxStorage, fakeCipher } from './helpers';
import { waitFor } from '../../support/wait';
import { call, extensionEvent, state } from '../../unit/core/integrations/signalwire/fixtures';
import { MemoryBackend } from '../../support/memory-backend';

let sim: SignalWireSim;
let settingsBackend: MemoryBackend;
let secretsBackend: MemoryBackend;
let settings: SettingsStore;
let secrets: SecretStore;
let outbox: Outbox;
let logger: CapturingLogger;
let service: SignalWireService;

function makeService(options: SignalWireServiceOptions = {}): SignalWireService {
  const made = new SignalWireService({
    settings: signalWireSettingsFrom(settings),
    secrets,
    outbox,
    logger,
    clock: systemClock,
    options: {
      allowLoopbackHttp: true,
      retryTiming: { baseMs: 10, capMs: 50 },
      timeoutMs: 2_000,
      ...options,
    },
  });
  outbox.setTransport('signalwire', made.transport);
  made.start();
  return made;
}

const linked = (ivrid = '111', id = CALL): CallInfo => call(ivrid, { signalwire_call_id: id });
const talking = (subject: CallInfo): CallState => state([{ extension: '201', call: subject }]);

async function refusal(run: () => unknown): Promise<UserFacingError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const entry = (id: string): SignalWireHistoryEntry | undefined =>
  service.view().history.find((item) => item.id === id);
const settledEntry = (id: string) => () => ['sent', 'failed'].includes(entry(id)?.state ?? '');

async function configureToken(token = sim.token): Promise<void> {
  await service.handlers.configureSignalWire({
    mode: 'token',
    space: sim.baseUrl,
    projectId: sim.projectId,
    apiToken: token,
  });
}

beforeEach(async () => {
  sim = await startSignalWireSim({ tokensWithoutVoice: ['PTnovoice'] });
  sim.addCall(CALL);
  sim.addCall(CALL_2);
  settingsBackend = new MemoryBackend();
  secretsBackend = new MemoryBackend();
  logger = new CapturingLogger();
  settings = new SettingsStore(settingsBackend, logger);
  secrets = new SecretStore(secretsBackend, fakeCipher, logger);
  outbox = new Outbox({
    storage: new MemoryOutboxStorage(),
    clock: systemClock,
    logger,
    backoff: { baseMs: 5, capMs: 50 },
  });
  await outbox.start();
  service = makeService();
});

afterEach(async () => {
  service.stop();
  await outbox.stop();
  await sim.close();
});

describe('configuration', () => {
  it('stores the API token in the SecretStore only, and the connection test passes', async () => {
    await configureToken();
    const view = service.view();
    expect(view).toMatchObject({
      configured: true,
      mode: 'token',
      projectId: sim.projectId,
      hasToken: true,
    });
    expect(view.target).toBe(sim.baseUrl.replace('http://', ''));
    expect(settingsBackend.text()).not.toContain(sim.token);
    expect(secretsBackend.text()).not.toContain(sim.token);
    expect(secrets.get('signalwire.apiToken')).toBe(sim.token);

    expect(await service.handlers.testSignalWire()).toEqual({
      ok: true,
      message: expect.stringMatching(/accepted/) as string,
    });
    expect(service.view().test?.state).toBe('ok');
  });

  it('reports wrong credentials and a token without the Voice scope', async () => {
    await configureToken('wrong');
    expect(await service.handlers.testSignalWire()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/401/) as string,
    });
    await configureToken('PTnovoice');
    expect(await service.handlers.testSignalWire()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Voice scope/) as string,
    });
    expect(service.view().test).toMatchObject({ state: 'failed' });
  });

  it('refuses bad addresses with a reason and stores nothing', async () => {
    const refused = await refusal(() =>
      service.handlers.configureSignalWire({
        mode: 'token',
        space: 'http://acme.example',
        projectId: 'p',
        apiToken: 'PTx',
      }),
    );
    expect(refused.code).toBe('invalid-signalwire-config');
    expect(refused.message).toMatch(/https/);
    expect(secrets.get('signalwire.apiToken')).toBeNull();
    expect(settings.section('signalwire').space).toBe('');
    // No token stored and none given.
    expect(
      (
        await refusal(() =>
          service.handlers.configureSignalWire({ mode: 'token', space: 'acme', projectId: 'p' }),
        )
      ).message,
    ).toMatch(/API token/);
  });

  it('without the test flag, a loopback http address is refused', async () => {
    service.stop();
    service = makeService({ allowLoopbackHttp: false });
    expect((await refusal(() => configureToken())).message).toMatch(/https/);
  });

  it('relay mode: no project token on the machine, the bearer in the SecretStore, the relay gets the same body', async () => {
    await configureToken();
    await service.handlers.configureSignalWire({
      mode: 'relay',
      relayUrl: sim.relayUrl,
      relayToken: sim.relayToken,
    });
    expect(secrets.get('signalwire.apiToken')).toBeNull();
    expect(service.view()).toMatchObject({
      configured: true,
      mode: 'relay',
      relayUrl: sim.relayUrl,
      projectId: '',
      hasToken: true,
    });
    expect((await service.handlers.testSignalWire()).ok).toBe(true);

    service.setCalls(talking(linked()));
    const { actionId } = await service.handlers.sendSignalWireEvent('111', '{"type":"via.relay"}');
    await waitFor(settledEntry(actionId));
    expect(entry(actionId)?.state).toBe('sent');
    expect(sim.journal().at(-1)).toMatchObject({
      via: 'relay',
      authOk: true,
      command: 'calling.user_event',
    });
  });

  it('off forgets the configuration and the tokens', async () => {
    await configureToken();
    await service.handlers.configureSignalWire({ mode: 'off' });
    expect(service.view()).toMatchObject({ configured: false, mode: null, hasToken: false });
    expect(secrets.get('signalwire.apiToken')).toBeNull();
  });
});

describe('acting on the current call', () => {
  beforeEach(async () => {
    await configureToken();
  });

  it('links through customdata and sends the editor event with its own event_id', async () => {
    service.setCalls(talking(linked()));
    expect(service.view().calls).toEqual([
      { ivrid: '111', signalwireCallId: CALL, source: 'customdata', ended: false },
    ]);
    const queued = await service.handlers.sendSignalWireEvent(
      '111',
      '{"type": "order.confirmed", "order_id": "ORD-1"}',
    );
    await waitFor(settledEntry(queued.actionId));
    expect(sim.userEvents(CALL)).toEqual([
      { type: 'order.confirmed', order_id: 'ORD-1', event_id: queued.eventId },
    ]);
    expect(entry(queued.actionId)).toMatchObject({
      kind: 'user-event',
      eventId: queued.eventId,
      type: 'order.confirmed',
      origin: 'editor',
      ivrid: '111',
      state: 'sent',
      result: 'Delivered',
      durationMs: expect.any(Number) as number,
      possibleDuplicate: false,
    });
  });

  it('refuses invalid JSON and non-objects with the reason, before anything is sent', async () => {
    service.setCalls(talking(linked()));
    const notJson = await refusal(() =>
      service.handlers.sendSignalWireEvent('111', '{type: order}'),
    );
    expect(notJson.code).toBe('invalid-event');
    expect(notJson.message).toMatch(/not valid JSON/);
    expect(
      (await refusal(() => service.handlers.sendSignalWireEvent('111', '"order.confirmed"')))
        .message,
    ).toMatch(/JSON object/);
    expect(service.view().history).toEqual([]);
    expect(sim.journal()).toEqual([]);
  });

  it('refuses a call without a SignalWire id, and when SignalWire is not set up', async () => {
    service.setCalls(talking(call('111')));
    expect((await refusal(() => service.handlers.sendSignalWireEvent('111', '{}'))).code).toBe(
      'no-signalwire-call',
    );
    await service.handlers.configureSignalWire({ mode: 'off' });
    service.setCalls(talking(linked()));
    expect((await refusal(() => service.handlers.sendSignalWireEvent('111', '{}'))).code).toBe(
      'signalwire-not-configured',
    );
  });

  it('links a pasted id, checked, and only for a call on screen', async () => {
    service.setCalls(talking(call('111')));
    expect((await refusal(() => service.handlers.linkSignalWireCall('111', 'CA123'))).code).toBe(
      'invalid-call-id',
    );
    expect((await refusal(() => service.handlers.linkSignalWireCall('999', CALL))).code).toBe(
      'no-such-call',
    );
    expect(await service.handlers.linkSignalWireCall('111', ` ${CALL_2.toUpperCase()} `)).toEqual({
      ivrid: '111',
      signalwireCallId: CALL_2,
      source: 'pasted',
      ended: false,
    });
    const { actionId } = await service.handlers.sendSignalWireEvent('111', '{"type":"pasted"}');
    await waitFor(settledEntry(actionId));
    expect(sim.userEvents(CALL_2)).toHaveLength(1);
    expect(await service.handlers.linkSignalWireCall('111', null)).toBeNull();
  });

  it('sends presets the admin configured', async () => {
    service.setCalls(talking(linked()));
    const view = await service.handlers.updateSignalWireSettings({
      presets: [{ label: 'Order confirmed', event: { type: 'order.confirmed', source: 'preset' } }],
    });
    expect(view.presets).toEqual([
      { label: 'Order confirmed', event: { type: 'order.confirmed', source: 'preset' } },
    ]);
    const { actionId, eventId } = await service.handlers.sendSignalWirePreset('111', 0);
    await waitFor(settledEntry(actionId));
    expect(sim.userEvents(CALL)).toEqual([
      { type: 'order.confirmed', source: 'preset', event_id: eventId },
    ]);
    expect(entry(actionId)?.origin).toBe('preset');
    expect((await refusal(() => service.handlers.sendSignalWirePreset('111', 3))).code).toBe(
      'no-such-preset',
    );
  });

  it('ends the call; afterwards the call has no actions; a 404 is "already ended"', async () => {
    service.setCalls(
      state([
        { extension: '201', call: linked('111', CALL) },
        { extension: '201', call: linked('222', CALL_2) },
      ]),
    );
    const ended = await service.handlers.endSignalWireCall('111');
    await waitFor(settledEntry(ended.actionId));
    expect(entry(ended.actionId)).toMatchObject({
      kind: 'end',
      type: 'calling.end',
      state: 'sent',
      result: 'Call ended',
    });
    expect(sim.call(CALL)?.status).toBe('ended');
    expect(service.view().calls.find((link) => link.ivrid === '111')?.ended).toBe(true);
    expect((await refusal(() => service.handlers.endSignalWireCall('111'))).code).toBe(
      'signalwire-call-ended',
    );

    sim.hangUp(CALL_2);
    const gone = await service.handlers.endSignalWireCall('222');
    await waitFor(settledEntry(gone.actionId));
    expect(entry(gone.actionId)).toMatchObject({ state: 'sent', result: 'Already ended' });
    expect(service.view().calls.find((link) => link.ivrid === '222')?.ended).toBe(true);
  });

  it('shows a possible duplicate when a retry may have delivered twice', async () => {
    service.stop();
    service = makeService({ timeoutMs: 200 });
    service.setCalls(talking(linked()));
    sim.failNext(1, 'hang', { apply: true });
    const { actionId, eventId } = await service.handlers.sendSignalWireEvent(
      '111',
      '{"type":"twice"}',
    );
    await waitFor(settledEntry(actionId));
    expect(sim.userEvents(CALL).map((event) => event.event_id)).toEqual([eventId, eventId]);
    expect(entry(actionId)).toMatchObject({ state: 'sent', possibleDuplicate: true });
    expect(entry(actionId)?.attempts.map((attempt) => attempt.mayHaveArrived)).toEqual([
      true,
      true,
    ]);
  });

  it('follows the outbox when the agent discards or retries an action', async () => {
    service.setCalls(talking(linked()));
    sim.failNext(2, 500);
    const first = await service.handlers.sendSignalWireEvent('111', '{"type":"a"}');
    const second = await service.handlers.sendSignalWireEvent('111', '{"type":"b"}');
    await waitFor(() => settledEntry(first.actionId)() && settledEntry(second.actionId)());
    expect(entry(first.actionId)).toMatchObject({
      state: 'failed',
      result: expect.stringMatching(/500/) as string,
    });
    expect(outbox.discard(first.actionId)).toBe(true);
    await waitFor(() => entry(first.actionId)?.result === 'Discarded');
    expect(outbox.retry(second.actionId)).toBe(true);
    await waitFor(() => entry(second.actionId)?.state === 'sent');
    expect(sim.userEvents(CALL)).toEqual([{ type: 'b', event_id: second.eventId }]);
  });
});

describe('mirroring call events', () => {
  beforeEach(async () => {
    await configureToken();
  });

  const run = (subject: CallInfo) => {
    const during = talking(subject);
    const after = state([], { last: subject });
    service.setCalls(during);
    service.onCallEvent(
      extensionEvent('HOLD', '201', subject, Date.UTC(2026, 0, 1, 10, 0, 0)),
      during,
      during,
    );
    service.onCallEvent(
      extensionEvent('UNHOLD', '201', subject, Date.UTC(2026, 0, 1, 10, 0, 5)),
      during,
      during,
    );
    service.onCallEvent(
      extensionEvent('HANGUP', '201', subject, Date.UTC(2026, 0, 1, 10, 1, 0)),
      during,
      after,
    );
  };

  it('is off by default: nothing is sent', async () => {
    run(linked());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.view().history).toEqual([]);
    expect(sim.journal()).toEqual([]);
  });

  it('when on, sends hold, unhold and end as user events, in order, each with its own event_id', async () => {
    await service.handlers.updateSignalWireSettings({ mirrorCallEvents: true });
    run(linked());
    await waitFor(() => sim.userEvents(CALL).length === 3);
    const events = sim.userEvents(CALL);
    expect(events).toEqual([
      {
        type: 'ringside.call.hold',
        ivrid: '111',
        at: '2026-01-01T10:00:00.000Z',
        event_id: expect.any(String) as string,
      },
      {
        type: 'ringside.call.unhold',
        ivrid: '111',
        at: '2026-01-01T10:00:05.000Z',
        event_id: expect.any(String) as string,
      },
      {
        type: 'ringside.call.end',
        ivrid: '111',
        at: '2026-01-01T10:01:00.000Z',
        event_id: expect.any(String) as string,
      },
    ]);
    expect(new Set(events.map((event) => event.event_id)).size).toBe(3);
    await waitFor(() => service.view().history.every((item) => item.state === 'sent'));
    expect(service.view().history.map((item) => [item.origin, item.type])).toEqual([
      ['mirror', 'ringside.call.end'],
      ['mirror', 'ringside.call.unhold'],
      ['mirror', 'ringside.call.hold'],
    ]);
  });

  it('does not mirror the hang-up of a call whose end the agent already sent', async () => {
    await service.handlers.updateSignalWireSettings({ mirrorCallEvents: true });
    const subject = linked();
    const during = talking(subject);
    service.setCalls(during);
    // SignalWire answers slowly: the phone hangs up before calling.end is confirmed.
    sim.setLatency(100);
    const { actionId } = await service.handlers.endSignalWireCall('111');
    service.onCallEvent(
      extensionEvent('HANGUP', '201', subject),
      during,
      state([], { last: subject }),
    );
    await waitFor(settledEntry(actionId));
    expect(service.view().history.map((item) => [item.type, item.state])).toEqual([
      ['calling.end', 'sent'],
    ]);
    expect(sim.journal().map((item) => item.command)).toEqual(['calling.end']);
  });

  it('skips calls without a SignalWire id', async () => {
    await service.handlers.updateSignalWireSettings({ mirrorCallEvents: true });
    run(call('333'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.journal()).toEqual([]);
  });
});

describe('demo mode and credentials', () => {
  it('demo mode uses the demo service without touching settings or secrets, with demo presets', async () => {
    const demo = await startSignalWireSim({ acceptUnknownCalls: true });
    try {
      service.useDemo({ baseUrl: demo.baseUrl, projectId: demo.projectId, token: demo.token });
      expect(service.view()).toMatchObject({
        configured: true,
        mode: 'demo',
        presets: DEMO_PRESETS,
      });
      const demoCall = '9b2e4f60-1a3c-4d5e-8f70-1a2b3c4d5e6f';
      service.setCalls(talking(linked('555', demoCall)));
      const { actionId } = await service.handlers.sendSignalWirePreset('555', 0);
      await waitFor(settledEntry(actionId));
      expect(demo.userEvents(demoCall)).toEqual([
        { ...DEMO_PRESETS[0]?.event, event_id: expect.any(String) as string },
      ]);
      expect(settings.section('signalwire').space).toBe('');
      expect(secrets.get('signalwire.apiToken')).toBeNull();
      // Changing a setting in demo mode keeps the demo.
      expect(
        await service.handlers.updateSignalWireSettings({ mirrorCallEvents: true }),
      ).toMatchObject({
        mode: 'demo',
        mirrorCallEvents: true,
      });
      service.leaveDemo();
      expect(service.view().configured).toBe(false);
    } finally {
      await demo.close();
    }
  });

  it('never puts a token in the view, the settings file or the log', async () => {
    await configureToken();
    service.setCalls(talking(linked()));
    sim.failNext(1, 401);
    await service.handlers.testSignalWire();
    const failed = await service.handlers.sendSignalWireEvent('111', '{"type":"x"}');
    await waitFor(settledEntry(failed.actionId));
    await service.handlers.configureSignalWire({
      mode: 'relay',
      relayUrl: sim.relayUrl,
      relayToken: 'relay-bearer-secret',
    });
    await service.handlers.testSignalWire();
    const basic = Buffer.from(`${sim.projectId}:${sim.token}`).toString('base64');
    const everything = [
      JSON.stringify(service.view()),
      settingsBackend.text(),
      logger.lines.join('\n'),
    ].join('\n');
    expect(logger.lines.length).toBeGreaterThan(3);
    for (const secret of [sim.token, basic, 'relay-bearer-secret'])
      expect(everything).not.toContain(secret);
  });

  it('shows actions still in the outbox after a restart', async () => {
    await configureToken();
    service.setCalls(talking(linked()));
    sim.failNext(1, 429, { retryAfter: 60 });
    const { actionId } = await service.handlers.sendSignalWireEvent('111', '{"type":"later"}');
    await waitFor(() => entry(actionId)?.state === 'waiting');
    service.stop();
    service = makeService();
    expect(entry(actionId)).toMatchObject({
      state: 'waiting',
      type: 'later',
      signalwireCallId: CALL,
    });
  });
});
