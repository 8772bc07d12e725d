/**
 * Call and status operations: each one mutates the state model and then emits the matching event,
 * so snapshots and events never disagree. Scenarios and the load mode are written against this.
 */
import * as payloads from './payloads';
import type { SimCall, SimCallDirection, SimCallStatus, SimState } from './state';
import type { Audience } from './sessions';
import type { ExtensionReason, QueueReason } from './wire-types';

export interface NewCallInput {
  ivrid: string;
  callerName: string;
  callerPhone: string;
  direction: SimCallDirection;
  /** Default: `Ringing` for incoming calls, `Dialing` otherwise. */
  status?: SimCallStatus;
  did?: string;
  c2cDirection?: '1' | '2';
  queueId?: number;
  customData?: Record<string, unknown>;
  recordingFile?: string;
}

export interface EmittedEvent {
  event: string;
  audience: Audience;
  payload: unknown;
  atMs: number;
}

export interface TelephonyDeps {
  state: SimState;
  now: () => number;
  publish: (audience: Audience, event: string, payload: unknown) => void;
  seedShaped: () => boolean;
}

export class SimTelephony {
  private readonly listeners = new Set<(e: EmittedEvent) => void>();

  constructor(private readonly deps: TelephonyDeps) {}

  /** Every event the state machine emits (not `emit()` raw ones), after it was sent. */
  onEvent(listener: (e: EmittedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  newCall(extension: number, input: NewCallInput): SimCall {
    const now = this.deps.now();
    const call: SimCall = {
      ivrid: input.ivrid,
      startedMs: now,
      answeredMs: null,
      callerName: input.callerName,
      callerPhone: input.callerPhone,
      status: input.status ?? (input.direction === 'Incoming' ? 'Ringing' : 'Dialing'),
      direction: input.direction,
      did: input.did ?? '',
      customData: { ...input.customData },
      recordingFile: input.recordingFile ?? recordingName(now, input),
    };
    if (input.c2cDirection) call.c2cDirection = input.c2cDirection;
    if (input.queueId !== undefined) call.queueId = input.queueId;
    this.deps.state.addCall(extension, call, now);
    this.extensionEvent(extension, 'NEWCALL', call);
    return call;
  }

  answer(extension: number, ivrid: string): void {
    const now = this.deps.now();
    const call = this.deps.state.call(extension, ivrid);
    call.answeredMs = now;
    call.status = 'Talking';
    this.deps.state.extension(extension).lastAnsweredCallEventMs = now;
    this.extensionEvent(extension, 'ANSWER', call);
  }

  hold(extension: number, ivrid: string): void {
    this.deps.state.call(extension, ivrid).status = 'Hold';
    this.extensionEvent(extension, 'HOLD', this.deps.state.call(extension, ivrid));
  }

  unhold(extension: number, ivrid: string): void {
    this.deps.state.call(extension, ivrid).status = 'Talking';
    this.extensionEvent(extension, 'UNHOLD', this.deps.state.call(extension, ivrid));
  }

  /**
   * Click2Call leg 2: the same call (same ivrid) now dials the customer. The server reports it as
   * a NEWCALL with `c2cdirection: "2"`, `callAnswered: 0` and status `Talking` (the agent's leg is up).
   */
  secondLeg(extension: number, ivrid: string): void {
    const call = this.deps.state.call(extension, ivrid);
    call.c2cDirection = '2';
    call.answeredMs = null;
    call.status = 'Talking';
    this.deps.state.extension(extension).lastCallEventMs = this.deps.now();
    this.extensionEvent(extension, 'NEWCALL', call);
  }

  hangup(extension: number, ivrid: string, cause = 'Normal hangup'): void {
    const call = this.deps.state.removeCall(extension, ivrid, this.deps.now());
    this.extensionEvent(extension, 'HANGUP', call, {
      cause,
      callerID: call.callerPhone,
      ivruniqueid: call.ivrid,
    });
  }

  setStatus(extension: number, representativeStatus: number): void {
    const ext = this.deps.state.extension(extension);
    ext.representativeStatus = representativeStatus;
    ext.representativeUpdatedMs = this.deps.now();
    this.extensionEvent(extension, 'userStatusUpdate');
  }

  queueJoin(queueId: number, call: { ivrid: string; callerId: string; callerName: string }): void {
    this.deps.state.queueJoin(queueId, { ...call, joinedMs: this.deps.now() });
    this.queueEvent(queueId, 'JOIN', call.ivrid);
  }

  /** The waiting call was answered by an extension. */
  queueExit(queueId: number, ivrid: string): void {
    this.deps.state.queueLeave(queueId, ivrid);
    this.queueEvent(queueId, 'EXIT', ivrid);
  }

  /** The caller gave up (or the maximum wait ran out). */
  queueAbandon(queueId: number, ivrid: string): void {
    this.deps.state.queueLeave(queueId, ivrid);
    this.queueEvent(queueId, 'ABANDONED', ivrid);
  }

  /** Sends an event to everyone (e.g. `ExtensionsUpdated`) through the same path as call events. */
  broadcast(event: string, payload: unknown): void {
    this.send({ kind: 'all' }, event, payload);
  }

  private extensionEvent(
    extension: number,
    reason: ExtensionReason,
    currentCall?: SimCall,
    hangup?: { cause: string; callerID: string; ivruniqueid: string },
  ): void {
    const payload = payloads.extensionEvent({
      nowMs: this.deps.now(),
      reason,
      extension: this.deps.state.extension(extension),
      ...(currentCall ? { currentCall } : {}),
      ...(hangup ? { hangup } : {}),
      seedShaped: this.deps.seedShaped(),
    });
    this.send({ kind: 'extension', number: extension }, 'ExtensionEvent', payload);
  }

  private queueEvent(queueId: number, reason: QueueReason, ivrid: string): void {
    const payload = payloads.queueEvent(
      this.deps.now(),
      reason,
      this.deps.state.queue(queueId),
      ivrid,
    );
    this.send({ kind: 'queue', queueId }, 'QueueEvent', payload);
  }

  private send(audience: Audience, event: string, payload: unknown): void {
    this.deps.publish(audience, event, payload);
    if (this.listeners.size === 0) return;
    const emitted: EmittedEvent = { event, audience, payload, atMs: this.deps.now() };
    for (const listener of this.listeners) listener(emitted);
  }
}

function recordingName(nowMs: number, input: NewCallInput): string {
  const day = new Date(nowMs).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-sim-${input.callerPhone}-${input.did ?? 'out'}.mp3`;
}
