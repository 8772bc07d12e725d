/**
 * Rocket.Chat's side of the built-in demo: while a demo runs, the use cases sign in to the demo
 * server, and that sign-in lives in this overlay, in memory only, so trying the demo never
 * overwrites (or, on leaving it, signs out of) the agent's own Rocket.Chat server. SignalWire's
 * `demo.ts` has the same form.
 */
import type { SecretKey } from '../../settings/section';
import { ROCKETCHAT_AUTH_TOKEN, type RocketChatSettings } from '../../settings/sections/rocketchat';
import type { RocketChatSecretsPort, RocketChatSettingsPort } from './ports';

/** The demo Rocket.Chat (`startRocketChatSim`) and the demo agent's sign-in there. */
export interface RocketChatDemo {
  url: string;
  username: string;
  password: string;
}

export class RocketChatDemoOverlay {
  private demo: {
    server: RocketChatDemo;
    settings: RocketChatSettings;
    token: string | null;
  } | null = null;

  constructor(
    private readonly stored: {
      settings: RocketChatSettingsPort;
      secrets: RocketChatSecretsPort;
    },
  ) {}

  /** The running demo, or null. */
  get current(): RocketChatDemo | null {
    return this.demo?.server ?? null;
  }

  enter(demo: RocketChatDemo): void {
    // The agent's preferences (auto-open, keep in step, tags) carry over; the server does not.
    this.demo = { server: { ...demo }, settings: { ...this.stored.settings.get() }, token: null };
  }

  /** Whether a demo was running. */
  leave(): boolean {
    const was = this.demo !== null;
    this.demo = null;
    return was;
  }

  /** The settings the use cases read and write: the demo's, in memory, while it runs. */
  readonly settings: RocketChatSettingsPort = {
    get: (): RocketChatSettings => this.demo?.settings ?? this.stored.settings.get(),
    update: (patch: Partial<RocketChatSettings>): unknown => {
      if (!this.demo) return this.stored.settings.update(patch);
      this.demo.settings = { ...this.demo.settings, ...patch };
      return undefined;
    },
  };

  /** The secrets the use cases read and write: the demo's auth token, in memory, while it runs. */
  readonly secrets: RocketChatSecretsPort = {
    get: (key: SecretKey): string | null =>
      this.demo && key === ROCKETCHAT_AUTH_TOKEN ? this.demo.token : this.stored.secrets.get(key),
    set: (key: SecretKey, value: string): void => {
      if (this.demo && key === ROCKETCHAT_AUTH_TOKEN) this.demo.token = value;
      else this.stored.secrets.set(key, value);
    },
    delete: (key: SecretKey): void => {
      if (this.demo && key === ROCKETCHAT_AUTH_TOKEN) this.demo.token = null;
      else this.stored.secrets.delete(key);
    },
  };
}
