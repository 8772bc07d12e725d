/** Notices about Ringside's own footing: its data folder, stored secrets, the configuration file. */
import { defineMessages } from './catalogue';

export const settingsMessages = defineMessages({
  'settings.secrets-memory-only': {},
  'settings.secrets-not-kept': {},
  'settings.sign-in-incomplete': {},
  'settings.demo-disabled': {},
  'settings.not-saved': { because: 'message' },
  /** `until`: `space` (the disk is full) or `writable`. */
  'settings.data-folder': { dir: 'id', because: 'message', until: 'text' },
  'settings.config-not-used': { why: 'id' },
  'settings.config-not-used-see-log': { path: 'id' },
  'disk.full': {},
  'disk.quota': {},
  'disk.folder-read-only': {},
  'disk.read-only': {},
  'disk.not-allowed': {},
  'disk.may-not-write': {},
  'disk.io-error': {},
  'disk.refused': {},
  'disk.refused-code': { code: 'id' },
});
