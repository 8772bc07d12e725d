/**
 * Who is calling: when a call starts ringing for the agent, what Ringside knows about the number
 * is gathered once for that call — earlier calls from the history at once, the Rocket.Chat
 * visitor and their conversations in the background — and kept for the call card. The alert never
 * waits for any of it: this follows the alert on the same event and the lookup is asynchronous.
 *
 * Visitor lookups are cached per number for a while, so a caller who rings again (or at two
 * extensions) costs Rocket.Chat one request, which matters under its 5-per-minute limits.
 */
import type { CallInfo, CallState, RealtimeEvent } from '../../../shared/domain/calls';
import {
  customDataExtras,
  type CallerInfo,
  type ConversationSummary,
  type PreviousCall,
  type VisitorLookup,
} from '../../../shared/history/caller-info';
import { normalisePhone, type PhoneRegion } from '../../../shared/phone/normalise';
import type { Logger } from '../ports';
import type { CallHistory } from './call-history';

/** Looks a caller up in Rocket.Chat; answers `unavailable` when not signed in. */
export type VisitorLookupPort = (phone: string, signal: AbortSignal) => Promise<VisitorLookup>;

export interface CallerLookupDeps {
  history: CallHistory;
  logger: Logger;
  now: () => number;
  region: () => PhoneRegion;
  lookupVisitor?: VisitorLookupPort;
  /** Custom-data keys that are plumbing, not for the agent (the SignalWire call id key). */
  hiddenCustomData?: () => readonly string[];
  /** How long a visitor lookup is reused for the same number. */
  cacheMs?: number;
}

const PREVIOUS_SHOWN = 5;
const KEEP_CALLS = 20;
const CACHE_ENTRIES = 200;
const DEFAULT_CACHE_MS = 5 * 60_000;

export class CallerLookup {
  /** Caller info per call (ivrid), the newest last. */
  private readonly calls = new Map<string, CallerInfo>();
  private readonly visitorCache = new Map<string, { at: number; result: Promise<VisitorLookup> }>();
  private readonly listeners = new Set<() => void>();
  private readonly aborter = new AbortController();

  constructor(private readonly deps: CallerLookupDeps) {}

  /** An own-call event: a call that starts ringing gets its caller looked up, once. */
  handle(_event: RealtimeEvent, _before: CallState, after: CallState): void {
    const current = after.currentCall?.call;
    if (!current || this.calls.has(current.ivrid)) return;
    if (current.status !== 'ringing' && current.status !== 'dialing') return;
    this.lookUp(current);
  }

  /** What is known about the callers of these calls (those looked up). */
  infoFor(ivrids: readonly string[]): CallerInfo[] {
    const found: CallerInfo[] = [];
    for (const ivrid of ivrids) {
      const info = this.calls.get(ivrid);
      if (info) found.push(info);
    }
    return found;
  }

  get(ivrid: string): CallerInfo | undefined {
    return this.calls.get(ivrid);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.aborter.abort();
  }

  private lookUp(call: CallInfo): void {
    const phoneKey = normalisePhone(call.callerPhone, this.deps.region());
    const previous: PreviousCall[] = this.deps.history
      .callsWith(phoneKey, PREVIOUS_SHOWN, call.ivrid)
      .map(({ ivrid, endedAt, outcome, direction, takenBy, durationMs, wrapUp }) => ({
        ivrid,
        endedAt,
        outcome,
        direction,
        takenBy,
        durationMs,
        wrapUp,
      }));
    const hasNumber = phoneKey !== '' && /\d{7,}/.test(phoneKey);
    const info: CallerInfo = {
      ivrid: call.ivrid,
      phoneKey,
      previous,
      previousTotal: this.deps.history.countWith(phoneKey, call.ivrid),
      rocketchat:
        this.deps.lookupVisitor && hasNumber ? { status: 'looking' } : { status: 'unavailable' },
      extras: customDataExtras(call.customData, this.deps.hiddenCustomData?.() ?? []),
    };
    this.put(info);
    if (info.rocketchat.status === 'looking')
      void this.lookUpVisitor(call.ivrid, call.callerPhone, phoneKey);
  }

  private async lookUpVisitor(ivrid: string, phone: string, phoneKey: string): Promise<void> {
    const result = this.withWrapUps(await this.visitor(phone, phoneKey));
    const info = this.calls.get(ivrid);
    if (info) this.put({ ...info, rocketchat: result });
  }

  /** The wrap-ups the agent wrote for the conversations' calls, from the history. */
  private withWrapUps(result: VisitorLookup): VisitorLookup {
    if (result.status !== 'found') return result;
    const fill = (room: ConversationSummary): ConversationSummary => {
      const wrapUp = room.ivrid === null ? null : this.deps.history.wrapUpOf(room.ivrid);
      return wrapUp ? { ...room, comment: wrapUp.comment, tags: wrapUp.tags } : room;
    };
    return {
      ...result,
      openRoom: result.openRoom ? fill(result.openRoom) : null,
      closed: result.closed.map(fill),
    };
  }

  private visitor(phone: string, phoneKey: string): Promise<VisitorLookup> {
    const now = this.deps.now();
    const cached = this.visitorCache.get(phoneKey);
    if (cached && now - cached.at < (this.deps.cacheMs ?? DEFAULT_CACHE_MS)) return cached.result;
    const lookup = this.deps.lookupVisitor;
    const result = lookup
      ? lookup(phone, this.aborter.signal).catch((error: unknown): VisitorLookup => {
          this.deps.logger.warn('caller lookup in Rocket.Chat failed', { error });
          return { status: 'failed' };
        })
      : Promise.resolve<VisitorLookup>({ status: 'unavailable' });
    this.visitorCache.set(phoneKey, { at: now, result });
    // A failure is not kept: the next call from the number tries again.
    void result.then((r) => {
      if (r.status === 'failed' || r.status === 'unavailable') this.visitorCache.delete(phoneKey);
    });
    if (this.visitorCache.size > CACHE_ENTRIES) {
      const oldest = this.visitorCache.keys().next().value;
      if (oldest !== undefined) this.visitorCache.delete(oldest);
    }
    return result;
  }

  private put(info: CallerInfo): void {
    this.calls.delete(info.ivrid);
    this.calls.set(info.ivrid, info);
    if (this.calls.size > KEEP_CALLS) {
      const oldest = this.calls.keys().next().value;
      if (oldest !== undefined) this.calls.delete(oldest);
    }
    for (const listener of this.listeners) listener();
  }
}
