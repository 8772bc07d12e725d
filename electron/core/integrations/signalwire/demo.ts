/**
 * SignalWire's side of the built-in demo: while a demo runs, the use cases read the demo
 * service's address and token through this overlay instead of the agent's own configuration,
 * which is never written or deleted by the demo. The agent's preferences (mirroring, presets, the
 * custom data key) stay theirs and are stored as usual. Rocket.Chat's `demo.ts` has the same form.
 */
import type { SignalWirePreset } from '../../../../shared/ipc/signalwire';
import type { SecretKey } from '../../settings/section';
import {
  SIGNALWIRE_API_TOKEN,
  SIGNALWIRE_RELAY_TOKEN,
  type SignalWireSettings,
} from '../../settings/sections/signalwire';
import type { SignalWireSecretsPort, SignalWireSettingsPort } from './ports';

/** The demo SignalWire service (`startSignalWireSim`). */
export interface SignalWireDemo {
  baseUrl: string;
  projectId: string;
  token: string;
}

/** Offered while the demo runs and the agent has configured no presets of their own. */
export const DEMO_PRESETS: SignalWirePreset[] = [
  { label: 'Order confirmed', event: { type: 'order.confirmed', order_id: 'ORD-12345' } },
  { label: 'Survey requested', event: { type: 'survey.requested' } },
];

export class SignalWireDemoOverlay {
  private demo: SignalWireDemo | null = null;

  constructor(
    private readonly stored: {
      settings: SignalWireSettingsPort;
      secrets: SignalWireSecretsPort;
    },
  ) {}

  /** The running demo, or null. */
  get current(): SignalWireDemo | null {
    return this.demo;
  }

  enter(demo: SignalWireDemo): void {
    this.demo = { ...demo };
  }

  /** Whether a demo was running. */
  leave(): boolean {
    const was = this.demo !== null;
    this.demo = null;
    return was;
  }

  /** The settings the use cases read: the stored ones, with the demo's connection while it runs. */
  readonly settings: SignalWireSettingsPort = {
    get: (): SignalWireSettings => {
      const stored = this.stored.settings.get();
      const demo = this.demo;
      if (!demo) return stored;
      return {
        ...stored,
        authMode: 'token',
        space: demo.baseUrl,
        projectId: demo.projectId,
        relayUrl: '',
        presets: stored.presets.length === 0 ? DEMO_PRESETS : stored.presets,
      };
    },
    update: (patch) => this.stored.settings.update(patch),
    onChange: (listener) => this.stored.settings.onChange?.(listener) ?? (() => undefined),
  };

  /** The secrets the use cases read: the demo's token while it runs, and no relay token then. */
  readonly secrets: SignalWireSecretsPort = {
    get: (key: SecretKey): string | null => {
      if (this.demo && key === SIGNALWIRE_API_TOKEN) return this.demo.token;
      if (this.demo && key === SIGNALWIRE_RELAY_TOKEN) return null;
      return this.stored.secrets.get(key);
    },
    set: (key, value) => this.stored.secrets.set(key, value),
    delete: (key) => this.stored.secrets.delete(key),
  };
}
