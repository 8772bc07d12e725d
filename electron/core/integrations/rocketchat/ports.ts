/**
 * What the Rocket.Chat use cases need from the rest of the app, kept narrow so tests pass real
 * pieces or small fakes. SignalWire's `ports.ts` has the same three.
 */
import type { Outbox } from '../../outbox/outbox';
import type { SecretKey } from '../../settings/section';
import type { RocketChatSettings } from '../../settings/sections/rocketchat';
import type { SettingsStore } from '../../settings/settings-store';

/** The `rocketchat` settings section. */
export interface RocketChatSettingsPort {
  get(): RocketChatSettings;
  /** Validates and stores; throws a UserFacingError (SettingsError) on an invalid value. */
  update(patch: Partial<RocketChatSettings>): unknown;
}

/** The SecretStore's shape (`rocketchat.authToken`). */
export interface RocketChatSecretsPort {
  get(key: SecretKey): string | null;
  set(key: SecretKey, value: string): void;
  delete(key: SecretKey): void;
}

/** The durable outbox: what Rocket.Chat queues, reads back, and where it plugs its transport in. */
export type RocketChatOutboxPort = Pick<
  Outbox,
  | 'enqueue'
  | 'enqueueAll'
  | 'get'
  | 'list'
  | 'retry'
  | 'discard'
  | 'wake'
  | 'onChange'
  | 'setTransport'
>;

/** Adapts the app's SettingsStore to the port: only the `rocketchat` section is read or written. */
export function rocketChatSettingsFrom(store: SettingsStore): RocketChatSettingsPort {
  return {
    get: () => store.section('rocketchat'),
    update: (patch) => store.update({ rocketchat: patch }),
  };
}
