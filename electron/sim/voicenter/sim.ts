/**
 * `startVoicenterSim`: the login API plus N monitor servers, a state model, scenarios and fault
 * injection. Plain Node (no electron): used by the app's demo mode, by tests and by the CLI.
 */
import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import {
  DEMO_AGENT,
  DEMO_COLLEAGUES,
  QUEUE1_ID,
  SPARE_EXTENSION,
  SPARE_QUEUE,
  demoQueues,
  resolveCredentials,
} from './directory';
import type { LoadRun } from './load';
import { startLoad } from './load';
import { LOGIN_PATH, REFRESH_PATH, createLoginHandler } from './login-api';
import { startPacedTraffic, type TrafficRun } from './paced-traffic';
import { MonitorServer } from './monitor-server';
import type { RuntimeOptions, VoicenterSimOptions } from './options';
import { runtimeOptionsSchema, simOptionsSchema } from './options';
import { wireExtension, wireQueue } from './payloads';
import { ScenarioRunner } from './scenario-runner';
import type { ServerFlags, SessionInfo } from './sessions';
import { Hub } from './sessions';
import { SimState } from './state';
import { SimTelephony } from './telephony';
import { TokenStore } from './tokens';
import type { VoicenterSim } from './sim-api';

export async function startVoicenterSim(input: VoicenterSimOptions = {}): Promise<VoicenterSim> {
  const { now: nowOption, credentials: credentialOverrides, logger, ...rest } = input;
  const log = logger?.child('voicenter-sim');
  const opts = simOptionsSchema.parse(rest);
  const now = nowOption ?? (() => Date.now());
  const credentials = resolveCredentials(credentialOverrides);
  const runtime: RuntimeOptions = {
    urlKey: opts.urlKey,
    serverList: opts.serverList,
    badCredentials: opts.badCredentials,
    expiryZone: opts.expiryZone,
    seedShapedEvents: opts.seedShapedEvents,
    sendDialers: opts.sendDialers,
    speed: opts.speed,
  };

  const state = new SimState();
  state.addExtension({ ...DEMO_AGENT, number: credentials.user.extension }, now());
  for (const seed of DEMO_COLLEAGUES) state.addExtension(seed, now());
  for (const q of demoQueues(credentials.user.extension)) state.addQueue(q);

  const tokens = new TokenStore(
    { tokenTtlMs: opts.tokenTtlMs, refreshTokenTtlMs: opts.refreshTokenTtlMs },
    now,
  );
  const flags: ServerFlags[] = Array.from({ length: opts.servers }, () => ({
    silenced: false,
    badKeepalive: false,
  }));
  const hub = new Hub({
    state,
    tokens,
    now,
    flags: (i) => flags[i] ?? { silenced: false, badKeepalive: false },
    sendDialers: () => runtime.sendDialers,
  });
  const telephony = new SimTelephony({
    state,
    now,
    publish: (audience, event, payload) => hub.publish(audience, event, payload),
    seedShaped: () => runtime.seedShapedEvents,
  });

  const servers = Array.from({ length: opts.servers }, (_, index) => {
    const port = opts.socketPorts?.[index] ?? (opts.port === 0 ? 0 : opts.port + 1 + index);
    return new MonitorServer({
      index,
      host: opts.host,
      port,
      pingInterval: opts.pingInterval,
      pingTimeout: opts.pingTimeout,
      authorize: (token) => {
        const identity = tokens.validate(token);
        if (!identity) log?.warn('socket refused: unknown or expired token', { server: index });
        return identity;
      },
      onSocket: (socket, identity, token) => {
        log?.info('socket accepted', { server: index, loginType: identity.loginType });
        hub.attach(socket, identity, token, index);
      },
    });
  });

  let origin = '';
  const loginHttp = createServer(
    createLoginHandler({
      credentials: () => credentials,
      tokens,
      socketUrls: () => servers.map((s) => s.url),
      shape: () => runtime,
      origin: () => origin,
      onGrant: (grant, kind) => log?.info(`${kind} ok`, { loginType: grant.identity.loginType }),
      onRefused: (kind, loginType) => log?.warn(`${kind} refused`, { loginType }),
    }),
  );
  try {
    await listen(loginHttp, opts.port, opts.host);
    for (const server of servers) await server.start();
  } catch (err) {
    await Promise.all(servers.map((s) => s.kill()));
    loginHttp.close();
    throw err;
  }
  const address = loginHttp.address();
  const loginPort = address && typeof address === 'object' ? address.port : opts.port;
  origin = `http://${opts.host}:${loginPort}`;

  const stopController = new AbortController();
  const loads = new Set<LoadRun>();
  const traffics = new Set<TrafficRun>();
  const runner = new ScenarioRunner({
    tel: telephony,
    seed: opts.seed,
    speed: () => runtime.speed,
    agent: () => credentials.user.extension,
    colleague: DEMO_COLLEAGUES[0]?.number ?? 9876542,
    queueId: QUEUE1_ID,
    stopSignal: stopController.signal,
    hasClient: () => hub.list().length > 0,
    onClient: (listener) => hub.onConnect(listener),
  });

  const serverAt = (index: number): MonitorServer => {
    const server = servers[index];
    if (!server) throw new RangeError(`sim: no server ${index} (have ${servers.length})`);
    return server;
  };
  const setFlag = (key: keyof ServerFlags, on: boolean, index?: number) => {
    if (index !== undefined) serverAt(index);
    flags.forEach((f, i) => {
      if (index === undefined || index === i) f[key] = on;
    });
  };

  return {
    loginBaseUrl: `${origin}${LOGIN_PATH}`,
    refreshUrl: `${origin}${REFRESH_PATH}`,
    socketUrls: servers.map((s) => s.url),
    credentials,
    telephony,
    async stop() {
      stopController.abort();
      for (const load of loads) load.stop();
      for (const traffic of traffics) traffic.stop();
      await Promise.all(servers.map((s) => s.kill('crash')));
      loginHttp.closeAllConnections();
      await new Promise<void>((resolve) => loginHttp.close(() => resolve()));
    },
    emit: (event, payload) => hub.raw(event, payload),
    kill: (index, mode = 'crash') => {
      log?.info('server killed', { server: index, mode });
      return serverAt(index).kill(mode);
    },
    restart: (index) => {
      log?.info('server restarted', { server: index });
      return serverAt(index).restart();
    },
    silence: (on, index) => setFlag('silenced', on, index),
    badKeepalive: (on, index) => setFlag('badKeepalive', on, index),
    expireTokens: (options) => tokens.expireAll(options),
    changeMonitoredSet(kind) {
      if (kind === 'extensions') {
        if (!state.removeExtension(SPARE_EXTENSION.number))
          state.addExtension(SPARE_EXTENSION, now());
        telephony.broadcast('ExtensionsUpdated', 'ExtensionsUpdated');
      } else if (kind === 'queues') {
        if (!state.removeQueue(SPARE_QUEUE.QueueID)) state.addQueue(SPARE_QUEUE);
        telephony.broadcast('QueuesUpdated', 'QueuesUpdated');
      } else {
        telephony.broadcast('DialersUpdated', 'DialersUpdated');
      }
    },
    connections: () => {
      const sessions = hub.list();
      return servers.map((s, index) => ({
        index,
        url: s.url,
        up: s.up,
        silenced: flags[index]?.silenced ?? false,
        badKeepalive: flags[index]?.badKeepalive ?? false,
        ...hub.statsOf(index),
        sockets: sessions.filter((x) => x.serverIndex === index),
      }));
    },
    lastGrant: () => tokens.lastGrant(),
    snapshot: () => ({
      extensions: state.allExtensions().map((e) => wireExtension(e)),
      queues: state.allQueues().map(wireQueue),
    }),
    runScenario: (name, options) => runner.run(name, options),
    startLoad(options) {
      const run = startLoad(options, { state, tel: telephony, now });
      loads.add(run);
      void run.done.then(() => loads.delete(run));
      return run;
    },
    startTraffic(options) {
      const run = startPacedTraffic(options, { state, tel: telephony, now });
      traffics.add(run);
      return {
        ...run,
        stop: () => {
          run.stop();
          traffics.delete(run);
        },
      };
    },
    onEvent: (listener) => telephony.onEvent(listener),
    waitForConnection: (options = {}) =>
      new Promise<SessionInfo>((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error('sim: no connection in time'));
        }, options.timeoutMs ?? 10_000);
        const off = hub.onConnect((info) => {
          if (options.serverIndex !== undefined && info.serverIndex !== options.serverIndex) return;
          clearTimeout(timer);
          off();
          resolve(info);
        });
      }),
    configure(patch) {
      const parsed = runtimeOptionsSchema.parse(patch);
      for (const [key, value] of Object.entries(parsed)) {
        if (value !== undefined) Object.assign(runtime, { [key]: value });
      }
    },
  };
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
