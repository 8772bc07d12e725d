/**
 * What a test of the whole core (`createRingsideCore`) hands in instead of the host's OS parts:
 * a Voicenter client fed by hand, a notifier that records, and a stand-in for the secret cipher.
 */
import type { RealtimeEvent } from '../../shared/domain/calls';
import type { ConnectionView } from '../../shared/domain/connection';
import type { RealtimeClientLike } from '../../electron/core/calls/telephony';
import type { CallAlert, Notifier } from '../../electron/core/ports';
import type { VoicenterCredentials } from '../../electron/core/voicenter/types';

/** A Voicenter realtime client the test feeds events into by hand. */
export class HandFedClient implements RealtimeClientLike {
  readonly listeners = { event: new Set<(e: RealtimeEvent) => void>(), state: new Set() };
  stopped = false;
  constructor(readonly credentials?: VoicenterCredentials) {}
  start(): void {}
  stop(): void {
    this.stopped = true;
  }
  reconnectNow(): void {}
  getView(): ConnectionView {
    return { state: { status: 'connected' }, lastEventAt: null } as ConnectionView;
  }
  on(name: 'event' | 'state', listener: never): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }
  emit(event: RealtimeEvent): void {
    for (const listener of this.listeners.event) listener(event);
  }
}

/** The notifier port as the OS would take it: every alert shown and taken down is recorded. */
export class RecordingNotifier implements Notifier {
  readonly shown: CallAlert[] = [];
  readonly dismissed: string[] = [];
  notify(alert: CallAlert): Promise<void> {
    this.shown.push(alert);
    return Promise.resolve();
  }
  dismiss(id: string): void {
    this.dismissed.push(id);
  }
}

/** Stands in for safeStorage (the thin Electron adapter): reversible, and never the plain text. */
export const fakeCipher = {
  available: () => true,
  encrypt: (plain: string) => `sealed:${Buffer.from(plain).toString('base64')}`,
  decrypt: (sealed: string) => Buffer.from(sealed.slice(7), 'base64').toString(),
};
