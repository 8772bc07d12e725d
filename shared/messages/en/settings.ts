import type { Dictionary } from '../dictionary';
import type { settingsMessages } from '../settings';

export const settings: Dictionary<typeof settingsMessages> = {
  'settings.secrets-memory-only':
    'This computer cannot encrypt stored passwords, so Ringside keeps yours only until it closes.',
  'settings.secrets-not-kept':
    'This computer cannot encrypt stored passwords, so Ringside did not keep yours. Sign in again to receive calls.',
  'settings.sign-in-incomplete':
    'Your Voicenter sign-in is incomplete. Sign in again to receive calls.',
  'settings.demo-disabled': 'The demo is turned off on this computer.',
  'settings.not-saved':
    'Ringside is using this change but could not save it, because {because}. It will be lost when Ringside closes unless it can save it before then.',
  'settings.data-folder':
    'Ringside cannot write to its data folder ({dir}) because {because}: settings and queued actions are not saved {until, select, space {until there is space} other {until it can write there again}}.',
  'settings.config-not-used':
    'Ringside did not use the configuration file {why}. It started with the settings it had.',
  'settings.config-not-used-see-log':
    'Ringside did not use the configuration file {path} (the details are in the log). It started with the settings it had.',
  'disk.full': 'the disk is full',
  'disk.quota': 'the disk quota is used up',
  'disk.folder-read-only': 'the folder is read-only',
  'disk.read-only': 'the disk is read-only',
  'disk.not-allowed': 'Ringside is not allowed to write there',
  'disk.may-not-write': 'Ringside may not write to its data folder',
  'disk.io-error': 'the disk reported an error',
  'disk.refused': 'the disk refused the write',
  'disk.refused-code': 'the disk refused the write ({code})',
};
