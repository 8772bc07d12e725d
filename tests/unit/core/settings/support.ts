import { expect } from 'vitest';
import { ConfigFileError, parseConfig } from '../../../../electron/core/settings/config-file';

/** What the configuration file's check says is wrong with `text`, one problem a line. */
export function problemsOf(text: string): string {
  try {
    parseConfig(text, 'ringside.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).problems.join('\n');
  }
  throw new Error('the file was accepted');
}
