/**
 * The IPC handlers of `signalWireMethods`: a flat table, one use case per method. Arguments
 * arrive validated by their zod schemas; what the use cases check beyond that (the event text,
 * addresses, call ids) they check themselves. Rocket.Chat's `handlers.ts` has the same form.
 */
import type { Handlers } from '../../../../shared/ipc/define';
import type { SignalWireCallLink, SignalWireView } from '../../../../shared/ipc/signalwire';
import type {
  SignalWireConfig,
  SignalWireQueued,
  SignalWireSettingsPatch,
  SignalWireTestResult,
  signalWireMethods,
} from '../../../../shared/ipc/signalwire-methods';

export type SignalWireHandlers = Handlers<typeof signalWireMethods>;

/** What the handlers call: the use cases (`use-cases.ts`), declared here so neither file imports the other's class. */
export interface SignalWireUseCases {
  configure(config: SignalWireConfig): SignalWireView;
  testConnection(): Promise<SignalWireTestResult>;
  linkCall(ivrid: string, signalwireCallId: string | null): SignalWireCallLink | null;
  sendEvent(ivrid: string, text: string): Promise<SignalWireQueued>;
  sendPreset(ivrid: string, index: number): Promise<SignalWireQueued>;
  endCall(ivrid: string): Promise<SignalWireQueued>;
  updateSettings(patch: SignalWireSettingsPatch): SignalWireView;
}

export function signalWireHandlers(useCases: SignalWireUseCases): SignalWireHandlers {
  return {
    configureSignalWire: (config) => useCases.configure(config),
    testSignalWire: () => useCases.testConnection(),
    linkSignalWireCall: (ivrid, callId) => useCases.linkCall(ivrid, callId),
    sendSignalWireEvent: (ivrid, text) => useCases.sendEvent(ivrid, text),
    sendSignalWirePreset: (ivrid, index) => useCases.sendPreset(ivrid, index),
    endSignalWireCall: (ivrid) => useCases.endCall(ivrid),
    updateSignalWireSettings: (patch) => useCases.updateSettings(patch),
  };
}
