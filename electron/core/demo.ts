import type { Logger } from './ports';
import type { VoicenterCredentials } from './voicenter/types';

export interface DemoOptions {
  seed: number;
  scenario: string;
  /** Scenario time scale (1 = real time); tests speed the demo up. */
  speed?: number;
}

/**
 * The built-in demo as the core uses it: where its three services listen and the demo agent's
 * sign-ins. The hosts build it (`electron/demo/`) and hand the core `startDemo`, so the core never
 * loads the simulators.
 */
export interface DemoServices {
  /** The demo Rocket.Chat: its address and the demo agent's sign-in. */
  rocketchat: { url: string; users: { agent: { username: string; password: string } } };
  /** How the SignalWire service reaches the demo SignalWire side. */
  signalwireDemo: { baseUrl: string; projectId: string; token: string };
  /** The Voicenter sign-in of the demo agent (a user login: it sees its own extension only). */
  voicenterCredentials: VoicenterCredentials;
  stop(): Promise<void>;
}

/** Starts the demo services; what it returns may carry more (tests read the simulators' journals). */
export type StartDemo<D extends DemoServices = DemoServices> = (
  options: DemoOptions,
  logger: Logger,
) => Promise<D>;
