import type { Dictionary } from '../dictionary';
import type { signalWireMessages } from '../signalwire';

const who = '{via, select, relay {the relay} other {SignalWire}}';
const Who = '{via, select, relay {The relay} other {SignalWire}}';

export const signalwire: Dictionary<typeof signalWireMessages> = {
  'sw.timeout': `No answer from ${who} in time; the request may or may not have arrived.`,
  'sw.cancelled': 'Cancelled before an answer came.',
  'sw.broken': `The connection to ${who} broke before the answer came; the request may have arrived.`,
  'sw.unreachable': `Could not reach ${who}.`,
  'sw.unreachable-code': `Could not reach ${who} ({code}).`,
  'sw.malformed': `${Who} refused the request as malformed (400).`,
  'sw.relay-401': 'The relay did not accept its token (401). Check the relay token in Settings.',
  'sw.token-401':
    'SignalWire did not accept the project id and API token (401). Check them in Settings; the token needs the Voice scope.',
  'sw.relay-403': 'The relay refused this request (403).',
  'sw.token-403':
    'The API token may not control calls (403). Give it the Voice scope in the SignalWire dashboard.',
  'sw.not-found': `${Who} does not know this call, or it has already ended (404).`,
  'sw.conflict': `${Who} refused: another command on this call is still in progress (409).`,
  'sw.laml': 'SignalWire cannot control this call: it was made through the cXML (LaML) API (422).',
  'sw.refused': `${Who} refused the request: {problems} (422).`,
  'sw.refused-invalid': `${Who} refused the request: invalid parameters (422).`,
  'sw.rate-limited': `${Who} is limiting the rate of requests (429); Ringside will try again.`,
  'sw.unavailable': `${Who} is unavailable for a moment (503); Ringside will try again.`,
  'sw.internal-problem': `${Who} had an internal problem ({status}). Not retried, because the command may have taken effect.`,
  'sw.answered': `${Who} answered {status}.`,
  'sw.delivered': 'Delivered',
  'sw.delivered-not-json': 'Delivered (the answer was not JSON)',
  'sw.already-ended': 'Already ended',
  'sw.call-ended': 'Call ended',
  'sw.damaged-event': 'This queued event is damaged and cannot be sent.',
  'sw.damaged-end': 'This queued end is damaged and cannot be sent.',
  'sw.unknown-kind': 'Ringside cannot send a SignalWire action of kind "{kind}".',
  'sw.discarded': 'Discarded',
  'sw.test-connected': 'Connected to {target}.',
  'sw.test-relay-accepted': 'The relay accepted the request ({target}).',
  'sw.test-credentials-accepted': 'SignalWire accepted the credentials ({target}).',
  'sw.test-checking': 'Checking {target}…',
  'sw.needs-relay': 'SignalWire is not set up: enter the relay URL in Settings.',
  'sw.needs-space':
    'SignalWire is not set up: enter the space, project id and API token in Settings.',
  'sw.enter-project': 'Enter the project id and the API token.',
  'sw.enter-api-token': 'Enter the API token (a token with the Voice scope is enough).',
  'sw.no-such-call': 'That call is no longer on your screen.',
  'sw.no-such-preset': 'That preset is no longer configured.',
  'sw.no-call-id': 'This call has no SignalWire call id. Paste one to link it.',
  'sw.call-already-ended': 'This SignalWire call has already ended.',
  'sw.not-saved': 'Ringside could not save the action ({why}), so it was not sent.',
  'sw.entry-not-saved': 'Could not be saved ({why}), so it was not sent.',
  'sw.space-empty': 'Enter your SignalWire space, for example acme.signalwire.com.',
  'sw.space-bad': 'That does not look like a SignalWire space host.',
  'sw.space-credentials':
    'Leave the project id and token out of the space address; they have their own fields.',
  'sw.space-path': 'Enter only the space host (acme.signalwire.com), without a path.',
  'sw.space-insecure':
    'The space address must start with https:// so that passwords and tokens never cross the network in clear text.',
  'sw.relay-invalid': 'The relay URL is not a valid address (https://...).',
  'sw.relay-insecure':
    'The relay URL must start with https:// so that passwords and tokens never cross the network in clear text.',
  'sw.relay-token-in-url': "Put the relay's token in the token field, not in the URL.",
  'sw.relay-fragment': 'The relay URL must not contain a #fragment.',
  'sw.event-too-long': 'The event is too long (at most {max} characters).',
  'sw.event-empty': `Write the event as a JSON object, for example '{"action": "order.confirmed"}'.`,
  'sw.event-not-json': 'This is not valid JSON: {problem}.',
  'sw.event-not-object':
    "The event must be a JSON object ('{' ... '}'), not {kind}. SignalWire refuses anything else.",
  'sw.call-id-empty': 'Paste the SignalWire call id (a UUID).',
  'sw.call-id-bad':
    'A SignalWire call id looks like 0e9c80d7-a149-4917-892d-420043709f45. Calls made through the cXML (LaML) API cannot be controlled here.',
};
