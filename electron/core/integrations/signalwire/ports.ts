/** What the SignalWire service needs from the rest of the app, kept narrow so tests pass real pieces or small fakes. */
import type { NewOutboxAction, OutboxRecord, OutboxRecordState } from '../../outbox/types';
import type { SecretKey } from '../../settings/section';
import type { SignalWireSettings } from '../../settings/sections/signalwire';
import type { SettingsStore } from '../../settings/settings-store';

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

/** The durable outbox's shape (`Outbox`). Only `enqueue` is required. */
export interface SignalWireOutboxPort {
  enqueue(action: NewOutboxAction): Promise<unknown>;
  get?(
    id: string,
  ): { state: OutboxRecordState; reason: string | null; doubt?: OutboxRecord['doubt'] } | undefined;
  list?(): {
    action: {
      id: string;
      target: string;
      kind: string;
      payload: unknown;
      ivrid: string | null;
      createdAt: number;
    };
    state: OutboxRecordState;
    reason: string | null;
  }[];
  onChange?(listener: () => void): () => void;
}

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
