import { describe, expect, it } from 'vitest';
import { CallAlerts, callAlertFor } from '../../../../electron/core/calls/call-alerts';
import { silentLogger } from '../../../../electron/core/logging';
import type { CallAlert, Notifier } from '../../../../electron/core/ports';
import { CallStore } from '../../../../shared/calls/store';
import type { CallInfo, RealtimeEvent } from '../../../../shared/domain/calls';
import { makeCall, makeExtension } from '../../../support/calls';
import { waitFor } from '../../../support/wait';

const OWN = '101';

/** The notifier port as the OS would see it: what is shown now, and every click handler. */
class RecordingNotifier implements Notifier {
  readonly shown = new Map<string, CallAlert>();
  readonly clicks = new Map<string, () => void>();
  refuse = false;

  notify(alert: CallAlert, onClick: () => void): Promise<void> {
    if (this.refuse) return Promise.reject(new Error('blocked by the OS'));
    this.shown.set(alert.id, alert);
    this.clicks.set(alert.id, onClick);
    return Promise.resolve();
  }

  dismiss(id: string): void {
    this.shown.delete(id);
  }
}

function rig(enabled = true) {
  const notifier = new RecordingNotifier();
  const clicked: string[] = [];
  const failures: string[] = [];
  const alerts = new CallAlerts({
    notifier,
    logger: silentLogger,
    enabled: () => enabled,
    onClick: (ivrid) => clicked.push(ivrid),
    onFailure: (message) => failures.push(message),
  });
  const store = new CallStore([OWN]);
  const emit = (event: RealtimeEvent) => {
    const { before, after } = store.apply(event);
    alerts.handle(event, before, after);
  };
  return { notifier, clicked, failures, alerts, emit };
}

function event(reason: string, ext: string, call: CallInfo | null, at = 1): RealtimeEvent {
  return {
    kind: 'extension',
    reason,
    at,
    extension: makeExtension(ext, { calls: call && reason !== 'HANGUP' ? [call] : [] }),
    call,
    hangup:
      reason === 'HANGUP'
        ? { cause: 'Normal hangup', callerId: '', ivrid: call?.ivrid ?? '' }
        : null,
  };
}

const ringing = (ivrid: string, more: Partial<CallInfo> = {}) =>
  makeCall({
    ivrid,
    callerName: 'Dana Levi',
    callerPhone: '0501234567',
    did: '0722776772',
    ...more,
  });

describe('callAlertFor', () => {
  it('names the caller and the number, and the line dialled', () => {
    expect(callAlertFor(ringing('a'))).toEqual({
      id: 'a',
      title: 'Incoming call',
      body: 'Dana Levi 050-123-4567, line 072-277-6772',
    });
  });

  it('says "Unknown caller" when there is neither a name nor a number', () => {
    expect(callAlertFor(ringing('a', { callerName: '', callerPhone: '', did: '' })).body).toBe(
      'Unknown caller',
    );
  });
});

describe('CallAlerts', () => {
  it('raises one alert for an incoming call ringing on an own extension, and takes it away once answered', () => {
    const r = rig();
    r.emit(event('NEWCALL', OWN, ringing('a')));
    r.emit(event('NEWCALL', OWN, ringing('a')));
    expect([...r.notifier.shown.keys()]).toEqual(['a']);
    r.notifier.clicks.get('a')?.();
    expect(r.clicked).toEqual(['a']);
    r.emit(event('ANSWER', OWN, { ...ringing('a'), status: 'talking' }));
    expect(r.notifier.shown.size).toBe(0);
  });

  it("leaves colleagues' calls, outgoing calls and disabled alerts alone", () => {
    const r = rig();
    r.emit(event('NEWCALL', '202', ringing('theirs')));
    r.emit(event('NEWCALL', OWN, ringing('out', { direction: 'outgoing', status: 'dialing' })));
    expect(r.notifier.shown.size).toBe(0);
    const off = rig(false);
    off.emit(event('NEWCALL', OWN, ringing('a')));
    expect(off.notifier.shown.size).toBe(0);
  });

  it('takes the alert away when the call ends unanswered', () => {
    const r = rig();
    r.emit(event('NEWCALL', OWN, ringing('a')));
    r.emit(event('HANGUP', OWN, ringing('a'), 2));
    expect(r.notifier.shown.size).toBe(0);
  });

  it('tells the agent in the window when the OS refuses the notification', async () => {
    const r = rig();
    r.notifier.refuse = true;
    r.emit(event('NEWCALL', OWN, ringing('a')));
    await waitFor(() => r.failures.length > 0);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/could not show a desktop notification/);
  });
});
