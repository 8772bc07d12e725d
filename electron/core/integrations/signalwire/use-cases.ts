/**
 * SignalWire for the agent's calls: configuration (token or relay; secrets in the
 * SecretStore), call links, the event editor's and presets' user events, `calling.end`, mirroring
 * of hold/unhold/end, and the history. Every command goes through the durable outbox; the
 * `transport` here delivers them. Nothing in the view or the logs ever holds a token.
 */
import { randomUUID } from 'node:crypto';
import type { CallInfo, CallState, RealtimeEvent } from '../../../../shared/domain/calls';
import type {
  SignalWireCallLink,
  SignalWirePreset,
  SignalWireTestView,
  SignalWireView,
} from '../../../../shared/ipc/signalwire';
import { whyNotSaved } from '../../outbox/disk-error';
import type { Clock, Logger } from '../../ports';
import { SIGNALWIRE_API_TOKEN, SIGNALWIRE_RELAY_TOKEN } from '../../settings/sections/signalwire';
import { mirrorEvent } from '../../../../shared/signalwire/mirror';
import { eventLabel, type JsonObject } from '../../../../shared/signalwire/event-object';
import {
  END_KIND,
  USER_EVENT_KIND,
  orderKeyFor,
  type EndPayload,
  type UserEventPayload,
} from './actions';
import { SignalWireClient, SignalWireConfigError, type SignalWireClientOptions } from './client';
import { relayEndpoint, spaceEndpoint } from './endpoint';
import { SignalWireHistory, type OutboxRecordLike } from './history';
import { CallLinks } from './links';
import { MirrorFilter, type MirrorDecision } from './mirroring';
import type { SignalWireOutboxPort, SignalWireSecretsPort, SignalWireSettingsPort } from './ports';
import type { RetryTiming } from './retry';
import { SignalWireTransport, type AttemptReport } from './transport';
import { createHandlers, type SignalWireHandlers } from './handlers';
import { UserFacingError } from '../../../../shared/ipc/dispatch';

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

/** The demo SignalWire service (`startSignalWireSim`). */
export interface SignalWireDemo {
  baseUrl: string;
  projectId: string;
  token: string;
}

export const DEMO_PRESETS: SignalWirePreset[] = [
  { label: 'Order confirmed', event: { type: 'order.confirmed', order_id: 'ORD-12345' } },
  { label: 'Survey requested', event: { type: 'survey.requested' } },
];

export type QueueOrigin = 'editor' | 'preset' | 'mirror';

export class SignalWireService {
  readonly transport: SignalWireTransport;
  readonly handlers: SignalWireHandlers;
  private readonly history = new SignalWireHistory();
  private readonly links: CallLinks;
  private readonly mirror = new MirrorFilter();
  private readonly listeners = new Set<() => void>();
  private readonly enqueueing = new Set<string>();
  private readonly disposers: (() => void)[] = [];
  private readonly log: Logger;
  private readonly newId: () => string;
  private demo: SignalWireDemo | null = null;
  private test: SignalWireTestView | null = null;
  private testAbort = new AbortController();

  constructor(private readonly deps: SignalWireServiceDeps) {
    this.log = deps.logger.child('signalwire');
    this.newId = deps.options?.newId ?? randomUUID;
    this.links = new CallLinks(deps.settings.get().customDataKey);
    this.transport = new SignalWireTransport({
      client: () => this.client(),
      clock: deps.clock,
      logger: this.log,
      timing: deps.options?.retryTiming,
      onAttemptStart: (id) => {
        if (this.history.markSending(id)) this.emit();
      },
      onAttempt: (report) => this.onAttempt(report),
    });
    this.handlers = createHandlers(this);
  }

  start(): void {
    this.testAbort = new AbortController();
    this.restoreHistory();
    const { outbox, settings } = this.deps;
    if (outbox.onChange) this.disposers.push(outbox.onChange(() => this.syncWithOutbox()));
    if (settings.onChange) {
      this.disposers.push(
        settings.onChange(() => {
          this.links.setCustomDataKey(settings.get().customDataKey);
          this.emit();
        }),
      );
    }
  }

  stop(): void {
    this.testAbort.abort();
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Demo mode: talk to the built-in demo service; nothing is written to the settings or the SecretStore. */
  useDemo(demo: SignalWireDemo): void {
    this.demo = { ...demo };
    this.test = null;
    this.emit();
  }

  leaveDemo(): void {
    if (this.demo === null) return;
    this.demo = null;
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
    if (decisions.length > 0 && this.deps.settings.get().mirrorCallEvents && this.isConfigured()) {
      const call = event.kind === 'extension' ? event.call : null;
      for (const decision of decisions) this.mirrorDecision(decision, call);
    }
    this.setCalls(after);
  }

  private mirrorDecision(decision: MirrorDecision, call: CallInfo | null): void {
    const link = this.links.get(decision.ivrid);
    const callId = link?.signalwireCallId ?? (call ? this.links.fromCall(call) : null);
    // Once its end is queued the call is over for SignalWire: a mirrored event would come after
    // `calling.end` and fail (404) on a call that ended as it should.
    if (callId === null || this.links.isEnded(callId) || this.pendingEnd(callId) !== null) return;
    const eventId = this.newId();
    const payloadEvent = mirrorEvent(decision.which, decision.ivrid, decision.at, eventId);
    this.queueUserEvent(
      { ivrid: decision.ivrid, signalwireCallId: callId },
      payloadEvent,
      eventId,
      'mirror',
    ).catch((error: unknown) =>
      this.log.warn('could not queue a mirrored call event', {
        error: errorName(error),
        which: decision.which,
      }),
    );
  }

  view(): SignalWireView {
    const settings = this.deps.settings.get();
    const demo = this.demo;
    const token = settings.authMode === 'token';
    const display = demo
      ? demo.baseUrl.replace(/^https?:\/\//, '')
      : token
        ? endpointDisplay(spaceEndpoint(settings.space, this.loopbackFlag()), settings.space)
        : endpointDisplay(relayEndpoint(settings.relayUrl, this.loopbackFlag()), settings.relayUrl);
    return {
      configured: this.isConfigured(),
      mode: demo ? 'demo' : this.hasAddress() ? settings.authMode : null,
      target: display,
      projectId: demo ? demo.projectId : token ? settings.projectId : '',
      relayUrl: demo || token ? '' : settings.relayUrl,
      hasToken:
        demo !== null ||
        this.deps.secrets.get(token ? SIGNALWIRE_API_TOKEN : SIGNALWIRE_RELAY_TOKEN) !== null,
      customDataKey: settings.customDataKey,
      mirrorCallEvents: settings.mirrorCallEvents,
      presets: this.presets().map((preset) => ({
        label: preset.label,
        event: { ...preset.event },
      })),
      calls: this.links.list(),
      history: this.history.list(),
      test: this.test ? { ...this.test } : null,
    };
  }

  /** The client for the current configuration, or why there is none. */
  client(): SignalWireClient | { unavailable: string } {
    const base: Omit<SignalWireClientOptions, 'target'> = {
      timeoutMs: this.deps.options?.timeoutMs,
      fetch: this.deps.options?.fetch,
      now: () => this.deps.clock.now(),
    };
    try {
      if (this.demo) {
        const { baseUrl, projectId, token } = this.demo;
        return new SignalWireClient({
          ...base,
          target: { kind: 'space', space: baseUrl, projectId, token },
          allowLoopbackHttp: true,
        });
      }
      const settings = this.deps.settings.get();
      const flags = { ...base, allowLoopbackHttp: this.deps.options?.allowLoopbackHttp ?? false };
      if (settings.authMode === 'relay') {
        if (settings.relayUrl === '')
          return { unavailable: 'SignalWire is not set up: enter the relay URL in Settings.' };
        const bearer = this.deps.secrets.get(SIGNALWIRE_RELAY_TOKEN);
        return new SignalWireClient({
          ...flags,
          target: { kind: 'relay', url: settings.relayUrl, bearer },
        });
      }
      const token = this.deps.secrets.get(SIGNALWIRE_API_TOKEN);
      if (settings.space === '' || settings.projectId === '' || token === null) {
        return {
          unavailable:
            'SignalWire is not set up: enter the space, project id and API token in Settings.',
        };
      }
      return new SignalWireClient({
        ...flags,
        target: { kind: 'space', space: settings.space, projectId: settings.projectId, token },
      });
    } catch (error) {
      if (error instanceof SignalWireConfigError) return { unavailable: error.message };
      throw error;
    }
  }

  isConfigured(): boolean {
    return !('unavailable' in this.client());
  }

  presets(): SignalWirePreset[] {
    const configured = this.deps.settings.get().presets;
    return configured.length === 0 && this.demo ? DEMO_PRESETS : configured;
  }

  // ---- used by the IPC handlers (handlers.ts) ----

  get secrets(): SignalWireSecretsPort {
    return this.deps.secrets;
  }

  get settings(): SignalWireSettingsPort {
    return this.deps.settings;
  }

  get logger(): Logger {
    return this.log;
  }

  loopbackFlag(): { allowLoopbackHttp: boolean } {
    return { allowLoopbackHttp: this.deps.options?.allowLoopbackHttp ?? false };
  }

  /** After the configuration changed: leave the demo, forget the last test, relink. */
  configurationChanged(): void {
    this.demo = null;
    this.test = null;
    this.links.setCustomDataKey(this.deps.settings.get().customDataKey);
    this.emit();
  }

  /** Non-connection settings changed (mirroring, presets, the custom data key). */
  settingsChanged(): void {
    this.links.setCustomDataKey(this.deps.settings.get().customDataKey);
    this.emit();
  }

  setTest(test: SignalWireTestView | null): void {
    this.test = test;
    this.emit();
  }

  get testSignal(): AbortSignal {
    return this.testAbort.signal;
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** A fresh id (action ids and `event_id`s). */
  nextId(): string {
    return this.newId();
  }

  isVisible(ivrid: string): boolean {
    return this.links.isVisible(ivrid);
  }

  paste(ivrid: string, signalwireCallId: string | null): SignalWireCallLink | null {
    if (this.links.paste(ivrid, signalwireCallId)) this.emit();
    return this.links.get(ivrid);
  }

  /** The link of a call the agent acts on, or a plain-words refusal. */
  requireLink(ivrid: string): SignalWireCallLink {
    const configured = this.client();
    if ('unavailable' in configured)
      throw new UserFacingError('signalwire-not-configured', configured.unavailable);
    const link = this.links.get(ivrid);
    if (!link) {
      throw new UserFacingError(
        'no-signalwire-call',
        'This call has no SignalWire call id. Paste one to link it.',
      );
    }
    if (link.ended)
      throw new UserFacingError('signalwire-call-ended', 'This SignalWire call has already ended.');
    return link;
  }

  /** An unfinished `calling.end` already queued for this SignalWire call, if any. */
  pendingEnd(signalwireCallId: string): string | null {
    const entry = this.history
      .list()
      .find(
        (item) =>
          item.kind === 'end' &&
          item.signalwireCallId === signalwireCallId &&
          item.state !== 'sent' &&
          item.state !== 'failed',
      );
    return entry ? entry.id : null;
  }

  /** Queues a user event; the event gets `event_id` now, so every attempt carries the same one. */
  async queueUserEvent(
    link: Pick<SignalWireCallLink, 'ivrid' | 'signalwireCallId'>,
    event: JsonObject,
    eventId: string,
    origin: QueueOrigin,
  ): Promise<string> {
    const withId = { ...event, event_id: eventId };
    const type = eventLabel(withId);
    const payload: UserEventPayload = {
      callId: link.signalwireCallId,
      event: withId,
      eventId,
      origin,
    };
    return this.queue(link, USER_EVENT_KIND, payload, `SignalWire event ${type}`, {
      eventId,
      type,
      origin,
    });
  }

  async queueEnd(link: Pick<SignalWireCallLink, 'ivrid' | 'signalwireCallId'>): Promise<string> {
    const payload: EndPayload = { callId: link.signalwireCallId, reason: 'hangup' };
    return this.queue(link, END_KIND, payload, 'SignalWire end call', {
      eventId: null,
      type: 'calling.end',
      origin: 'end',
    });
  }

  private async queue(
    link: Pick<SignalWireCallLink, 'ivrid' | 'signalwireCallId'>,
    kind: typeof USER_EVENT_KIND | typeof END_KIND,
    payload: UserEventPayload | EndPayload,
    label: string,
    entry: { eventId: string | null; type: string; origin: 'editor' | 'preset' | 'mirror' | 'end' },
  ): Promise<string> {
    const id = this.newId();
    this.history.add({
      id,
      kind,
      ...entry,
      ivrid: link.ivrid,
      signalwireCallId: link.signalwireCallId,
      at: this.deps.clock.now(),
    });
    this.enqueueing.add(id);
    this.emit();
    try {
      await this.deps.outbox.enqueue({
        id,
        target: 'signalwire',
        kind,
        orderKey: orderKeyFor(link.signalwireCallId),
        payload,
        label,
        ivrid: link.ivrid,
      });
    } catch (error) {
      const why = whyNotSaved(error);
      // A mirrored call event has no button to answer: its history entry is where the agent
      // reads that it was not sent.
      if (entry.origin === 'mirror')
        this.history.notSaved(id, `Could not be saved (${why}), so it was not sent.`);
      else this.history.remove(id);
      this.emit();
      this.log.error('could not queue a SignalWire action', { kind, error: errorName(error) });
      throw new UserFacingError(
        'not-saved',
        `Ringside could not save the action (${why}), so it was not sent.`,
      );
    } finally {
      this.enqueueing.delete(id);
    }
    this.log.info('signalwire action queued', {
      id,
      kind,
      type: entry.type,
      eventId: entry.eventId,
    });
    this.syncWithOutbox();
    return id;
  }

  private onAttempt(report: AttemptReport): void {
    let changed = this.history.record(report);
    const entry = this.history.list().find((item) => item.id === report.actionId);
    if (entry?.kind === 'end' && report.outcome.kind === 'sent') {
      changed = this.links.markEnded(entry.signalwireCallId) || changed;
    }
    if (changed) this.emit();
  }

  private syncWithOutbox(): void {
    const { outbox } = this.deps;
    if (!outbox.get) return;
    const lookup = (id: string): OutboxRecordLike | undefined => outbox.get?.(id);
    if (this.history.syncWithOutbox(lookup, this.enqueueing)) this.emit();
  }

  /** After a restart the outbox still holds unsent SignalWire actions: show them again. */
  private restoreHistory(): void {
    const records = this.deps.outbox.list?.() ?? [];
    for (const record of records) {
      const { action } = record;
      if (action.target !== 'signalwire' || record.state === 'sent' || this.history.has(action.id))
        continue;
      const payload = action.payload as Partial<UserEventPayload> | undefined;
      const isEvent = action.kind === USER_EVENT_KIND;
      this.history.add({
        id: action.id,
        kind: isEvent ? 'user-event' : 'end',
        eventId: isEvent ? (payload?.eventId ?? null) : null,
        type: isEvent && payload?.event ? eventLabel(payload.event) : 'calling.end',
        origin: isEvent ? (payload?.origin ?? 'editor') : 'end',
        ivrid: action.ivrid,
        signalwireCallId: typeof payload?.callId === 'string' ? payload.callId : '',
        at: action.createdAt,
      });
    }
    this.syncWithOutbox();
  }

  private hasAddress(): boolean {
    const settings = this.deps.settings.get();
    return settings.authMode === 'relay' ? settings.relayUrl !== '' : settings.space !== '';
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

function endpointDisplay(
  result: { ok: true; display: string } | { ok: false },
  raw: string,
): string {
  return result.ok ? result.display : raw;
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
