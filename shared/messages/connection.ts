/** Why the Voicenter link is down, and what the sign-in answered. */
import { defineMessages } from './catalogue';

export const connectionMessages = defineMessages({
  'connection.no-sign-of-life': { host: 'id' },
  'connection.could-not-connect': { host: 'id' },
  'connection.no-answer': { host: 'id' },
  'connection.dropped': { host: 'id' },
  'connection.host-error': { host: 'id' },
  'connection.bad-link': { host: 'id', code: 'id' },
  'connection.refused-again': {},
  'connection.session-refused': {},
  /** `what` is `login` or `refresh` (the token refresh). */
  'login.cancelled': { what: 'text' },
  'login.timeout': { what: 'text' },
  'login.network': { what: 'text' },
  'login.no-service': { what: 'text' },
  'login.server-problem': { what: 'text', status: 'id' },
  'login.server-status': { what: 'text', status: 'id' },
  'login.redirects': { what: 'text' },
  'login.odd-answer': { what: 'text', status: 'id' },
  'login.unreadable': { what: 'text' },
  'login.unexpected': { what: 'text', why: 'text' },
  /** `loginType`: `user`, `account` or `token`. */
  'login.rejected': { loginType: 'text' },
  'login.session-expired': {},
  'login.address-invalid': {},
  'login.address-insecure': {},
  'login.address-credentials': {},
});
