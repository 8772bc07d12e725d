import { describe, expect, it } from 'vitest';
import {
  afterRegistration,
  parseAccelerator,
  planShortcuts,
  type ShortcutSettings,
} from '@shared/desktop/accelerators';

const canonical = (text: string, platform = 'win32'): string | null => {
  const result = parseAccelerator(text, platform);
  return result.ok ? result.value.canonical : null;
};

describe('parseAccelerator', () => {
  it.each([
    ['CommandOrControl+Alt+R', 'win32', 'Control+Alt+R'],
    ['CommandOrControl+Alt+R', 'darwin', 'Command+Alt+R'],
    ['cmdorctrl+shift+f9', 'linux', 'Control+Shift+F9'],
    ['Alt+Ctrl+r', 'win32', 'Control+Alt+R'],
    ['Option+Cmd+Space', 'darwin', 'Command+Alt+Space'],
    ['Ctrl+Shift+Plus', 'win32', 'Control+Shift+Plus'],
    ['Ctrl++', 'win32', 'Control+Plus'],
    ['Ctrl+num5', 'win32', 'Control+num5'],
    ['F9', 'win32', 'F9'],
    ['Shift+F24', 'win32', 'Shift+F24'],
    ['MediaPlayPause', 'darwin', 'MediaPlayPause'],
    ['Super+/', 'linux', 'Super+/'],
  ])('%s on %s reads as %s', (text, platform, expected) => {
    expect(canonical(text, platform)).toBe(expected);
  });

  it.each([
    ['', 'is empty'],
    ['Ctrl+Alt', 'no key'],
    ['Ctrl+Hyper+K', 'not a key'],
    ['Ctrl+A+B', 'two keys'],
    ['A+Ctrl', 'before the key'],
    ['Ctrl+Control+K', 'twice'],
    ['Ctrl++K', 'empty part'],
    ['K', 'typing'],
    ['Shift+K', 'typing'],
    ['Ctrl+F25', 'not a key'],
  ])('%s is refused (%s)', (text, why) => {
    const result = parseAccelerator(text, 'win32');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(why);
  });
});

describe('planShortcuts', () => {
  const settings = (patch: Partial<ShortcutSettings>): ShortcutSettings => ({
    showWindow: '',
    openRoom: '',
    holdToggle: '',
    endCall: '',
    ...patch,
  });

  it('registers readable, distinct shortcuts and leaves empty ones off', () => {
    const plan = planShortcuts(
      settings({ showWindow: 'CmdOrCtrl+Alt+R', endCall: 'Ctrl+Alt+E' }),
      'win32',
    );
    expect(plan.register).toEqual([
      { action: 'showWindow', accelerator: 'CmdOrCtrl+Alt+R' },
      { action: 'endCall', accelerator: 'Ctrl+Alt+E' },
    ]);
    expect(plan.statuses.map((status) => status.state)).toEqual([
      'pending',
      'off',
      'off',
      'pending',
    ]);
  });

  it('two actions on one key (spelt differently) both stay unregistered and say which', () => {
    const plan = planShortcuts(
      settings({
        showWindow: 'CommandOrControl+Alt+R',
        openRoom: 'Alt+Ctrl+r',
        endCall: 'Ctrl+Alt+E',
      }),
      'win32',
    );
    expect(plan.register.map((entry) => entry.action)).toEqual(['endCall']);
    const [show, room] = plan.statuses;
    expect(show?.state).toBe('duplicate');
    expect(show?.problem).toContain("Open the current call's room");
    expect(room?.state).toBe('duplicate');
    expect(room?.problem).toContain('Show the window');
  });

  it('on macOS CommandOrControl and Control are different keys', () => {
    const plan = planShortcuts(
      settings({ showWindow: 'CmdOrCtrl+Alt+R', openRoom: 'Ctrl+Alt+R' }),
      'darwin',
    );
    expect(plan.register).toHaveLength(2);
  });

  it('an unreadable shortcut is invalid with the reason', () => {
    const plan = planShortcuts(settings({ holdToggle: 'Ctrl+Hyper+H' }), 'win32');
    expect(plan.statuses[2]).toMatchObject({
      state: 'invalid',
      problem: expect.stringContaining('Hyper') as unknown,
    });
  });

  it('a shortcut the system refuses is reported as taken, the others as active', () => {
    const plan = planShortcuts(
      settings({ showWindow: 'Ctrl+Alt+R', endCall: 'Ctrl+Alt+E' }),
      'win32',
    );
    const statuses = afterRegistration(plan, (accelerator) => accelerator !== 'Ctrl+Alt+E');
    expect(statuses[0]?.state).toBe('active');
    expect(statuses[3]).toMatchObject({
      state: 'taken',
      problem: expect.stringContaining('another program') as unknown,
    });
  });
});
