import { describe, expect, it } from 'vitest';
import { shortcutCommand } from '@shared/desktop/shortcut-command';
import type { CallStatus } from '@shared/domain/calls';
import type { AppSnapshot } from '@shared/ipc/snapshot';
import type { RoomView } from '@shared/ipc/rocketchat';
import { makeCall } from '@tests/support/calls';

function view(status: CallStatus | null, room: Partial<RoomView> | null) {
  return {
    calls: {
      currentCall: status ? { extension: '201', call: makeCall({ ivrid: 'ivr-1', status }) } : null,
    },
    rocketchat: {
      rooms: room ? [{ ivrid: 'ivr-1', open: true, callActive: true, held: false, ...room }] : [],
    },
  } as unknown as Pick<AppSnapshot, 'calls' | 'rocketchat'>;
}

describe('shortcutCommand', () => {
  it('shows the window whatever the state', () => {
    expect(shortcutCommand('showWindow', view(null, null))).toEqual({ kind: 'show-window' });
  });

  it('opens the current call room, and says when there is no call', () => {
    expect(shortcutCommand('openRoom', view('talking', null))).toEqual({
      kind: 'open-room',
      ivrid: 'ivr-1',
    });
    expect(shortcutCommand('openRoom', view(null, null)).kind).toBe('nothing');
    expect(shortcutCommand('openRoom', view('ended', null)).kind).toBe('nothing');
  });

  it('toggles hold on the room and ends it, only while the room is open for a live call', () => {
    expect(shortcutCommand('holdToggle', view('talking', {}))).toMatchObject({ action: 'hold' });
    expect(shortcutCommand('holdToggle', view('hold', { held: true }))).toMatchObject({
      action: 'unhold',
    });
    expect(shortcutCommand('endCall', view('talking', {}))).toMatchObject({ action: 'end' });
    expect(shortcutCommand('endCall', view('talking', { open: false }))).toMatchObject({
      kind: 'nothing',
      reason: "The current call's room is not open.",
    });
    expect(shortcutCommand('holdToggle', view('talking', null)).kind).toBe('nothing');
  });
});
