/**
 * The agent's side of a call in a fault test: the call rings and is answered on the desk phone
 * (the Voicenter simulator plays it), the room opens by itself, and the agent works through the
 * call: a SignalWire event from the editor, hold and resume on the phone (which Ringside mirrors
 * to the room and to SignalWire), ending the SignalWire call (which hangs the phone up), and the
 * wrap-up.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_DID } from '../../../electron/sim/voicenter/directory';
import { waitFor } from '../../support/wait';
import { AGENT, type AgentApp, type Sims } from './rig';
import { roomOf } from './state';

export interface Caller {
  ivrid: string;
  phone: string;
  name: string;
  /** The SignalWire call the Voicenter call carries in its custom data. */
  signalwireCallId: string;
}

export function caller(ivrid: string, n: number): Caller {
  return {
    ivrid,
    phone: `97254111${String(n).padStart(4, '0')}`,
    name: `Caller ${ivrid}`,
    signalwireCallId: randomUUID(),
  };
}

/**
 * Rings the agent and answers on the phone; resolves once the room is open on the server (or,
 * with `roomOpen: false`, once the app has the call answered).
 */
export async function answer(
  app: AgentApp,
  sims: Sims,
  who: Caller,
  options: { roomOpen?: boolean } = {},
): Promise<void> {
  const tel = sims.voicenter.telephony;
  tel.newCall(AGENT, {
    ivrid: who.ivrid,
    callerName: who.name,
    callerPhone: who.phone,
    did: DEMO_DID,
    direction: 'Incoming',
    customData: { signalwire_call_id: who.signalwireCallId },
  });
  await waitFor(
    () => app.state().calls.own.some((ext) => ext.calls.some((c) => c.ivrid === who.ivrid)),
    20_000,
    `${who.ivrid} ringing in the app`,
  );
  tel.answer(AGENT, who.ivrid);
  if (!sims.rocketchat || options.roomOpen === false) {
    await waitFor(() => callStatus(app, who) === 'talking', 20_000, `${who.ivrid} answered`);
    return;
  }
  await waitFor(
    () => roomOf(app.state(), who.ivrid)?.status === 'open',
    20_000,
    `the room of ${who.ivrid} open`,
  );
}

/** The part of the call the agent does while a server may be failing; nothing waits for a server. */
export async function workThroughCall(
  app: AgentApp,
  sims: Sims,
  who: Caller,
  options: { endSignalWire?: boolean } = {},
): Promise<void> {
  const tel = sims.voicenter.telephony;
  if (sims.signalwire) {
    await app.act('sendSignalWireEvent', who.ivrid, '{"type": "order.confirmed"}');
  }
  tel.hold(AGENT, who.ivrid);
  await waitFor(() => callStatus(app, who) === 'hold', 20_000, `${who.ivrid} on hold`);
  tel.unhold(AGENT, who.ivrid);
  await waitFor(() => callStatus(app, who) === 'talking', 20_000, `${who.ivrid} resumed`);
  // Ending the SignalWire call is what hangs the phone up, before SignalWire has answered.
  if (sims.signalwire && options.endSignalWire !== false) {
    await app.act('endSignalWireCall', who.ivrid);
  }
  tel.hangup(AGENT, who.ivrid);
  if (sims.rocketchat) {
    await waitFor(
      () => app.state().rocketchat.pendingWrapUps.includes(who.ivrid),
      20_000,
      `${who.ivrid} waiting for its wrap-up`,
    );
    await app.act('wrapUp', who.ivrid, { comment: `Notes on ${who.ivrid}`, tags: ['support'] });
  }
}

const callStatus = (app: AgentApp, who: Caller): string | undefined =>
  app
    .state()
    .calls.own.flatMap((ext) => ext.calls)
    .find((call) => call.ivrid === who.ivrid)?.status;
