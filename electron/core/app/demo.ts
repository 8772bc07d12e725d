import {
  startVoicenterSim,
  DEMO_CREDENTIALS,
  isScenarioName,
  type VoicenterSim,
} from '../../sim/voicenter';
import { startRocketChatSim, type RocketChatSim } from '../../sim/rocketchat';
import { startSignalWireSim } from '../../sim/signalwire/server';
import type { SignalWireSim } from '../../sim/signalwire/types';
import type { VoicenterCredentials } from '../voicenter/types';
import type { Logger } from '../ports';

export interface DemoOptions {
  seed: number;
  scenario: string;
  /** Scenario time scale (1 = real time); tests speed the demo up. */
  speed?: number;
}

/** The built-in demo: the three services, in-process on 127.0.0.1, with the demo agent's sign-ins. */
export interface DemoServices {
  voicenter: VoicenterSim;
  rocketchat: RocketChatSim;
  signalwire: SignalWireSim;
  /** How the SignalWire service reaches the demo SignalWire side. */
  signalwireDemo: { baseUrl: string; projectId: string; token: string };
  /** The Voicenter sign-in of the demo agent (a user login: it sees its own extension only). */
  voicenterCredentials: VoicenterCredentials;
  stop(): Promise<void>;
}

export async function startDemoServices(
  options: DemoOptions,
  logger: Logger,
): Promise<DemoServices> {
  const log = logger.child('demo');
  const voicenter = await startVoicenterSim({ seed: options.seed, speed: options.speed ?? 1 });
  const rocketchat = await startRocketChatSim({});
  // Demo calls carry SignalWire ids derived from the demo telephony; the demo SignalWire side treats
  // any such id as a live call.
  const signalwire = await startSignalWireSim({ acceptUnknownCalls: true });
  const scenario = isScenarioName(options.scenario) ? options.scenario : 'demo-loop';
  const running = voicenter.runScenario(scenario).catch((error: unknown) => {
    log.warn('demo scenario stopped', { error });
  });
  log.info('demo services started', {
    voicenter: voicenter.loginBaseUrl,
    rocketchat: rocketchat.url,
    signalwire: signalwire.url,
    scenario,
  });
  return {
    voicenter,
    rocketchat,
    signalwire,
    signalwireDemo: {
      baseUrl: signalwire.baseUrl,
      projectId: signalwire.projectId,
      token: signalwire.token,
    },
    voicenterCredentials: {
      loginType: 'user',
      identity: DEMO_CREDENTIALS.user.email,
      secret: DEMO_CREDENTIALS.user.pin,
      loginBaseUrl: voicenter.loginBaseUrl,
    },
    async stop() {
      await Promise.allSettled([voicenter.stop(), rocketchat.stop(), signalwire.stop()]);
      await running;
    },
  };
}
