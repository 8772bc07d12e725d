/** Refusals of a request from the window, before or around its handler. */
import { defineMessages } from './catalogue';

export const ipcMessages = defineMessages({
  'ipc.unknown-method': { name: 'id' },
  'ipc.too-long': { field: 'message', max: 'id' },
  'ipc.too-long-value': { max: 'id' },
  'ipc.invalid': { problem: 'text' },
  'ipc.invalid-at': { path: 'id', problem: 'text' },
  'ipc.insecure-url': { path: 'id' },
  /** Words main has not given a code yet, passed on as they are. */
  plain: { text: 'text' },
  'ipc.internal': {},
  'ipc.unchecked': {},
  'ipc.forbidden': {},
  /** A field named by its key: the words for the keys the contract has. */
  'field.email': {},
  'field.password': {},
  'field.username': {},
  'field.token': {},
  'field.user-id': {},
  'field.personal-access-token': {},
  'field.comment': {},
  'field.tags': {},
  'field.label': {},
  'field.api-token': {},
  'field.relay-token': {},
  'field.relay-url': {},
  'field.space': {},
  'field.project-id': {},
  'field.server-url': {},
  'field.login-base-url': {},
  'field.custom-data-key': {},
  'field.event': {},
  /** A key the list above does not know, in the words the code derives from it. */
  'field.other': { name: 'text' },
});
