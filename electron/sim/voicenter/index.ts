/** The Voicenter Real-Time Events simulator (see electron/sim/README.md). */
export { startVoicenterSim } from './sim';
export type { VoicenterSim, ServerConnections, MonitoredSetKind } from './sim-api';
export type { VoicenterSimOptions, RuntimeOptions } from './options';
export { DEMO_CREDENTIALS } from './directory';
export type { SimCredentials, CredentialOverrides } from './directory';
export { SCENARIO_NAMES, STEP, isScenarioName } from './scenarios';
export type { ScenarioName, Scenario, ScenarioContext } from './scenarios';
export type { RunScenarioOptions, ScenarioResult } from './scenario-runner';
export type { LoadOptions, LoadRun, LoadStats } from './load';
export type { PacedTrafficOptions, TrafficRun } from './paced-traffic';
export type { KillMode } from './monitor-server';
export type { SessionInfo, Audience } from './sessions';
export type { EmittedEvent, NewCallInput, SimTelephony } from './telephony';
export type { TokenGrant, LoginType } from './tokens';
export { israelOffsetMinutes, toWireEpoch, formatIsraelWallClock } from './israel-time';
export type * from './wire-types';
