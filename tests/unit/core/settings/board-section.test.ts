import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../electron/core/settings/config-file';
import { SettingsStore } from '../../../../electron/core/settings/settings-store';
import { MemoryBackend } from '../../../support/memory-backend';
import { problemsOf } from './support';

describe('the board settings', () => {
  it('rename no status until an administrator does', () => {
    expect(new SettingsStore(new MemoryBackend()).get().board).toEqual({ statusNames: {} });
  });

  it('take the account’s own status names from the configuration file, by code', () => {
    const config = parseConfig(
      '{"board": {"statusNames": {"3": "Break", "6": "Coaching"}}}',
      'ringside.json',
    );
    expect(config.settings.board).toEqual({ statusNames: { '3': 'Break', '6': 'Coaching' } });
  });

  it('refuse a status named by anything but its code, and an empty name', () => {
    expect(problemsOf('{"board": {"statusNames": {"Lunch": "Break"}}}')).toMatch(
      /"board\.statusNames\.Lunch"/,
    );
    expect(problemsOf('{"board": {"statusNames": {"3": ""}}}')).toMatch(/board\.statusNames/);
  });
});
