/**
 * The built-in demo: the three simulators, in-process on 127.0.0.1, with the demo agent's
 * sign-ins. Only the hosts' composition roots import this, and hand `startDemoServices` to the
 * core as its `startDemo` port: the core depends on the port, never on the simulators.
 */
import type { DemoOptions, DemoServices, StartDemo } from '../core/demo';
import type { Logger } from '../core/ports';
import { startRocketChatSim, type RocketChatSim } from '../sim/rocketchat';
import { startSignalWireSim, type SignalWireSim } from '../sim/signalwire';
import {
  DEMO_CREDENTIALS,
  isScenarioName,
  startVoicenterSim,
  type VoicenterSim,
} from '../sim/voicenter';
import { teamBoardTraffic } from './team-board';

/** The demo with its simulators in reach (tests drive the telephony and read the journals). */
export interface DemoSims extends DemoServices {
  voicenter: VoicenterSim;
  rocketchat: RocketChatSim;
  signalwire: SignalWireSim;
}

export const startDemoServices: StartDemo<DemoSims> = async (
  options: DemoOptions,
  logger: Logger,
): Promise<DemoSims> => {
  const log = logger.child('demo');
  const voicenter = await startVoicenterSim({ seed: options.seed, speed: options.speed ?? 1 });
  const rocketchat = await startRocketChatSim({});
  // Demo calls carry SignalWire ids derived from the demo telephony; the demo SignalWire side treats
  // any such id as a live call.
  const signalwire = await startSignalWireSim({ acceptUnknownCalls: true });
  const scenario = isScenarioName(options.scenario) ? options.scenario : 'demo-loop';
  const board = teamBoardTraffic(options.scenario, options.seed);
  const traffic = board ? voicenter.startTraffic(board) : null;
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
    // The large board needs the account login: a user login sees its own extension only.
    voicenterCredentials: board
      ? {
          loginType: 'account',
          identity: DEMO_CREDENTIALS.account.username,
          secret: DEMO_CREDENTIALS.account.password,
          loginBaseUrl: voicenter.loginBaseUrl,
        }
      : {
          loginType: 'user',
          identity: DEMO_CREDENTIALS.user.email,
          secret: DEMO_CREDENTIALS.user.pin,
          loginBaseUrl: voicenter.loginBaseUrl,
        },
    async stop() {
      traffic?.stop();
      await Promise.allSettled([voicenter.stop(), rocketchat.stop(), signalwire.stop()]);
      await running;
    },
  };
};
