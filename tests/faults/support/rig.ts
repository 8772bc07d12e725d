/**
 * The whole app for a fault test: the demo simulators of all three services, started by the test
 * on 127.0.0.1 (so it can break them, and so they outlive a killed app), and Ringside configured
 * for them the way a deployment is, with a configuration file (docs/configuration.md). The app
 * runs as the headless host, in this process (`app`) or as its own process (`appProcess`, for
 * `kill -9`). The agent acts through the IPC contract, as the window does.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { startHeadlessHost, type HeadlessHost } from '../../../electron/headless/host';
import type { Timings } from '../../../electron/core/voicenter/types';
import { startRocketChatSim, type RocketChatSim } from '../../../electron/sim/rocketchat';
import type { RocketChatSimOptions } from '../../../electron/sim/rocketchat';
import {
  startSignalWireSim,
  type SignalWireSim,
  type SignalWireSimOptions,
} from '../../../electron/sim/signalwire';
import {
  DEMO_CREDENTIALS,
  startVoicenterSim,
  type VoicenterSim,
  type VoicenterSimOptions,
} from '../../../electron/sim/voicenter';
import type { ConnectionState } from '../../../shared/domain/connection';
import type { ApiHandlers, MethodName } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { IpcResult } from '../../../shared/ipc/result';
import type { AppState } from '../../../shared/ipc/snapshot';
import { connectIpc, startHostProcess, type HostProcess } from '../../support/host-process';
import { FAST } from '../../integration/voicenter/helpers';
import { startHttpGate, type HttpGate } from './http-gate';

/** The agent's extension in the demo account (Clark Kent). */
export const AGENT = DEMO_CREDENTIALS.user.extension;

/** Rocket.Chat and SignalWire answer within this in the tests (the app's defaults are 15 s and 30 s). */
export const REST_TIMEOUT_MS = 3_000;

export interface Sims {
  voicenter: VoicenterSim;
  rocketchat: RocketChatSim | null;
  /** Replaced when a test takes SignalWire down and brings it back (`reopenSignalWire`). */
  signalwire: SignalWireSim | null;
}

export interface SimsOptions {
  voicenter?: VoicenterSimOptions;
  /** False: Ringside has no Rocket.Chat set up. */
  rocketchat?: RocketChatSimOptions | false;
  signalwire?: SignalWireSimOptions | false;
}

export interface AppOptions {
  voicenterTimings?: Partial<Timings>;
  /** Sign in to Voicenter here instead of at the simulator's login API (a gate in front of it). */
  loginBaseUrl?: string;
  /** Reach Rocket.Chat here instead of at the simulator (a gate in front of it). */
  rocketchatUrl?: string;
  /** Rocket.Chat and SignalWire request timeout; default `REST_TIMEOUT_MS`. */
  restTimeoutMs?: number;
  /** Where the app keeps its data; a fresh folder when absent. */
  dataDir?: string;
}

/** The test hooks the app runs with, in process or as a process. */
function hooks(options: AppOptions) {
  return {
    voicenterTimings: { ...FAST, ...options.voicenterTimings },
    restTimeoutMs: options.restTimeoutMs ?? REST_TIMEOUT_MS,
    signalwireLoopbackHttp: true,
  };
}

/** The app as the agent meets it: what the window shows, and the window's IPC calls. */
export interface AgentApp {
  /** What the window would show now. */
  state(): AppState;
  /** Calls an IPC method the way the window does (arguments checked by the contract). */
  call<M extends MethodName>(
    method: M,
    ...args: Parameters<ApiHandlers[M]>
  ): Promise<IpcResult<unknown>>;
  /** Like `call`, failing the test when the app answers with an error. */
  act<M extends MethodName>(method: M, ...args: Parameters<ApiHandlers[M]>): Promise<unknown>;
}

/** The app in this process. */
export interface FaultApp extends AgentApp {
  host: HeadlessHost;
  dataDir: string;
  /** Every connection state the window was sent, in order: what the agent was told. */
  connectionStates(): ConnectionState[];
  stop(): Promise<void>;
}

/** The app as its own process; `state()` is the window's view, fetched every few ms over IPC. */
export interface ProcessApp extends AgentApp {
  process: HostProcess;
  /** `kill -9`: no clean-up, no last write. */
  kill(): Promise<void>;
}

/** `act` on top of `call`. */
function acting(call: AgentApp['call']): AgentApp['act'] {
  return async (method, ...args) => {
    const result = await call(method, ...args);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
}

/** The configuration file a deployment would hand this desk: every service at its simulator. */
export function configFor(sims: Sims, options: AppOptions = {}): Record<string, unknown> {
  const vc = sims.voicenter;
  const config: Record<string, unknown> = {
    version: 1,
    app: { mode: 'account' },
    demo: { enabled: false },
    notifications: { enabled: false },
    voicenter: {
      loginType: 'account',
      username: vc.credentials.account.username,
      password: vc.credentials.account.password,
      loginBaseUrl: options.loginBaseUrl ?? vc.loginBaseUrl,
      ownExtensions: [String(AGENT)],
    },
  };
  const rc = sims.rocketchat;
  if (rc) {
    const agent = rc.users.agent;
    config.rocketchat = {
      serverUrl: options.rocketchatUrl ?? rc.url,
      username: agent.username,
      userId: agent.userId,
      authKind: 'pat',
      personalAccessToken: rc.createPersonalAccessToken(agent.username),
      autoOpenRoom: true,
      keepInStep: true,
    };
  }
  const sw = sims.signalwire;
  if (sw) {
    config.signalwire = {
      authMode: 'token',
      space: sw.baseUrl,
      projectId: sw.projectId,
      apiToken: sw.token,
      mirrorCallEvents: true,
    };
  }
  return config;
}

/**
 * Simulators, data folders and apps for one test file; whatever a test starts is stopped after
 * it, last started first, so a failing test leaves nothing running for the next one.
 */
export function useFaultRig() {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  });

  async function folder(prefix = 'ringside-faults-'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  async function sims(options: SimsOptions = {}): Promise<Sims> {
    const voicenter = await startVoicenterSim({ servers: 3, ...options.voicenter });
    cleanup.push(() => voicenter.stop());
    let rocketchat: RocketChatSim | null = null;
    if (options.rocketchat !== false) {
      rocketchat = await startRocketChatSim({ version: '7.5.1', ...options.rocketchat });
      const started = rocketchat;
      cleanup.push(() => started.stop());
    }
    const set: Sims = { voicenter, rocketchat, signalwire: null };
    if (options.signalwire !== false) {
      set.signalwire = await startSignalWireSim({
        acceptUnknownCalls: true,
        ...options.signalwire,
      });
      // Whichever SignalWire server is current at the end is the one to stop.
      cleanup.push(() => set.signalwire?.close() ?? Promise.resolve());
    }
    return set;
  }

  async function writeConfig(sims: Sims, options: AppOptions): Promise<string> {
    const path = join(await folder('ringside-faults-config-'), 'ringside.json');
    await writeFile(path, JSON.stringify(configFor(sims, options)), { mode: 0o600 });
    return path;
  }

  /** Ringside in this process (the headless host), signed in to every simulator. */
  async function app(set: Sims, options: AppOptions = {}): Promise<FaultApp> {
    const dataDir = options.dataDir ?? join(await folder(), 'data');
    const configPath = await writeConfig(set, options);
    const host = await startHeadlessHost({
      dataDir,
      configPath,
      rendererDir: resolve('out/renderer'),
      notifier: { notifier: { notify: async () => {}, dismiss: () => {} }, available: false },
      core: hooks(options),
    });
    let stopped: Promise<void> | null = null;
    const stop = () => (stopped ??= host.stop());
    cleanup.push(stop);
    // As a window would: its updates, and its calls through its own handlers.
    const states: ConnectionState[] = [host.core.snapshot().connection.state];
    const link = host.core.connectWindow((update) => {
      const next = update.view.connection?.state;
      if (next && JSON.stringify(next) !== JSON.stringify(states.at(-1))) states.push(next);
    });
    cleanup.push(() => Promise.resolve(link.close()));
    const call: FaultApp['call'] = (method, ...args) =>
      dispatch(link.handlers, method, args, (name, error) => {
        throw new Error(`${name} failed inside Ringside: ${String(error)}`);
      });
    // As a board view would: the whole board is compared with the server's.
    await call('watchBoard', { all: true });
    return {
      host,
      dataDir,
      state: () => link.state(),
      connectionStates: () => [...states],
      call,
      act: acting(call),
      stop,
    };
  }

  /** Ringside as its own process on `dataDir` (so a test can `kill -9` it and start it again). */
  async function appProcess(
    set: Sims,
    dataDir: string,
    options: AppOptions = {},
  ): Promise<ProcessApp> {
    const host = await startHostProcess({
      dataDir,
      configPath: await writeConfig(set, options),
      entry: resolve('tests/faults/support/host-entry.ts'),
      args: ['--hooks', JSON.stringify(hooks(options))],
    });
    cleanup.push(() => host.stop());
    const client = await connectIpc(host);
    cleanup.push(() => Promise.resolve(client.close()));
    // As a board view would: the whole board is compared with the server's.
    await client.invoke('watchBoard', [{ all: true }]);
    const snapshot = async (): Promise<AppState> => {
      const answer = await client.invoke('getSnapshot');
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as AppState;
    };
    let latest = await snapshot();
    let polling = true;
    const poll = (async () => {
      while (polling) {
        try {
          latest = await snapshot();
        } catch {
          return; // The process is gone.
        }
        await new Promise((done) => setTimeout(done, 20));
      }
    })();
    cleanup.push(async () => {
      polling = false;
      await poll;
    });
    const call: AgentApp['call'] = async (method, ...args) => {
      const result = await client.invoke(method, args);
      // What the window shows next includes what this call did.
      latest = await snapshot();
      return result;
    };
    return {
      process: host,
      state: () => latest,
      call,
      act: acting(call),
      async kill() {
        await host.kill('SIGKILL');
        polling = false;
        await poll;
      },
    };
  }

  /**
   * SignalWire was down (nothing listening) and comes back on the same address, with the same
   * project: a new server that knows nothing of what the old one received.
   */
  async function reopenSignalWire(set: Sims): Promise<SignalWireSim> {
    const old = set.signalwire;
    if (!old) throw new Error('this test has no SignalWire');
    const port = Number(new URL(old.baseUrl).port);
    set.signalwire = await startSignalWireSim({
      port,
      projectId: old.projectId,
      token: old.token,
      acceptUnknownCalls: true,
    });
    return set.signalwire;
  }

  /** A gate in front of a simulator's HTTP side at `target` (see `http-gate.ts`). */
  async function gate(target: string): Promise<HttpGate> {
    const started = await startHttpGate(target);
    cleanup.push(() => started.close());
    return started;
  }

  /** Runs `step` after the test, before whatever was started earlier is stopped. */
  function after(step: () => Promise<unknown> | void): void {
    cleanup.push(() => Promise.resolve(step()));
  }

  return { folder, sims, app, appProcess, reopenSignalWire, gate, after };
}
