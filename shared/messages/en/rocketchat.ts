import type { Dictionary } from '../dictionary';
import type { rocketChatMessages } from '../rocketchat';

export const rocketchat: Dictionary<typeof rocketChatMessages> = {
  'rc.refused-address':
    'The Rocket.Chat server address must start with https:// so that passwords and tokens never cross the network in clear text.',
  'rc.network': 'Ringside cannot reach Rocket.Chat at {host} ({detail}).',
  'rc.network-down': 'Ringside cannot reach Rocket.Chat at {host} (no connection).',
  'rc.timeout': 'Rocket.Chat at {host} did not answer in time.',
  'rc.bad-response': 'Rocket.Chat at {host} sent an answer Ringside does not understand ({route}).',
  'rc.rate-limited': 'Rocket.Chat asked Ringside to slow down (rate limit on {route}). {wait}',
  'rc.again-shortly': 'Ringside will send it again shortly.',
  'rc.again-in': 'Ringside will send it again in {seconds} s.',
  'rc.server-problem':
    'Rocket.Chat at {host} had a problem (HTTP {status}). Ringside will try again.',
  'rc.login-refused':
    'Rocket.Chat did not accept that username and password (or the session token).',
  'rc.session-over': 'Your Rocket.Chat session has ended. Sign in to Rocket.Chat again.',
  'rc.wrong-password': 'Rocket.Chat did not accept that username and password.',
  'rc.session-refused': 'Rocket.Chat did not accept the session. Sign in to Rocket.Chat again.',
  'rc.totp-required':
    'Rocket.Chat asks for a two-factor code: enter the current code from your authenticator app.',
  'rc.totp-invalid': 'Rocket.Chat did not accept that two-factor code. Enter the current code.',
  'rc.blocked':
    'Rocket.Chat has blocked sign-in for a while after too many failed attempts. Try again later.',
  'rc.not-agent':
    'Your Rocket.Chat user is not an omnichannel agent. An administrator must add you under Omnichannel > Agents.',
  'rc.invalid-token': "Rocket.Chat does not know this caller's visitor (invalid-token).",
  'rc.invalid-room': "Rocket.Chat cannot find this call's room (invalid-room).",
  'rc.room-closed': 'The room is already closed.',
  'rc.no-room-access': 'Your Rocket.Chat user has no access to this room.',
  'rc.missing-permission':
    'Your Rocket.Chat user is missing the permission "{permission}". An administrator can grant it to your role under Administration > Permissions.',
  'rc.missing-a-permission': 'Your Rocket.Chat user is missing a permission for this action.',
  'rc.room-not-found': "Rocket.Chat cannot find this call's room.",
  'rc.route-not-found':
    'Rocket.Chat at {host} has no {route} (HTTP 404): VoIP rooms need Rocket.Chat 4.x to 7.x.',
  'rc.malformed':
    'Rocket.Chat refused the request as malformed ({detail}). This is a fault in Ringside; the log has details.',
  'rc.refused-text': 'Rocket.Chat refused this: {detail}',
  'rc.refused-status': 'Rocket.Chat refused this (HTTP {status}).',
  'rc.wrong-token': 'Rocket.Chat did not accept that user id and personal access token.',
  'rc.no-voip-version':
    'Rocket.Chat {version} has no VoIP rooms (Rocket.Chat 8.0 removed them; they exist in 4.x to 7.x). Calls work as before; rooms are not opened.',
  'rc.no-voip': 'This Rocket.Chat server has no VoIP rooms.',
  'rc.user-not-agent':
    '{username} is not an omnichannel agent in Rocket.Chat, so rooms cannot be created for them. An administrator can add the user under Omnichannel > Agents.',
  'rc.end-already-sent': "This call's end was already sent to the room.",
  'rc.not-checked': 'Rocket.Chat could not be checked.',
  'rc.session-ended':
    'Your Rocket.Chat session has ended. Sign in again: queued room actions wait and are sent then.',
  'rc.sign-in-first': 'Sign in to Rocket.Chat first.',
  'rc.no-room-yet': 'This call has no Rocket.Chat room yet.',
  'rc.invalid-link': 'That room link does not point to your Rocket.Chat server.',
  'rc.no-browser': 'Ringside cannot open a browser here.',
  'rc.unknown-action': 'That action is no longer in the queue.',
  'rc.not-retryable': 'Only a failed or waiting action can be sent again.',
  'rc.busy-action': 'That action is being sent right now or was already sent.',
  'rc.open-discarded': 'Opening the room was discarded.',
  'rc.open-not-saved': 'Opening the room was not saved before Ringside stopped: open it again.',
  'rc.wrap-up-not-saved':
    'The wrap-up was not saved before Ringside stopped: wrap the room up again.',
  'rc.unknown-call': 'Ringside no longer knows that call.',
  'rc.open-first': 'This call has no Rocket.Chat room: open the room first.',
  'rc.already-closed': 'This room is already closed.',
  'rc.not-saved': '{what} could not be saved ({why}), so it was not sent.',
  'rc.not-saved-then': '{what} could not be saved ({why}), so it was not sent. {then}',
  'rc.what.wrap-up': 'The wrap-up',
  'rc.what.opening': 'Opening the room',
  'rc.what.end': 'The end of the call',
  'rc.then.wrap-up':
    'The room is still open and your notes are still in the form: try again once Ringside can save.',
  'rc.then.open': 'Open the room again once Ringside can save.',
  'rc.then.press-again': 'Press it again once Ringside can save.',
  'rc.then.with-wrap-up': 'It is sent with the wrap-up.',
  'rc.event.started': 'Call started',
  'rc.event.ended': 'Call ended',
  'rc.event.declined': 'Call not answered',
  'rc.event.hold': 'Hold',
  'rc.event.unhold': 'Unhold',
  'rc.event.duration': 'Call duration',
  'rc.label.open': 'Open room · {who}',
  'rc.label.close': 'Close room · {who}',
  'rc.label.event': '{event} · {who}',
  'rc.label.event-seconds': '{event} {seconds} s · {who}',
  'rc.queued-signed-out': 'Not signed in to Rocket.Chat: it is sent as soon as you sign in.',
  'rc.waiting-for': 'Waiting for {server} — sign in there to send it.',
  'rc.waiting-for-own':
    'Waiting for your own Rocket.Chat server (it was queued before the demo) — sign in there to send it.',
  'rc.no-voip-rooms': 'This Rocket.Chat server has no VoIP rooms (Rocket.Chat 8.0 removed them).',
  'rc.unknown-kind': 'Ringside does not know the action "{kind}".',
  'rc.internal': 'Ringside could not send this (an internal error; the log has details).',
  'rc.no-room-open-first': 'No Rocket.Chat room for this call: open the room first.',
  'rc.closed-drops-event': 'The room is already closed: Rocket.Chat would drop this event.',
  'rc.no-room': 'No Rocket.Chat room for this call.',
};
