import { join } from 'node:path';
import type { CallState, RealtimeEvent } from '../../../shared/domain/calls';
import type { Handlers } from '../../../shared/ipc/define';
import type { rocketChatMethods } from '../../../shared/ipc/rocketchat-methods';
import type { signalWireMethods } from '../../../shared/ipc/signalwire-methods';
import type { AppSnapshot } from '../../../shared/ipc/snapshot';
import type { VisitorLookup } from '../../../shared/history/caller-info';
import { Outbox } from '../outbox/outbox';
import { FileOutboxStorage } from '../outbox/file-storage';
import type { SecretStore, SettingsStore } from '../settings';
import type { Clock, Logger } from '../ports';
import type { DemoServices } from '../demo';
import type { Notices } from '../calls/notices';
import { rocketChatSettingsFrom } from './rocketchat/ports';
import { RocketChatService } from './rocketchat/use-cases';
import { signalWireSettingsFrom } from './signalwire/ports';
import { SignalWireService } from './signalwire/use-cases';

export interface IntegrationsDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  logger: Logger;
  clock: Clock;
  dataDir: string;
  notices: Notices;
  openExternal: ((url: string) => Promise<void>) | undefined;
  /** Per REST request; the services' own defaults when undefined. */
  restTimeoutMs?: number;
  /** Lets SignalWire use a plain-http server on this computer (tests). */
  signalwireLoopbackHttp?: boolean;
}

export interface Integrations {
  handlers: Handlers<typeof rocketChatMethods> & Handlers<typeof signalWireMethods>;
  views(): Pick<AppSnapshot, 'rocketchat' | 'signalwire' | 'outbox'>;
  onCallEvent(event: RealtimeEvent, before: CallState, after: CallState): void;
  /** Who a ringing caller is in Rocket.Chat (the screen pop). */
  lookUpCaller(phone: string, signal: AbortSignal): Promise<VisitorLookup>;
  /** Opens the Rocket.Chat room of a call the agent is about to place; answers the room's call id. */
  openOutboundRoom(callerPhone: string): Promise<string>;
  onChange(listener: () => void): () => void;
  useDemo(demo: DemoServices): Promise<void>;
  leaveDemo(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The REST side that follows the call: Rocket.Chat rooms and SignalWire events, both delivering
 * through one durable outbox stored in the data folder. Each integration has the same shape
 * (`electron/README.md`, "How to add an integration"): it is built here from its ports, its
 * handlers join the IPC table, its view joins the snapshot, it follows the agent's own calls, and
 * the demo is handed to it whole.
 */
export function createIntegrations(deps: IntegrationsDeps): Integrations {
  const log = deps.logger;
  const outbox = new Outbox({
    storage: new FileOutboxStorage(join(deps.dataDir, 'outbox.json'), log, () => deps.clock.now()),
    clock: deps.clock,
    logger: log.child('outbox'),
  });
  const rocketchat = new RocketChatService({
    settings: rocketChatSettingsFrom(deps.settings),
    secrets: deps.secrets,
    outbox,
    logger: log,
    clock: deps.clock,
    dataDir: deps.dataDir,
    ...(deps.openExternal ? { openExternal: deps.openExternal } : {}),
    ...(deps.restTimeoutMs ? { timeoutMs: deps.restTimeoutMs } : {}),
  });
  const signalwire = new SignalWireService({
    settings: signalWireSettingsFrom(deps.settings),
    secrets: deps.secrets,
    outbox,
    logger: log,
    clock: deps.clock,
    options: {
      timeoutMs: deps.restTimeoutMs,
      allowLoopbackHttp: deps.signalwireLoopbackHttp ?? false,
    },
  });

  return {
    handlers: { ...rocketchat.handlers, ...signalwire.handlers },
    views: () => ({
      rocketchat: rocketchat.view(),
      signalwire: signalwire.view(),
      outbox: outbox.view(),
    }),
    lookUpCaller: (phone, signal) => rocketchat.lookUpCaller(phone, signal),
    onCallEvent(event, before, after) {
      rocketchat.onCallEvent(event, before, after).catch((error: unknown) => {
        log.error('Rocket.Chat could not follow the call', { error });
      });
      signalwire.onCallEvent(event, before, after);
    },
    openOutboundRoom: (callerPhone) => rocketchat.openOutboundRoom(callerPhone),
    onChange(listener) {
      const offs = [
        rocketchat.onChange(listener),
        signalwire.onChange(listener),
        outbox.onChange(listener),
      ];
      return () => offs.forEach((off) => off());
    },
    async useDemo(demo) {
      const agent = demo.rocketchat.users.agent;
      await rocketchat.useDemo({
        url: demo.rocketchat.url,
        username: agent.username,
        password: agent.password,
      });
      signalwire.useDemo(demo.signalwireDemo);
    },
    async leaveDemo() {
      signalwire.leaveDemo();
      // Out of the demo's server, whose rooms end with it, and back to the agent's own.
      await rocketchat.leaveDemo();
    },
    async start() {
      await outbox.start();
      await rocketchat.start();
      signalwire.start();
    },
    async stop() {
      signalwire.stop();
      await rocketchat.stop();
      await outbox.stop();
    },
  };
}
