/**
 * The IPC handlers of `signalWireMethods`. Arguments arrive validated by their zod schemas; the
 * event text is parsed again here (renderer input is untrusted), and addresses are checked before
 * anything is stored.
 */
import type { ApiHandlers } from '../../../../shared/ipc/contract';
import { UserFacingError } from '../../../../shared/ipc/dispatch';
import type {
  SignalWireCallLink,
  SignalWirePreset,
  SignalWireTestView,
  SignalWireView,
} from '../../../../shared/ipc/signalwire';
import type { signalWireMethods, SignalWireConfig } from '../../../../shared/ipc/signalwire-methods';
import { parseCallId } from '../../../../shared/signalwire/call-id';
import { parseEventObject, type JsonObject } from '../../../../shared/signalwire/event-object';
import type { Logger } from '../../ports';
import { SIGNALWIRE_API_TOKEN, SIGNALWIRE_RELAY_TOKEN } from '../../settings/sections/signalwire';
import type { SignalWireClient } from './client';
import { relayEndpoint, spaceEndpoint } from './endpoint';
import type { SignalWireSecretsPort, SignalWireSettingsPort } from './ports';

export type SignalWireHandlers = Pick<ApiHandlers, keyof typeof signalWireMethods>;

/**
 * What the handlers use of the SignalWire service (`service.ts`, which builds them with itself).
 * Declared here so the two files do not import each other.
 */
export interface SignalWireHandlerPort {
  readonly secrets: SignalWireSecretsPort;
  readonly settings: SignalWireSettingsPort;
  readonly logger: Logger;
  readonly testSignal: AbortSignal;
  loopbackFlag(): { allowLoopbackHttp: boolean };
  configurationChanged(): void;
  settingsChanged(): void;
  view(): SignalWireView;
  client(): SignalWireClient | { unavailable: string };
  setTest(test: SignalWireTestView | null): void;
  now(): number;
  nextId(): string;
  isVisible(ivrid: string): boolean;
  paste(ivrid: string, signalwireCallId: string | null): SignalWireCallLink | null;
  requireLink(ivrid: string): SignalWireCallLink;
  presets(): SignalWirePreset[];
  pendingEnd(signalwireCallId: string): string | null;
  queueUserEvent(
    link: SignalWireCallLink,
    event: JsonObject,
    eventId: string,
    origin: 'editor' | 'preset',
  ): Promise<string>;
  queueEnd(link: SignalWireCallLink): Promise<string>;
}

export function createHandlers(service: SignalWireHandlerPort): SignalWireHandlers {
  const invalid = (message: string): never => {
    throw new UserFacingError('invalid-signalwire-config', message);
  };

  const configure = (config: SignalWireConfig): void => {
    const { secrets, settings } = service;
    switch (config.mode) {
      case 'token': {
        const endpoint = spaceEndpoint(config.space, service.loopbackFlag());
        if (!endpoint.ok) invalid(endpoint.reason);
        if (config.apiToken === undefined && secrets.get(SIGNALWIRE_API_TOKEN) === null) {
          invalid('Enter the API token (a token with the Voice scope is enough).');
        }
        settings.update({
          authMode: 'token',
          space: config.space,
          projectId: config.projectId,
          relayUrl: '',
        });
        if (config.apiToken !== undefined) secrets.set(SIGNALWIRE_API_TOKEN, config.apiToken);
        secrets.delete(SIGNALWIRE_RELAY_TOKEN);
        break;
      }
      case 'relay': {
        const endpoint = relayEndpoint(config.relayUrl, service.loopbackFlag());
        if (!endpoint.ok) invalid(endpoint.reason);
        settings.update({ authMode: 'relay', relayUrl: config.relayUrl, space: '', projectId: '' });
        // Relay mode exists so that agents' machines hold no project token: drop any stored one.
        secrets.delete(SIGNALWIRE_API_TOKEN);
        if (config.relayToken === null) secrets.delete(SIGNALWIRE_RELAY_TOKEN);
        else if (config.relayToken !== undefined)
          secrets.set(SIGNALWIRE_RELAY_TOKEN, config.relayToken);
        break;
      }
      case 'off':
        settings.update({ space: '', projectId: '', relayUrl: '' });
        secrets.delete(SIGNALWIRE_API_TOKEN);
        secrets.delete(SIGNALWIRE_RELAY_TOKEN);
        break;
    }
    service.logger.info('signalwire configured', { mode: config.mode });
    service.configurationChanged();
  };

  return {
    configureSignalWire: (config) => {
      configure(config);
      return service.view();
    },

    testSignalWire: async () => {
      const client = service.client();
      if ('unavailable' in client) {
        service.setTest({ state: 'failed', message: client.unavailable, at: service.now() });
        return { ok: false, message: client.unavailable };
      }
      service.setTest({
        state: 'testing',
        message: `Checking ${client.display}…`,
        at: service.now(),
      });
      const result = await client.testConnection({ signal: service.testSignal });
      service.logger.info('signalwire connection test', {
        ok: result.ok,
        status: result.status,
        via: client.via,
      });
      service.setTest({
        state: result.ok ? 'ok' : 'failed',
        message: result.message,
        at: service.now(),
      });
      return { ok: result.ok, message: result.message };
    },

    linkSignalWireCall: (ivrid, callId) => {
      if (!service.isVisible(ivrid)) {
        throw new UserFacingError('no-such-call', 'That call is no longer on your screen.');
      }
      if (callId === null) return service.paste(ivrid, null);
      const parsed = parseCallId(callId);
      if (!parsed.ok) throw new UserFacingError('invalid-call-id', parsed.reason);
      return service.paste(ivrid, parsed.value);
    },

    sendSignalWireEvent: async (ivrid, text) => {
      const parsed = parseEventObject(text);
      if (!parsed.ok) throw new UserFacingError('invalid-event', parsed.reason);
      const link = service.requireLink(ivrid);
      const eventId = service.nextId();
      const actionId = await service.queueUserEvent(link, parsed.value, eventId, 'editor');
      return { actionId, eventId };
    },

    sendSignalWirePreset: async (ivrid, index) => {
      const preset = service.presets()[index];
      if (!preset)
        throw new UserFacingError('no-such-preset', 'That preset is no longer configured.');
      const link = service.requireLink(ivrid);
      const eventId = service.nextId();
      const actionId = await service.queueUserEvent(link, preset.event, eventId, 'preset');
      return { actionId, eventId };
    },

    endSignalWireCall: async (ivrid) => {
      const link = service.requireLink(ivrid);
      const pending = service.pendingEnd(link.signalwireCallId);
      if (pending !== null) return { actionId: pending, eventId: null };
      const actionId = await service.queueEnd(link);
      return { actionId, eventId: null };
    },

    updateSignalWireSettings: (patch) => {
      service.settings.update(patch);
      // Not a new connection: demo mode and the last test result stay.
      service.settingsChanged();
      return service.view();
    },
  };
}
