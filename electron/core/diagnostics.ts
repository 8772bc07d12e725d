import type { CallBoard } from '../../shared/domain/calls';
import type { AppSnapshot } from '../../shared/ipc/snapshot';
import { redact } from './infra/redact';

/**
 * The one-click support bundle: what the app believes (connection, calls, queues, pending
 * actions) and the recent log, with every secret-looking field redacted once more on the way out.
 */
export function buildDiagnostics(
  snapshot: AppSnapshot,
  board: CallBoard,
  recentLogLines: readonly string[],
): string {
  const report = {
    generatedAt: new Date(snapshot.now).toISOString(),
    mode: snapshot.mode,
    connection: snapshot.connection,
    settings: snapshot.settings,
    notificationsAvailable: snapshot.notificationsAvailable,
    currentCall: snapshot.calls.currentCall,
    boardSize: board.size,
    activeCalls: board.activeCallCount,
    recentCalls: snapshot.recent.slice(0, 20),
    queues: snapshot.calls.queues,
    outbox: snapshot.outbox,
    rocketchat: snapshot.rocketchat,
    signalwire: snapshot.signalwire,
    notices: snapshot.notices,
  };
  return [
    'Ringside diagnostics (secrets redacted)',
    JSON.stringify(redact(report), null, 2),
    '--- recent log ---',
    ...recentLogLines,
  ].join('\n');
}
