/**
 * The simulated telephony state: extensions with their calls, queues with their waiting callers.
 * Times are real UTC ms here; conversion to the server's wire clock happens in payloads.ts. Every
 * event is emitted right after its mutation, so a snapshot always agrees with what was sent.
 */
import type { ExtensionSeed, QueueSeed } from './directory';

export type SimCallStatus = 'Ringing' | 'Dialing' | 'Talking' | 'Hold' | 'Spying';
export type SimCallDirection = 'Incoming' | 'Outgoing' | 'Spy' | 'Click2Call';

export interface SimCall {
  ivrid: string;
  startedMs: number;
  answeredMs: number | null;
  callerName: string;
  callerPhone: string;
  status: SimCallStatus;
  direction: SimCallDirection;
  did: string;
  c2cDirection?: '1' | '2';
  queueId?: number;
  customData: Record<string, unknown>;
  recordingFile: string;
}

export interface SimExtension {
  userID: number;
  userName: string;
  number: number;
  extenUser: string;
  representativeStatus: number;
  /** 0 = never changed. */
  representativeUpdatedMs: number;
  lastCallEventMs: number;
  lastAnsweredCallEventMs: number;
  lastHangupCallMs: number;
  calls: SimCall[];
}

export interface SimQueueCall {
  ivrid: string;
  callerId: string;
  callerName: string;
  joinedMs: number;
}

export interface SimQueue {
  QueueID: number;
  QueueName: string;
  members: number[];
  calls: SimQueueCall[];
}

export class SimState {
  private readonly extensions = new Map<number, SimExtension>();
  private readonly queues = new Map<number, SimQueue>();

  addExtension(seed: ExtensionSeed, nowMs: number): SimExtension {
    const existing = this.extensions.get(seed.number);
    if (existing) return existing;
    const ext: SimExtension = {
      ...seed,
      representativeUpdatedMs: seed.representativeStatus === 1 ? nowMs - 3_600_000 : 0,
      lastCallEventMs: 0,
      lastAnsweredCallEventMs: 0,
      lastHangupCallMs: 0,
      calls: [],
    };
    this.extensions.set(seed.number, ext);
    return ext;
  }

  removeExtension(number: number): boolean {
    for (const q of this.queues.values()) q.members = q.members.filter((m) => m !== number);
    return this.extensions.delete(number);
  }

  addQueue(seed: QueueSeed): SimQueue {
    const existing = this.queues.get(seed.QueueID);
    if (existing) return existing;
    const queue: SimQueue = { ...seed, members: [...seed.members], calls: [] };
    this.queues.set(seed.QueueID, queue);
    return queue;
  }

  removeQueue(id: number): boolean {
    return this.queues.delete(id);
  }

  extension(number: number): SimExtension {
    const ext = this.extensions.get(number);
    if (!ext) throw new Error(`sim: no extension ${number}`);
    return ext;
  }

  hasExtension(number: number): boolean {
    return this.extensions.has(number);
  }

  queue(id: number): SimQueue {
    const q = this.queues.get(id);
    if (!q) throw new Error(`sim: no queue ${id}`);
    return q;
  }

  allExtensions(): SimExtension[] {
    return [...this.extensions.values()];
  }

  allQueues(): SimQueue[] {
    return [...this.queues.values()];
  }

  /** Queues the extension answers (what a user login sees). */
  queuesOf(extension: number): number[] {
    return this.allQueues()
      .filter((q) => q.members.includes(extension))
      .map((q) => q.QueueID);
  }

  findCall(extension: number, ivrid: string): SimCall | undefined {
    return this.extension(extension).calls.find((c) => c.ivrid === ivrid);
  }

  call(extension: number, ivrid: string): SimCall {
    const call = this.findCall(extension, ivrid);
    if (!call) throw new Error(`sim: no call ${ivrid} at extension ${extension}`);
    return call;
  }

  addCall(extension: number, call: SimCall, nowMs: number): SimCall {
    const ext = this.extension(extension);
    if (ext.calls.some((c) => c.ivrid === call.ivrid)) {
      throw new Error(`sim: call ${call.ivrid} already at extension ${extension}`);
    }
    ext.calls.push(call);
    ext.lastCallEventMs = nowMs;
    return call;
  }

  /** Removes the call and returns it (HANGUP still describes it in `currentCall`). */
  removeCall(extension: number, ivrid: string, nowMs: number): SimCall {
    const ext = this.extension(extension);
    const call = this.call(extension, ivrid);
    ext.calls = ext.calls.filter((c) => c !== call);
    ext.lastCallEventMs = nowMs;
    ext.lastHangupCallMs = nowMs;
    return call;
  }

  queueJoin(queueId: number, call: SimQueueCall): void {
    this.queue(queueId).calls.push(call);
  }

  queueLeave(queueId: number, ivrid: string): SimQueueCall {
    const q = this.queue(queueId);
    const call = q.calls.find((c) => c.ivrid === ivrid);
    if (!call) throw new Error(`sim: no call ${ivrid} waiting in queue ${queueId}`);
    q.calls = q.calls.filter((c) => c !== call);
    return call;
  }
}
