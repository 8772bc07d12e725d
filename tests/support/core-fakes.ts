/**
 * What a test of the whole core (`createRingsideCore`) hands in instead of the host's OS parts:
 * a Voicenter client fed by hand and a notifier that records; and the core made with them (and
 * the stand-in secret cipher) as a host makes it.
 */
import type { RealtimeEvent } from '../../shared/domain/calls';
import type { ConnectionView } from '../../shared/domain/connection';
import type { RealtimeClientLike } from '../../electron/core/calls/telephony';
import { createRingsideCore, type CoreDeps } from '../../electron/core/compose';
import { silentLogger } from '../../electron/core/logging';
import type { CallAlert, Notifier } from '../../electron/core/ports';
import { SecretStore, VOICENTER_SECRET } from '../../electron/core/settings';
import type { RingsideCore } from '../../electron/core/types';
import type { VoicenterCredentials } from '../../electron/core/voicenter/types';
import { fakeCipher } from './fake-cipher';
import { MemoryBackend } from './memory-backend';

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

/**
 * The core with the Voicenter password stored (so it signs in with the settings' identity), no
 * demo, short request timeouts, and what the test hands in.
 */
export function coreForTest(
  deps: Pick<CoreDeps, 'settings' | 'notifier' | 'dataDir' | 'voicenterClient'> & Partial<CoreDeps>,
): RingsideCore {
  const secrets = new SecretStore(new MemoryBackend(), fakeCipher);
  secrets.set(VOICENTER_SECRET, '1234');
  return createRingsideCore({
    secrets,
    logger: silentLogger,
    notificationsAvailable: true,
    startDemo: () => Promise.reject(new Error('no demo in these tests')),
    restTimeoutMs: 2_000,
    ...deps,
  });
}
