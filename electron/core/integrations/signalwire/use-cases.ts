/**
 * SignalWire for the agent's calls, as use cases: configuration (token or relay; secrets in the
 * SecretStore), the connection test, call links, the event editor's and presets' user events,
 * `calling.end`, mirroring of hold/unhold/end, and the history. Every command goes through the
 * durable outbox; `transport` delivers them. Nothing in the view or the logs ever holds a token.
 */
import { randomUUID } from 'node:crypto';
import type { CallInfo, CallState, RealtimeEvent } from '../../../../shared/domain/calls';
import { UserFacingError } from '../../../../shared/ipc/dispatch';
import type {
  SignalWireCallLink,
  SignalWireTestView,
  SignalWireView,
} from '../../../../shared/ipc/signalwire';
import type {
  SignalWireConfig,
  SignalWireQueued,
  SignalWireSettingsPatch,
  SignalWireTestResult,
} from '../../../../shared/ipc/signalwire-methods';
import { checkCallId } from '../../../../shared/signalwire/call-id';
import { mirrorEvent } from '../../../../shared/signalwire/mirror';
import { checkEventObject, type JsonObject } from '../../../../shared/signalwire/event-object';
import type { Clock, Logger } from '../../ports';
import { SIGNALWIRE_API_TOKEN, SIGNALWIRE_RELAY_TOKEN } from '../../settings/sections/signalwire';
import { SignalWireActions } from './action-queue';
import { SignalWireClient, SignalWireConfigError, type SignalWireClientOptions } from './client';
import { SignalWireDemoOverlay, type SignalWireDemo } from './demo';
import { relayEndpoint, spaceEndpoint } from './endpoint';
import { signalWireHandlers, type SignalWireHandlers, type SignalWireUseCases } from './handlers';
import { CallLinks } from './links';
import { MirrorFilter, type MirrorDecision } from './mirroring';
import type { SignalWireOutboxPort, SignalWireSecretsPort, SignalWireSettingsPort } from './ports';
import type { RetryTiming } from './retry';
import { SignalWireTransport } from './transport';
import { buildView } from './view';
import { english, say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

export interface SignalWireServiceOptions {
  /** Accept `http://127.0.0.1:PORT` addresses in the configuration (tests only; the demo sets it by itself). */
  allowLoopbackHttp?: boolean;
  /** Per-attempt timeout, ms. Default 30 s. */
  timeoutMs?: number;
  retryTiming?: RetryTiming;
  fetch?: typeof fetch;
  newId?: () => string;
}

export interface SignalWireServiceDeps {
  settings: SignalWireSettingsPort;
  secrets: SignalWireSecretsPort;
  outbox: SignalWireOutboxPort;
  logger: Logger;
  clock: Clock;
  options?: SignalWireServiceOptions;
}

/** Why there is no client: the English and the code. */
const unavailable = (says: Message): { unavailable: string; unavailableSays: Message } => ({
  unavailable: english(says),
  unavailableSays: says,
});

export class SignalWireService implements SignalWireUseCases {
  readonly transport: SignalWireTransport;
  readonly handlers: SignalWireHandlers;
  private readonly actions: SignalWireActions;
  private readonly links: CallLinks;
  private readonly mirror = new MirrorFilter();
  private readonly demo: SignalWireDemoOverlay;
  private readonly listeners = new Set<() => void>();
  private readonly disposers: (() => void)[] = [];
  private readonly log: Logger;
  private readonly newId: () => string;
  private test: SignalWireTestView | null = null;
  private testAbort = new AbortController();

  constructor(private readonly deps: SignalWireServiceDeps) {
    this.log = deps.logger.child('signalwire');
    this.newId = deps.options?.newId ?? randomUUID;
    this.actions = new SignalWireActions({
      outbox: deps.outbox,
      clock: deps.clock,
      logger: this.log,
      newId: () => this.newId(),
      changed: () => this.emit(),
      ended: (signalwireCallId) => this.links.markEnded(signalwireCallId),
    });
    this.demo = new SignalWireDemoOverlay(deps);
    this.links = new CallLinks(deps.settings.get().customDataKey);
    this.transport = new SignalWireTransport({
      client: () => this.client(),
      clock: deps.clock,
      logger: this.log,
      timing: deps.options?.retryTiming,
      onAttemptStart: (id) => {
        if (this.actions.markSending(id)) this.emit();
      },
      onAttempt: (report) => this.actions.onAttempt(report),
    });
    this.handlers = signalWireHandlers(this);
  }

  /** Read through the demo overlay: the demo's connection while it runs, the agent's otherwise. */
  private get settings(): SignalWireSettingsPort {
    return this.demo.settings;
  }

  private get secrets(): SignalWireSecretsPort {
    return this.demo.secrets;
  }

  /** Plugs the transport into the outbox and shows what it still holds from an earlier run. */
  start(): void {
    this.testAbort = new AbortController();
    this.actions.restore();
    this.disposers.push(this.deps.outbox.onChange(() => this.actions.syncWithOutbox()));
    const offSettings = this.settings.onChange?.(() => {
      this.links.setCustomDataKey(this.settings.get().customDataKey);
      this.emit();
    });
    if (offSettings) this.disposers.push(offSettings);
    this.deps.outbox.setTransport('signalwire', this.transport);
  }

  stop(): void {
    this.testAbort.abort();
    this.deps.outbox.setTransport('signalwire', null);
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Demo mode: talk to the built-in demo service; nothing is written to the settings or the SecretStore. */
  useDemo(demo: SignalWireDemo): void {
    this.demo.enter(demo);
    this.test = null;
    this.emit();
  }

  leaveDemo(): void {
    if (!this.demo.leave()) return;
    this.test = null;
    this.emit();
  }

  /** The call state changed (initial state, reconciliation): relink without mirroring. */
  setCalls(state: CallState): void {
    if (this.links.update(state)) this.emit();
  }

  /** One applied realtime event: mirror it when enabled, then relink. */
  onCallEvent(event: RealtimeEvent, before: CallState, after: CallState): void {
    const decisions = this.mirror.decideAll(event, before, after);
    if (decisions.length > 0 && this.settings.get().mirrorCallEvents && this.isConfigured()) {
      const call = event.kind === 'extension' ? event.call : null;
      for (const decision of decisions) this.mirrorDecision(decision, call);
    }
    this.setCalls(after);
  }

  view(): SignalWireView {
    const settings = this.settings.get();
    return buildView({
      settings,
      demo: this.demo.current !== null,
      configured: this.isConfigured(),
      hasToken:
        this.secrets.get(
          settings.authMode === 'token' ? SIGNALWIRE_API_TOKEN : SIGNALWIRE_RELAY_TOKEN,
        ) !== null,
      allowLoopbackHttp: this.allowLoopbackHttp(),
      calls: this.links.list(),
      history: this.actions.list(),
      test: this.test,
    });
  }

  // ---- the use cases behind the IPC methods (handlers.ts) ----

  /**
   * The agent's own SignalWire: checked, stored, and used from now on (a running demo is left).
   * Reads and writes the stored settings and secrets, never the demo's.
   */
  configure(config: SignalWireConfig): SignalWireView {
    const { secrets, settings } = this.deps;
    const invalid = (says: Message): never => {
      throw new UserFacingError('invalid-signalwire-config', says);
    };
    const flags = { allowLoopbackHttp: this.allowLoopbackHttp() };
    switch (config.mode) {
      case 'token': {
        const endpoint = spaceEndpoint(config.space, flags);
        if (!endpoint.ok) invalid(endpoint.says);
        if (config.apiToken === undefined && secrets.get(SIGNALWIRE_API_TOKEN) === null) {
          invalid(say('sw.enter-api-token'));
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
        const endpoint = relayEndpoint(config.relayUrl, flags);
        if (!endpoint.ok) invalid(endpoint.says);
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
    this.log.info('signalwire configured', { mode: config.mode });
    this.demo.leave();
    this.test = null;
    this.links.setCustomDataKey(this.settings.get().customDataKey);
    this.emit();
    return this.view();
  }

  /** One harmless request to the configured endpoint; the window shows how it went. */
  async testConnection(): Promise<SignalWireTestResult> {
    const client = this.client();
    if ('unavailable' in client) {
      this.setTest('failed', client.unavailableSays);
      return { ok: false, message: client.unavailable };
    }
    this.setTest('testing', say('sw.test-checking', { target: client.display }));
    const result = await client.testConnectionSaying({ signal: this.testAbort.signal });
    this.log.info('signalwire connection test', {
      ok: result.ok,
      status: result.status,
      via: client.via,
    });
    this.setTest(result.ok ? 'ok' : 'failed', result.says);
    return { ok: result.ok, message: result.message };
  }

  /** The agent pasted a SignalWire call id for a call (null: forget the pasted one). */
  linkCall(ivrid: string, signalwireCallId: string | null): SignalWireCallLink | null {
    if (!this.links.isVisible(ivrid)) {
      throw new UserFacingError('no-such-call', say('sw.no-such-call'));
    }
    let callId: string | null = null;
    if (signalwireCallId !== null) {
      const parsed = checkCallId(signalwireCallId);
      if (!parsed.ok) throw new UserFacingError('invalid-call-id', parsed.says);
      callId = parsed.value;
    }
    if (this.links.paste(ivrid, callId)) this.emit();
    return this.links.get(ivrid);
  }

  /** The event editor's text, parsed again here (renderer input is untrusted), queued. */
  async sendEvent(ivrid: string, text: string): Promise<SignalWireQueued> {
    const parsed = checkEventObject(text);
    if (!parsed.ok) throw new UserFacingError('invalid-event', parsed.says);
    return this.sendUserEvent(ivrid, parsed.value, 'editor');
  }

  async sendPreset(ivrid: string, index: number): Promise<SignalWireQueued> {
    const preset = this.settings.get().presets[index];
    if (!preset) throw new UserFacingError('no-such-preset', say('sw.no-such-preset'));
    return this.sendUserEvent(ivrid, preset.event, 'preset');
  }

  /** Queues `calling.end`, once: a second press answers with the end already queued. */
  async endCall(ivrid: string): Promise<SignalWireQueued> {
    const link = this.requireLink(ivrid);
    const pending = this.actions.pendingEnd(link.signalwireCallId);
    if (pending !== null) return { actionId: pending, eventId: null };
    const actionId = await this.actions.queueEnd(link);
    return { actionId, eventId: null };
  }

  /** Mirroring, presets, the custom data key: not a new connection, so a demo and the last test stay. */
  updateSettings(patch: SignalWireSettingsPatch): SignalWireView {
    this.settings.update(patch);
    this.links.setCustomDataKey(this.settings.get().customDataKey);
    this.emit();
    return this.view();
  }

  // ---- internals ----

  private async sendUserEvent(
    ivrid: string,
    event: JsonObject,
    origin: 'editor' | 'preset',
  ): Promise<SignalWireQueued> {
    const link = this.requireLink(ivrid);
    const eventId = this.newId();
    const actionId = await this.actions.queueUserEvent(link, event, eventId, origin);
    return { actionId, eventId };
  }

  private setTest(state: SignalWireTestView['state'], says: Message): void {
    this.test = { state, message: english(says), says, at: this.deps.clock.now() };
    this.emit();
  }

  private mirrorDecision(decision: MirrorDecision, call: CallInfo | null): void {
    const link = this.links.get(decision.ivrid);
    const callId = link?.signalwireCallId ?? (call ? this.links.fromCall(call) : null);
    // Once its end is queued the call is over for SignalWire: a mirrored event would come after
    // `calling.end` and fail (404) on a call that ended as it should.
    if (callId === null || this.links.isEnded(callId) || this.actions.pendingEnd(callId) !== null)
      return;
    const eventId = this.newId();
    const payloadEvent = mirrorEvent(decision.which, decision.ivrid, decision.at, eventId);
    this.actions
      .queueUserEvent(
        { ivrid: decision.ivrid, signalwireCallId: callId },
        payloadEvent,
        eventId,
        'mirror',
      )
      .catch((error: unknown) =>
        this.log.warn('could not queue a mirrored call event', {
          error: errorName(error),
          which: decision.which,
        }),
      );
  }

  /** The client for the current configuration, or why there is none. */
  private client(): SignalWireClient | { unavailable: string; unavailableSays: Message } {
    const settings = this.settings.get();
    const options: Omit<SignalWireClientOptions, 'target'> = {
      timeoutMs: this.deps.options?.timeoutMs,
      fetch: this.deps.options?.fetch,
      now: () => this.deps.clock.now(),
      allowLoopbackHttp: this.demo.current !== null || this.allowLoopbackHttp(),
    };
    try {
      if (settings.authMode === 'relay') {
        if (settings.relayUrl === '') return unavailable(say('sw.needs-relay'));
        const bearer = this.secrets.get(SIGNALWIRE_RELAY_TOKEN);
        return new SignalWireClient({
          ...options,
          target: { kind: 'relay', url: settings.relayUrl, bearer },
        });
      }
      const token = this.secrets.get(SIGNALWIRE_API_TOKEN);
      if (settings.space === '' || settings.projectId === '' || token === null) {
        return unavailable(say('sw.needs-space'));
      }
      return new SignalWireClient({
        ...options,
        target: { kind: 'space', space: settings.space, projectId: settings.projectId, token },
      });
    } catch (error) {
      if (error instanceof SignalWireConfigError) return unavailable(error.says);
      throw error;
    }
  }

  private isConfigured(): boolean {
    return !('unavailable' in this.client());
  }

  private allowLoopbackHttp(): boolean {
    return this.deps.options?.allowLoopbackHttp ?? false;
  }

  /** The link of a call the agent acts on, or a plain-words refusal. */
  private requireLink(ivrid: string): SignalWireCallLink {
    const configured = this.client();
    if ('unavailable' in configured)
      throw new UserFacingError('signalwire-not-configured', configured.unavailableSays);
    const link = this.links.get(ivrid);
    if (!link) {
      throw new UserFacingError('no-signalwire-call', say('sw.no-call-id'));
    }
    if (link.ended)
      throw new UserFacingError('signalwire-call-ended', say('sw.call-already-ended'));
    return link;
  }

  private emit(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.log.error('signalwire listener threw', { error: errorName(error) });
      }
    }
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
