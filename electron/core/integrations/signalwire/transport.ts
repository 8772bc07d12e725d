/**
 * The `signalwire` OutboxTransport: one outbox attempt = one client call. Maps the client's
 * errors to delivery outcomes by spec §4: a transport error, 429 and 503 are retried with back-off
 * `0.5 s * 2^(n-1)` (never earlier than `Retry-After`); anything else is final, in plain words,
 * because a command that may have taken effect must not be repeated blindly. A 404 on `calling.end`
 * is a success: the call is already gone.
 */
import type { DeliveryOutcome, OutboxAction, OutboxTransport } from '../../outbox/types';
import type { Clock, Logger } from '../../ports';
import { END_KIND, USER_EVENT_KIND, endPayloadSchema, userEventPayloadSchema } from './actions';
import type { SignalWireClient } from './client';
import { SignalWireError, SignalWireTransportError, describeSignalWireFailureSays } from './errors';
import { DEFAULT_RETRY_TIMING, RETRYABLE_STATUSES, nextAttemptAt, type RetryTiming } from './retry';
import { english, say } from '../../../../shared/messages/translate';
import type { Message } from '../../../../shared/messages/catalogue';

/** What one attempt did, for the service's history. */
export interface AttemptReport {
  actionId: string;
  startedAt: number;
  durationMs: number;
  status: number | null;
  mayHaveArrived: boolean;
  outcome: DeliveryOutcome;
  /** Plain words for the history ("Delivered", "Already ended", the refusal), in English. */
  result: string;
  /** The same, as a code the window puts in the agent's language. */
  resultSays?: Message;
}

export interface SignalWireTransportDeps {
  /** The client for the current configuration, or a reason it cannot be built. */
  client: () => SignalWireClient | { unavailable: string; unavailableSays?: Message };
  clock: Clock;
  logger: Logger;
  timing?: RetryTiming;
  onAttemptStart?: (actionId: string, at: number) => void;
  onAttempt?: (report: AttemptReport) => void;
}

export class SignalWireTransport implements OutboxTransport {
  /** Attempts per action since this process started (a restart begins the back-off again). */
  private readonly attempts = new Map<string, number>();
  private readonly timing: RetryTiming;

  constructor(private readonly deps: SignalWireTransportDeps) {
    this.timing = deps.timing ?? DEFAULT_RETRY_TIMING;
  }

  async deliver(action: OutboxAction, signal: AbortSignal): Promise<DeliveryOutcome> {
    const startedAt = this.deps.clock.now();
    const attempt = (this.attempts.get(action.id) ?? 0) + 1;
    this.attempts.set(action.id, attempt);
    this.deps.onAttemptStart?.(action.id, startedAt);
    const report = (
      partial: Omit<AttemptReport, 'actionId' | 'startedAt' | 'durationMs'>,
    ): DeliveryOutcome => {
      if (partial.outcome.kind !== 'retry') this.attempts.delete(action.id);
      const durationMs = Math.max(0, this.deps.clock.now() - startedAt);
      this.deps.logger.info('signalwire attempt', {
        actionId: action.id,
        kind: action.kind,
        attempt,
        status: partial.status,
        outcome: partial.outcome.kind,
        durationMs,
      });
      this.deps.onAttempt?.({ actionId: action.id, startedAt, durationMs, ...partial });
      return partial.outcome;
    };
    const fail = (says: Message): DeliveryOutcome =>
      report({
        status: null,
        mayHaveArrived: false,
        outcome: { kind: 'failed', reason: english(says), says },
        result: english(says),
        resultSays: says,
      });

    const client = this.deps.client();
    if ('unavailable' in client)
      return fail(client.unavailableSays ?? say('plain', { text: client.unavailable }));

    try {
      if (action.kind === USER_EVENT_KIND) {
        const payload = userEventPayloadSchema.safeParse(action.payload);
        if (!payload.success) return fail(say('sw.damaged-event'));
        const { response } = await client.userEvent(payload.data.callId, payload.data.event, {
          eventId: payload.data.eventId,
          signal,
        });
        return report({
          status: response.status,
          mayHaveArrived: true,
          outcome: {
            kind: 'sent',
            detail: { status: response.status, eventId: payload.data.eventId },
          },
          ...resultOf(deliveredWords(response.status, response.body)),
        });
      }
      if (action.kind === END_KIND) {
        const payload = endPayloadSchema.safeParse(action.payload);
        if (!payload.success) return fail(say('sw.damaged-end'));
        const ended = await client.end(payload.data.callId, payload.data.reason, { signal });
        return report({
          status: ended.response?.status ?? 404,
          mayHaveArrived: true,
          outcome: { kind: 'sent', detail: { alreadyEnded: ended.alreadyEnded } },
          ...resultOf(say(ended.alreadyEnded ? 'sw.already-ended' : 'sw.call-ended')),
        });
      }
      return fail(say('sw.unknown-kind', { kind: action.kind }));
    } catch (error) {
      return report(this.outcomeFor(error, attempt));
    }
  }

  private outcomeFor(
    error: unknown,
    attempt: number,
  ): Omit<AttemptReport, 'actionId' | 'startedAt' | 'durationMs'> {
    const says = describeSignalWireFailureSays(error);
    const reason = english(says);
    const words = { result: reason, resultSays: says };
    const now = this.deps.clock.now();
    if (error instanceof SignalWireTransportError) {
      return {
        status: null,
        mayHaveArrived: error.mayHaveArrived,
        outcome: {
          kind: 'retry',
          reason,
          says,
          notBefore: nextAttemptAt(now, attempt, null, this.timing),
        },
        ...words,
      };
    }
    if (error instanceof SignalWireError) {
      if (RETRYABLE_STATUSES.has(error.status)) {
        return {
          status: error.status,
          mayHaveArrived: false,
          outcome: {
            kind: 'retry',
            reason,
            says,
            notBefore: nextAttemptAt(now, attempt, error.retryAfterMs, this.timing),
          },
          ...words,
        };
      }
      // A 5xx other than 503 may have run the command: final, so the agent decides.
      return {
        status: error.status,
        mayHaveArrived: error.status >= 500,
        outcome: { kind: 'failed', reason, says },
        ...words,
      };
    }
    this.deps.logger.error('signalwire delivery threw', {
      error: error instanceof Error ? error.name : typeof error,
    });
    return {
      status: null,
      mayHaveArrived: false,
      outcome: { kind: 'failed', reason, says },
      ...words,
    };
  }
}

function deliveredWords(status: number, body: unknown): Message {
  if (status === 204 || body === null) return say('sw.delivered');
  if (typeof body === 'string') return say('sw.delivered-not-json');
  return say('sw.delivered');
}

const resultOf = (says: Message): { result: string; resultSays: Message } => ({
  result: english(says),
  resultSays: says,
});
