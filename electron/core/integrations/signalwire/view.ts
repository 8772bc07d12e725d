/** What the window shows of SignalWire, built from the use cases' state. Never holds a token. */
import type {
  SignalWireCallLink,
  SignalWireHistoryEntry,
  SignalWireTestView,
  SignalWireView,
} from '../../../../shared/ipc/signalwire';
import type { SignalWireSettings } from '../../settings/sections/signalwire';
import { relayEndpoint, spaceEndpoint } from './endpoint';

export interface SignalWireViewInput {
  /** The settings as the use cases read them (the demo's connection while it runs). */
  settings: SignalWireSettings;
  demo: boolean;
  configured: boolean;
  hasToken: boolean;
  allowLoopbackHttp: boolean;
  calls: SignalWireCallLink[];
  history: SignalWireHistoryEntry[];
  test: SignalWireTestView | null;
}

export function buildView(input: SignalWireViewInput): SignalWireView {
  const { settings, demo } = input;
  const token = settings.authMode === 'token';
  const flags = { allowLoopbackHttp: demo || input.allowLoopbackHttp };
  const address = token ? settings.space : settings.relayUrl;
  const endpoint = token ? spaceEndpoint(address, flags) : relayEndpoint(address, flags);
  return {
    configured: input.configured,
    mode: demo ? 'demo' : address !== '' ? settings.authMode : null,
    target: endpoint.ok ? endpoint.display : address,
    projectId: token ? settings.projectId : '',
    relayUrl: token ? '' : settings.relayUrl,
    hasToken: input.hasToken,
    customDataKey: settings.customDataKey,
    mirrorCallEvents: settings.mirrorCallEvents,
    presets: settings.presets.map((preset) => ({
      label: preset.label,
      event: { ...preset.event },
    })),
    calls: input.calls,
    history: input.history,
    test: input.test ? { ...input.test } : null,
  };
}
