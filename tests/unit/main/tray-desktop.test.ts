import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { trayMenuTemplate } from '../../../electron/main/adapters/tray';
import type { AlertMode } from '../../../shared/desktop/alert-policy';
import type { TrayState } from '../../../shared/tray/tray-state';

const state = (alertMode: AlertMode): TrayState => ({
  kind: 'missed',
  tooltip: 'Ringside\nConnected\n2 missed calls',
  lines: ['Connected', '2 missed calls'],
  alertMode,
});

const click = (item: MenuItemConstructorOptions | undefined): void =>
  (item?.click as (() => void) | undefined)?.();

describe('the tray menu with the desktop items', () => {
  it('offers status, Show, Test ring, the alert mode as radio items (the current one checked), Quit', () => {
    const done: string[] = [];
    const menu = trayMenuTemplate(
      state('notify'),
      () => done.push('show'),
      () => done.push('quit'),
      { onTestRing: () => done.push('test'), onAlertMode: (mode) => done.push(`mode ${mode}`) },
    );
    expect(menu.map((item) => item.label ?? item.type)).toEqual([
      'Connected',
      '2 missed calls',
      'separator',
      'Show Ringside',
      'Test ring',
      'separator',
      'Alert and bring the window forward',
      'Alert only',
      'No alerts (desk phone only)',
      'separator',
      'Quit Ringside',
    ]);
    const radios = menu.filter((item) => item.type === 'radio');
    expect(radios.map((item) => item.checked)).toEqual([false, true, false]);
    click(menu.find((item) => item.label === 'Test ring'));
    click(radios[2]);
    click(menu.find((item) => item.label === 'Quit Ringside'));
    expect(done).toEqual(['test', 'mode off', 'quit']);
  });
});
