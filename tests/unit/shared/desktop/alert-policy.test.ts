import { describe, expect, it } from 'vitest';
import {
  alertModeOf,
  alertModes,
  decideAlert,
  dndActive,
  switchesFor,
  type AlertInput,
} from '@shared/desktop/alert-policy';

const NOW = 1_700_000_000_000;
const hidden = { visible: false, focused: false };
const inFront = { visible: true, focused: true };

const input = (patch: Partial<AlertInput>): AlertInput => ({
  mode: 'notify',
  dnd: { on: false, until: null },
  now: NOW,
  notificationsAvailable: true,
  window: hidden,
  ...patch,
});

describe('decideAlert', () => {
  it.each([
    // mode, window, notify, front, attention
    ['notify-and-focus', hidden, true, true, true],
    ['notify-and-focus', inFront, true, true, false],
    ['notify', hidden, true, false, true],
    ['notify', { visible: true, focused: false }, true, false, true],
    ['notify', inFront, true, false, false],
    ['off', hidden, false, false, false],
  ] as const)('%s with window %o', (mode, window, notify, bringToFront, attention) => {
    expect(decideAlert(input({ mode, window }))).toMatchObject({ notify, bringToFront, attention });
  });

  it('do-not-disturb silences every mode while it holds, and not after its end', () => {
    for (const mode of alertModes) {
      const until = decideAlert(input({ mode, dnd: { on: true, until: NOW + 1 } }));
      expect(until).toEqual({
        notify: false,
        bringToFront: false,
        attention: false,
        silencedBy: mode === 'off' ? 'off' : 'dnd',
      });
      const forever = decideAlert(input({ mode, dnd: { on: true, until: null } }));
      expect(forever.notify).toBe(false);
    }
    expect(decideAlert(input({ dnd: { on: true, until: NOW } })).notify).toBe(true);
  });

  it('without a notification service the taskbar/dock still asks for attention', () => {
    expect(decideAlert(input({ notificationsAvailable: false }))).toMatchObject({
      notify: false,
      attention: true,
      silencedBy: null,
    });
  });

  it('a host without a window of its own only notifies', () => {
    expect(decideAlert(input({ mode: 'notify-and-focus', window: null }))).toMatchObject({
      notify: true,
      bringToFront: false,
      attention: false,
    });
  });
});

describe('alert mode and the stored switches', () => {
  it('round-trips every mode', () => {
    for (const mode of alertModes) expect(alertModeOf(switchesFor(mode))).toBe(mode);
  });
  it('reads older settings: alerts off wins over "focus the window"', () => {
    expect(alertModeOf({ enabled: false, focusWindowOnRing: true })).toBe('off');
  });
});

describe('dndActive', () => {
  it('is off when off, whatever the time', () => {
    expect(dndActive({ on: false, until: NOW + 10 }, NOW)).toBe(false);
  });
});
