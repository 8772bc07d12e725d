import type { Dictionary } from '../dictionary';
import type { connectionMessages } from '../connection';

const service = '{what, select, refresh {token refresh} other {login}}';

export const connection: Dictionary<typeof connectionMessages> = {
  'connection.no-sign-of-life': 'No sign of life from {host}',
  'connection.could-not-connect': 'Could not connect to {host}',
  'connection.no-answer': '{host} did not answer in time',
  'connection.dropped': 'The connection to {host} dropped',
  'connection.host-error': '{host} reported an error',
  'connection.bad-link': '{host} reported a bad link (code {code})',
  'connection.refused-again':
    'Voicenter keeps refusing the connection even after signing in again. Try again later.',
  'connection.session-refused': 'Voicenter refused the session; signing in again',
  'login.cancelled': `The ${service} was cancelled.`,
  'login.timeout': `The Voicenter ${service} service did not answer in time.`,
  'login.network': `Cannot reach the Voicenter ${service} service (network error).`,
  'login.no-service': `There is no Voicenter ${service} service at the configured address.`,
  'login.server-problem': `The Voicenter ${service} service had a problem (HTTP {status}).`,
  'login.server-status': `The Voicenter ${service} service had a problem (status {status}).`,
  'login.redirects': `The Voicenter ${service} address redirects elsewhere; configure the final address.`,
  'login.odd-answer': `The Voicenter ${service} service answered oddly (HTTP {status}).`,
  'login.unreadable': `The Voicenter ${service} service sent an unreadable answer.`,
  'login.unexpected': `The Voicenter ${service} service sent an unexpected answer ({why}).`,
  'login.rejected':
    'Voicenter rejected the sign-in: {loginType, select, user {check the email and password} account {check the username and password} other {check the account token}}.',
  'login.session-expired': 'Voicenter did not accept the saved session any more; signing in again.',
  'login.address-invalid': 'The Voicenter login address is not a valid web address.',
  'login.address-insecure':
    'The Voicenter login address must start with https:// so that passwords and tokens never cross the network in clear text.',
  'login.address-credentials': 'The Voicenter login address must not contain a name or password.',
};
