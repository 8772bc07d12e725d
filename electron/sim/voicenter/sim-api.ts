/** The public surface of a running simulator: URLs, credentials and the test/fault controls. */
import type { SimCredentials } from './directory';
import type { LoadOptions, LoadRun } from './load';
import type { KillMode } from './monitor-server';
import type { RuntimeOptions } from './options';
import type { PacedTrafficOptions, TrafficRun } from './paced-traffic';
import type { RunScenarioOptions, ScenarioResult } from './scenario-runner';
import type { ScenarioName } from './scenarios';
import type { SessionInfo } from './sessions';
import type { EmittedEvent, SimTelephony } from './telephony';
import type { TokenGrant } from './tokens';
import type { WireExtension, WireQueue } from './wire-types';

export interface ServerConnections {
  index: number;
  url: string;
  up: boolean;
  silenced: boolean;
  badKeepalive: boolean;
  /** Sockets accepted since the sim started (survives kill/restart). */
  totalConnections: number;
  keepalivesReceived: number;
  sockets: SessionInfo[];
}

export type MonitoredSetKind = 'extensions' | 'queues' | 'dialers';

export interface VoicenterSim {
  /** e.g. `http://127.0.0.1:P/monitorAPI/Login`; append `/User`, `/Account` or `/Token`. */
  readonly loginBaseUrl: string;
  /** `http://127.0.0.1:P/monitorAPI/RefreshIdentityToken` */
  readonly refreshUrl: string;
  /** Main server first, then the backups (the login response's `URLList`). */
  readonly socketUrls: readonly string[];
  readonly credentials: Readonly<SimCredentials>;
  /** Drives calls directly (NEWCALL, ANSWER, ...) for tests that script their own flows. */
  readonly telephony: SimTelephony;
  stop(): Promise<void>;
  /** Sends a raw event to every connected socket, bypassing scope and silence. */
  emit(event: string, payload: unknown): void;
  /** Closes one monitor server and drops its sockets; `crash` (default) sends no goodbye. */
  kill(serverIndex: number, mode?: KillMode): Promise<void>;
  /** Starts a killed server again on the same port (kills it first if it is up). */
  restart(serverIndex: number): Promise<void>;
  /** Stops answering keepalives and sending anything (all servers, or one). */
  silence(on: boolean, serverIndex?: number): void;
  /** Answers keepalives with `errorCode: 1` (all servers, or one). */
  badKeepalive(on: boolean, serverIndex?: number): void;
  /** Every socket token issued so far becomes invalid (optionally refresh tokens too). */
  expireTokens(options?: { refreshTokens?: boolean }): void;
  /** Changes the account's monitored set and emits `ExtensionsUpdated` / `QueuesUpdated` / `DialersUpdated`. */
  changeMonitoredSet(kind: MonitoredSetKind): void;
  connections(): ServerConnections[];
  /** The latest login or refresh grant: tokens and their expiry in UTC ms. */
  lastGrant(): TokenGrant | null;
  /** The whole account as the server would snapshot it (account scope). */
  snapshot(): { extensions: WireExtension[]; queues: WireQueue[] };
  runScenario(name: ScenarioName, options?: RunScenarioOptions): Promise<ScenarioResult>;
  startLoad(options: LoadOptions): LoadRun;
  /**
   * A busy account that stays busy: `LoadTraffic` on extensions 5000001.. at a steady pace until
   * `stop()` (or the sim stops). The demo's large team board.
   */
  startTraffic(options: PacedTrafficOptions): TrafficRun;
  /** Each event the state machine emits, after it was sent. Returns an unsubscribe function. */
  onEvent(listener: (event: EmittedEvent) => void): () => void;
  /** Resolves on the next accepted socket (optionally on one server); rejects after `timeoutMs`. */
  waitForConnection(options?: { serverIndex?: number; timeoutMs?: number }): Promise<SessionInfo>;
  /** Changes response shapes and speed at run time. */
  configure(patch: Partial<RuntimeOptions>): void;
}
