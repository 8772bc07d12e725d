/**
 * What the SignalWire use cases need from the rest of the app, kept narrow so tests pass real
 * pieces or small fakes. Rocket.Chat's `ports.ts` has the same three.
 */
import type { Outbox } from '../../outbox/outbox';
import type { SecretKey } from '../../settings/section';
import type { SignalWireSettings } from '../../settings/sections/signalwire';
import type { SettingsStore } from '../../settings/settings-store';

/** The `signalwire` settings section. */
export interface SignalWireSettingsPort {
  get(): SignalWireSettings;
  /** Validates and stores; throws a UserFacingError (SettingsError) on an invalid value. */
  update(patch: Partial<SignalWireSettings>): unknown;
  onChange?(listener: () => void): () => void;
}

/** The SecretStore's shape (`signalwire.apiToken`, `signalwire.relayToken`). */
export interface SignalWireSecretsPort {
  get(key: SecretKey): string | null;
  set(key: SecretKey, value: string): void;
  delete(key: SecretKey): void;
}

/** The durable outbox: what SignalWire queues, reads back, and where it plugs its transport in. */
export type SignalWireOutboxPort = Pick<
  Outbox,
  'enqueue' | 'get' | 'list' | 'onChange' | 'setTransport'
>;

/** Adapts the app's SettingsStore to the port: only the `signalwire` section is read or written. */
export function signalWireSettingsFrom(store: SettingsStore): SignalWireSettingsPort {
  return {
    get: () => store.section('signalwire'),
    update: (patch) => store.update({ signalwire: patch }),
    onChange: (listener) =>
      store.onChange((_settings, changed) => {
        if (changed.includes('signalwire')) listener();
      }),
  };
}
