import type { Dictionary } from '../dictionary';
import type { ipcMessages } from '../ipc';

export const ipc: Dictionary<typeof ipcMessages> = {
  'ipc.unknown-method': 'Ringside has no action named "{name}".',
  'ipc.too-long':
    'The {field} is too long for Ringside to accept (at most {max} characters). Shorten it and try again.',
  'ipc.too-long-value':
    'A value is too long for Ringside to accept (at most {max} characters). Shorten it and try again.',
  'ipc.invalid': 'That request was not valid: {problem}.',
  'ipc.invalid-at': 'That request was not valid ({path}): {problem}.',
  'ipc.insecure-url':
    'That request was not valid ({path}): must start with https:// so that passwords and tokens never cross the network in clear text.',
  plain: '{text}',
  'ipc.internal': 'Something went wrong inside Ringside. The details are in the log.',
  'ipc.unchecked': 'Ringside could not check that request, so it did not carry it out.',
  'ipc.forbidden': 'Ringside only answers its own window.',
  'field.email': 'email',
  'field.password': 'password',
  'field.username': 'username',
  'field.token': 'token',
  'field.user-id': 'user id',
  'field.personal-access-token': 'personal access token',
  'field.comment': 'comment',
  'field.tags': 'tags',
  'field.label': 'label',
  'field.api-token': 'api token',
  'field.relay-token': 'relay token',
  'field.relay-url': 'relay url',
  'field.space': 'space',
  'field.project-id': 'project id',
  'field.server-url': 'server url',
  'field.login-base-url': 'login base url',
  'field.custom-data-key': 'custom data key',
  'field.event': 'event',
  'field.other': '{name}',
};
