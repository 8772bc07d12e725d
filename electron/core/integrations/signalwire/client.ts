/**
 * A thin typed client for the SignalWire REST Calling API (`specs/signalwire-calling.md`), over
 * the global `fetch`. One attempt per call: retries belong to the durable outbox (see
 * `transport.ts`), because commands are not idempotent and must survive a restart.
 *
 * The Authorization header is built here, in main, and kept in a private field; errors carry
 * status, body, method and URL only.
 */
import { randomUUID } from 'node:crypto';
import { scrubSecrets } from '../../infra/redact';
import {
  SignalWireError,
  SignalWireTransportError,
  describeSignalWireFailureSays,
  type Via,
} from './errors';
import { redactUrl, relayEndpoint, spaceEndpoint } from './endpoint';
import { parseRetryAfter } from './retry';
import { english, say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

export type SignalWireTarget =
  | { kind: 'space'; space: string; projectId: string; token: string }
  | { kind: 'relay'; url: string; bearer: string | null };

export interface SignalWireClientOptions {
  target: SignalWireTarget;
  /** Accept `http://127.0.0.1:PORT` (tests and the built-in demo only). */
  allowLoopbackHttp?: boolean;
  /** Per-attempt timeout. Default 30 s (spec §4). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  newId?: () => string;
  now?: () => number;
}

export type EndReason = 'hangup' | 'cancel' | 'busy' | 'noAnswer' | 'decline' | 'error';

/** What SignalWire answered on success, read loosely (spec §3: rely on `id` and `status`). */
export interface SignalWireResponse {
  status: number;
  /** Parsed JSON, else the text; null for an empty body (204). */
  body: unknown;
  /** `id`/`status` of the Call Leg when the body had them. */
  leg: { id: string | null; status: string | null } | null;
  durationMs: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface TestConnectionResult {
  ok: boolean;
  message: string;
  status: number | null;
}

/** The all-zero UUID is never a real call: a command to it proves authentication without touching one. */
export const PROBE_CALL_ID = '00000000-0000-0000-0000-000000000000';

export class SignalWireConfigError extends Error {
  override readonly name = 'SignalWireConfigError';

  constructor(readonly says: Message) {
    super(english(says));
  }
}

export class SignalWireClient {
  readonly via: Via;
  /** The host requests go to, for display. */
  readonly display: string;
  private readonly url: string;
  private readonly safeUrl: string;
  readonly #authorization: string | null;
  readonly #secrets: string[];
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly newId: () => string;
  private readonly now: () => number;

  constructor(options: SignalWireClientOptions) {
    const { target } = options;
    const flags = { allowLoopbackHttp: options.allowLoopbackHttp ?? false };
    const endpoint =
      target.kind === 'space'
        ? spaceEndpoint(target.space, flags)
        : relayEndpoint(target.url, flags);
    if (!endpoint.ok) throw new SignalWireConfigError(endpoint.says);
    this.via = target.kind === 'space' ? 'direct' : 'relay';
    this.url = endpoint.url;
    this.safeUrl = redactUrl(endpoint.url);
    this.display = endpoint.display;
    if (target.kind === 'space') {
      if (target.projectId === '' || target.token === '') {
        throw new SignalWireConfigError(say('sw.enter-project'));
      }
      const basic = Buffer.from(`${target.projectId}:${target.token}`, 'utf8').toString('base64');
      this.#authorization = `Basic ${basic}`;
      this.#secrets = [target.token, basic];
    } else {
      this.#authorization = target.bearer ? `Bearer ${target.bearer}` : null;
      this.#secrets = target.bearer ? [target.bearer] : [];
    }
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.newId = options.newId ?? randomUUID;
    this.now = options.now ?? Date.now;
  }

  /**
   * Sends `calling.user_event`. The event keeps the caller's own fields (its `type` included) and
   * gets `event_id` (the given one, so a retry carries the same id, else a fresh UUID): SignalWire
   * has no idempotency key, so this is how the far side can spot a duplicate.
   */
  async userEvent(
    callId: string,
    event: Record<string, unknown>,
    options: RequestOptions & { eventId?: string } = {},
  ): Promise<{ eventId: string; response: SignalWireResponse }> {
    const eventId = options.eventId ?? this.newId();
    const response = await this.command(
      'calling.user_event',
      callId,
      { event: { ...event, event_id: eventId } },
      options,
    );
    return { eventId, response };
  }

  /** Sends `calling.end`. A 404 means the call is already gone, which is what the agent wanted. */
  async end(
    callId: string,
    reason?: EndReason,
    options: RequestOptions = {},
  ): Promise<{ alreadyEnded: boolean; response: SignalWireResponse | null }> {
    try {
      const response = await this.command('calling.end', callId, reason ? { reason } : {}, options);
      return { alreadyEnded: false, response };
    } catch (error) {
      if (error instanceof SignalWireError && error.status === 404)
        return { alreadyEnded: true, response: null };
      throw error;
    }
  }

  /**
   * Proves the credentials (or the relay) work without touching a real call: a user event to the
   * all-zero call id. 404 (unknown call) or 422 means the request got past authentication; 401 or
   * 403 means it did not. Never throws.
   */
  async testConnection(options: RequestOptions = {}): Promise<TestConnectionResult> {
    const { says: _says, ...result } = await this.testConnectionSaying(options);
    return result;
  }

  /** The same, its words also as a code the window puts in the agent's language. */
  async testConnectionSaying(
    options: RequestOptions = {},
  ): Promise<TestConnectionResult & { says: Message }> {
    const target = this.display;
    const answer = (ok: boolean, says: Message, status: number | null) => ({
      ok,
      message: english(says),
      status,
      says,
    });
    try {
      const event = { type: 'ringside.connection_test' };
      const { response } = await this.userEvent(PROBE_CALL_ID, event, options);
      return answer(true, say('sw.test-connected', { target }), response.status);
    } catch (error) {
      if (error instanceof SignalWireError && (error.status === 404 || error.status === 422)) {
        const says =
          this.via === 'relay'
            ? say('sw.test-relay-accepted', { target })
            : say('sw.test-credentials-accepted', { target });
        return answer(true, says, error.status);
      }
      return answer(
        false,
        describeSignalWireFailureSays(error),
        error instanceof SignalWireError ? error.status : null,
      );
    }
  }

  /** One POST of the envelope `{command, id, params}`; `params` is always sent (spec §1). */
  async command(
    command: string,
    id: string | null,
    params: Record<string, unknown>,
    options: RequestOptions = {},
  ): Promise<SignalWireResponse> {
    const envelope = id === null ? { command, params } : { command, id, params };
    const started = this.now();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = (): void => controller.abort();
    const outer = options.signal;
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', onAbort, { once: true });

    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
    };
    if (this.#authorization) headers.Authorization = this.#authorization;
    try {
      const response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(envelope),
        signal: controller.signal,
        redirect: 'error',
      });
      const text = this.scrub(await response.text());
      const body = parseBody(text);
      if (!response.ok) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), this.now());
        throw new SignalWireError(
          response.status,
          body,
          'POST',
          this.safeUrl,
          this.via,
          retryAfter,
        );
      }
      return {
        status: response.status,
        body,
        leg: readLeg(body),
        durationMs: this.now() - started,
      };
    } catch (error) {
      if (error instanceof SignalWireError) throw error;
      if (timedOut) throw this.transportError('timeout', true, null);
      if (controller.signal.aborted) throw this.transportError('aborted', true, null);
      const code = systemCode(error);
      throw this.transportError('network', !NEVER_SENT.has(code ?? ''), code);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  private transportError(
    reason: 'timeout' | 'aborted' | 'network',
    mayHaveArrived: boolean,
    code: string | null,
  ) {
    return new SignalWireTransportError(
      reason,
      mayHaveArrived,
      'POST',
      this.safeUrl,
      this.via,
      code,
    );
  }

  /** A misbehaving relay could echo the Authorization header back; keep it out of errors and logs. */
  private scrub(text: string): string {
    return scrubSecrets(text, this.#secrets);
  }
}

/** Errors that prove the request never left this machine, so a retry cannot duplicate it. */
const NEVER_SENT: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

function systemCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    if ('errors' in current && Array.isArray(current.errors) && current.errors.length > 0) {
      current = current.errors[0];
      continue;
    }
    current = 'cause' in current ? current.cause : null;
  }
  return null;
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readLeg(body: unknown): SignalWireResponse['leg'] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const id = typeof record.id === 'string' ? record.id : null;
  const status = typeof record.status === 'string' ? record.status : null;
  return id === null && status === null ? null : { id, status };
}
