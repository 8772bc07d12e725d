import type { SecretKey } from '../../settings/section';
import { ROCKETCHAT_AUTH_TOKEN, type RocketChatSettings } from '../../settings/sections/rocketchat';
import type { SecretStore, SettingsStore } from '../../settings';

/**
 * The Rocket.Chat settings and auth token as the Rocket.Chat service sees them. Outside the demo
 * they are the stored ones; while the demo runs, the service signs in to the demo server, and that
 * sign-in lives in memory only, so trying the demo never overwrites (or, on leaving it, signs out
 * of) the agent's own Rocket.Chat server.
 */
export class DemoAwareRocketChatStore {
  private demo: { settings: RocketChatSettings; token: string | null } | null = null;

  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
  ) {}

  enterDemo(): void {
    // The agent's preferences (auto-open, keep in step, tags) carry over; the server does not.
    this.demo = { settings: { ...this.settings.get().rocketchat }, token: null };
  }

  leaveDemo(): void {
    this.demo = null;
  }

  /** The settings port the Rocket.Chat service is given. */
  readonly settingsPort = {
    get: (): RocketChatSettings => this.demo?.settings ?? this.settings.get().rocketchat,
    update: (patch: Partial<RocketChatSettings>): void => {
      if (this.demo) this.demo.settings = { ...this.demo.settings, ...patch };
      else this.settings.update({ rocketchat: patch });
    },
  };

  /** The secrets port the Rocket.Chat service is given. */
  readonly secretsPort = {
    get: (key: SecretKey): string | null =>
      this.demo && key === ROCKETCHAT_AUTH_TOKEN ? this.demo.token : this.secrets.get(key),
    set: (key: SecretKey, value: string): void => {
      if (this.demo && key === ROCKETCHAT_AUTH_TOKEN) this.demo.token = value;
      else this.secrets.set(key, value);
    },
    delete: (key: SecretKey): void => {
      if (this.demo && key === ROCKETCHAT_AUTH_TOKEN) this.demo.token = null;
      else this.secrets.delete(key);
    },
  };
}
