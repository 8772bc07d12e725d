/** The realtime client against the simulator: each login type, every event type, resync, malformed payloads. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startVoicenterSim, type VoicenterSim } from '../../../electron/sim/voicenter';
import { createEventParser } from '../../../shared/voicenter/parse';
import { assertNoSecrets, harness, openSockets, type Harness } from './helpers';

const SECRETS = {
  user: { pin: 'pin-Tz7#q1' },
  account: { password: 'pw-Lm4!x9' },
  token: 'acct-token-Qw8$z2',
};

describe('VoicenterRealtimeClient events', () => {
  let sim: VoicenterSim;
  let h: Harness | null = null;

  beforeEach(async () => {
    sim = await startVoicenterSim({
      servers: 2,
      credentials: SECRETS,
      speed: 50,
      sendDialers: true,
    });
  });
  afterEach(async () => {
    h?.client.stop();
    h = null;
    await sim.stop();
  });

  it.each(['user', 'account', 'token'] as const)(
    'a %s login connects to the main server and gets the snapshots',
    async (type) => {
      h = harness(sim, { type });
      h.client.start();
      const view = await h.connectedTo(sim.socketUrls[0] ?? '');
      expect(view.tokenExpiresAt).toBe(
        Math.floor((sim.lastGrant()?.tokenExpiresMs ?? 0) / 1000) * 1000,
      );
      await h.until(() => h!.events.some((e) => e.kind === 'extensionsSnapshot'), 'snapshots');
      const kinds = h.events.map((e) => e.kind);
      expect(kinds).toContain('loginSuccess');
      expect(kinds).toContain('queuesSnapshot');
      const sockets = sim.connections()[0]?.sockets ?? [];
      expect(sockets).toHaveLength(1);
      expect(sockets[0]?.loginType).toBe(type);
      const snapshot = h.events.find((e) => e.kind === 'extensionsSnapshot');
      if (type === 'user') {
        // A user login sees only its own extension.
        expect(
          snapshot?.kind === 'extensionsSnapshot' && snapshot.extensions.map((x) => x.number),
        ).toEqual([String(sim.credentials.user.extension)]);
      }
      assertNoSecrets(h.log, [
        SECRETS.user.pin,
        SECRETS.account.password,
        SECRETS.token,
        sim.lastGrant()?.token ?? '',
      ]);
      expect(h.malformed).toEqual([]);
    },
  );

  it('delivers every event type parsed', async () => {
    h = harness(sim, { type: 'account' });
    h.client.start();
    await h.connectedTo(sim.socketUrls[0] ?? '');
    for (const name of [
      'incoming-hold',
      'ring-group-answered-elsewhere',
      'missed',
      'click2call',
      'queue',
      'status-changes',
    ] as const) {
      const result = await sim.runScenario(name);
      expect(result.completed).toBe(true);
    }
    sim.emit('DialerEvent', { campaignID: 7, name: 'Spring', type: 'predictive', calls: [] });
    sim.changeMonitoredSet('extensions');
    await h.until(
      () =>
        h!.events.some((e) => e.kind === 'dialers') &&
        h!.events.some((e) => e.kind === 'monitoredSetChanged'),
      'dialer and monitored-set events',
    );
    const reasons = new Set(
      h.events.flatMap((e) =>
        e.kind === 'extension' || e.kind === 'queue' ? [`${e.kind}:${e.reason}`] : [],
      ),
    );
    for (const r of ['NEWCALL', 'ANSWER', 'HOLD', 'UNHOLD', 'HANGUP', 'userStatusUpdate'])
      expect(reasons).toContain(`extension:${r}`);
    for (const r of ['JOIN', 'EXIT', 'ABANDONED']) expect(reasons).toContain(`queue:${r}`);
    const kinds = new Set(h.events.map((e) => e.kind));
    for (const k of [
      'loginSuccess',
      'queuesSnapshot',
      'extensionsSnapshot',
      'extension',
      'queue',
      'dialers',
      'monitoredSetChanged',
    ] as const) {
      expect(kinds).toContain(k);
    }
    const hangup = h.events.find(
      (e) =>
        e.kind === 'extension' && e.reason === 'HANGUP' && e.hangup?.cause === 'Answered elsewhere',
    );
    expect(hangup).toBeDefined();
    expect(h.malformed).toEqual([]);
  });

  it('answers ExtensionsUpdated / QueuesUpdated / DialersUpdated with resync {cache: false}', async () => {
    h = harness(sim, { type: 'account' });
    h.client.start();
    await h.connectedTo(sim.socketUrls[0] ?? '');
    const resyncs = () => sim.connections()[0]?.sockets[0]?.received['resync'] ?? 0;
    expect(resyncs()).toBe(0);
    for (const [i, kind] of (['extensions', 'queues', 'dialers'] as const).entries()) {
      const snapshotsBefore = h.events.filter((e) => e.kind === 'extensionsSnapshot').length;
      sim.changeMonitoredSet(kind);
      await h.until(() => resyncs() === i + 1, `resync after ${kind}`);
      expect(sim.connections()[0]?.sockets[0]?.lastResync?.cache).toBe(false);
      // The server answers a resync with fresh snapshots.
      await h.until(
        () => h!.events.filter((e) => e.kind === 'extensionsSnapshot').length > snapshotsBefore,
        'fresh snapshot',
      );
    }
    expect(
      h.events
        .filter((e) => e.kind === 'monitoredSetChanged')
        .map((e) => e.kind === 'monitoredSetChanged' && e.which),
    ).toEqual(['extensions', 'queues', 'dialers']);
    // The public resync() does the same on demand.
    expect(h.client.resync()).toBe(true);
    await h.until(() => resyncs() === 4, 'manual resync');
  });

  it('counts and drops malformed payloads without crashing or dropping the link', async () => {
    h = harness(sim, { type: 'account' });
    h.client.start();
    await h.connectedTo(sim.socketUrls[0] ?? '');
    const bad: [string, unknown][] = [
      ['ExtensionEvent', 'not an object'],
      ['ExtensionEvent', { reason: 'NEWCALL', data: 42 }],
      ['QueueEvent', null],
      ['AllExtensionsStatus', { extensions: 'nope' }],
      ['loginStatus', [1, 2, 3]],
      ['keepaliveResponse', {}],
    ];
    for (const [name, payload] of bad) sim.emit(name, payload);
    await h.until(() => h!.client.getView().malformedEvents === bad.length, 'malformed count');
    expect(h.malformed.map((m) => m.event)).toEqual(bad.map(([name]) => name));
    expect(h.client.getView().state.status).toBe('connected');
    // Still working afterwards.
    const before = h.events.length;
    await sim.runScenario('status-changes');
    await h.until(() => h!.events.length > before, 'events after malformed ones');
    expect(h.log.filter((l) => l.msg === 'malformed event dropped')).toHaveLength(bad.length);
    expect(openSockets(sim)).toBe(1);
  });

  it('survives a parser that throws and a listener that throws', async () => {
    const real = createEventParser();
    h = harness(sim, {
      type: 'account',
      parser: {
        parse(name, payload) {
          if (name === 'QueueEvent') throw new Error('parser bug');
          return real.parse(name, payload);
        },
      },
    });
    let calls = 0;
    h.client.on('event', () => {
      calls += 1;
      throw new Error('consumer bug');
    });
    h.client.start();
    await h.connectedTo(sim.socketUrls[0] ?? '');
    await sim.runScenario('queue');
    await h.until(
      () => h!.malformed.some((m) => m.event === 'QueueEvent'),
      'the throwing parse counted',
    );
    expect(h.malformed.find((m) => m.event === 'QueueEvent')?.error).toMatch(
      /parser threw: parser bug/,
    );
    expect(calls).toBeGreaterThan(0);
    // The other listeners still got every event, and the link stayed up.
    expect(h.events).toHaveLength(calls);
    expect(h.log.some((l) => l.msg === 'a listener threw')).toBe(true);
    expect(h.client.getView().state.status).toBe('connected');
  });

  it('sends the app-level keepalive (lower case, with the token) when idle', async () => {
    h = harness(sim, {
      type: 'account',
      timings: { keepaliveIdleMs: 150, deadAfterKeepaliveMs: 5_000 },
    });
    h.client.start();
    await h.connectedTo(sim.socketUrls[0] ?? '');
    await h.until(
      () => h!.events.filter((e) => e.kind === 'keepaliveResponse').length >= 2,
      'keepalive responses',
    );
    const socket = sim.connections()[0]?.sockets[0];
    expect(socket?.keepalives).toBeGreaterThanOrEqual(2);
    expect(socket?.received['keepAlive']).toBeUndefined();
    const response = h.events.find((e) => e.kind === 'keepaliveResponse');
    // The sim only answers ok when the keepalive carried a valid token.
    expect(response?.kind === 'keepaliveResponse' && response.ok).toBe(true);
    expect(h.client.getView().state.status).toBe('connected');
  });
});
