/**
 * Scripted call flows (spec §4). Each is a plain async function over a small context, so adding
 * one means writing a function and listing it in SCENARIOS. Durations are "scenario time" in ms;
 * `ctx.wait` divides them by the sim's speed.
 */
import { CALLER_POOL, DEMO_DID } from './directory';
import type { Prng } from './prng';
import type { SimTelephony } from './telephony';

export interface ScenarioContext {
  tel: SimTelephony;
  rng: Prng;
  /** The demo user's extension (the agent using the app). */
  agent: number;
  /** A colleague in the same ring group and queue. */
  colleague: number;
  /** A queue the agent answers. */
  queueId: number;
  /** Waits `ms` of scenario time; rejects with an AbortError when the run is stopped. */
  wait(ms: number): Promise<void>;
  /** Resolves once at least one socket is connected to any server. */
  waitForClient(): Promise<void>;
  /** Runs another scenario inside this run (same context). */
  run(name: ScenarioName): Promise<void>;
}

export type Scenario = (ctx: ScenarioContext) => Promise<void>;

/** Step lengths in scenario ms. */
export const STEP = {
  ring: 6_000,
  talk: 8_000,
  hold: 5_000,
  short: 1_500,
  firstCall: 3_000,
  pause: 10_000,
} as const;

interface CallIds {
  ivrid: string;
  /** Read by the SignalWire feature. */
  customData: { signalwire_call_id: string };
}

function newIds(rng: Prng): CallIds {
  return {
    ivrid: `${rng.digits(14)}${rng.hex(12)}`,
    customData: { signalwire_call_id: rng.uuidV4() },
  };
}

const incomingHold: Scenario = async (ctx) => {
  const { tel, agent } = ctx;
  const { ivrid, customData } = newIds(ctx.rng);
  tel.newCall(agent, {
    ivrid,
    customData,
    callerName: 'Test Voicenter',
    callerPhone: '0501234567',
    did: DEMO_DID,
    direction: 'Incoming',
  });
  await ctx.wait(STEP.ring);
  tel.answer(agent, ivrid);
  await ctx.wait(STEP.talk);
  tel.hold(agent, ivrid);
  await ctx.wait(STEP.hold);
  tel.unhold(agent, ivrid);
  await ctx.wait(STEP.talk);
  tel.hangup(agent, ivrid, 'Normal hangup');
};

const ringGroup: Scenario = async (ctx) => {
  const { tel, agent, colleague } = ctx;
  const { ivrid, customData } = newIds(ctx.rng);
  const caller = ctx.rng.pick(CALLER_POOL);
  const call = {
    ivrid,
    customData,
    callerName: caller.name,
    callerPhone: caller.phone,
    did: DEMO_DID,
    direction: 'Incoming' as const,
  };
  tel.newCall(agent, call);
  tel.newCall(colleague, call);
  await ctx.wait(STEP.ring);
  tel.answer(colleague, ivrid);
  tel.hangup(agent, ivrid, 'Answered elsewhere');
  await ctx.wait(STEP.talk);
  tel.hangup(colleague, ivrid, 'Normal hangup');
};

const missed: Scenario = async (ctx) => {
  const { tel, agent } = ctx;
  const { ivrid, customData } = newIds(ctx.rng);
  const caller = ctx.rng.pick(CALLER_POOL);
  tel.newCall(agent, {
    ivrid,
    customData,
    callerName: caller.name,
    callerPhone: caller.phone,
    did: DEMO_DID,
    direction: 'Incoming',
  });
  await ctx.wait(STEP.ring * 2);
  // The caller gave up: a HANGUP with callAnswered 0.
  tel.hangup(agent, ivrid, 'Normal hangup');
};

const click2call: Scenario = async (ctx) => {
  const { tel, agent } = ctx;
  const { ivrid, customData } = newIds(ctx.rng);
  const target = ctx.rng.pick(CALLER_POOL).phone;
  // Leg 1 rings the agent's own phone; the server shows the target number as the caller.
  tel.newCall(agent, {
    ivrid,
    customData,
    callerName: target,
    callerPhone: target,
    did: '',
    direction: 'Click2Call',
    status: 'Dialing',
    c2cDirection: '1',
  });
  await ctx.wait(STEP.short);
  tel.answer(agent, ivrid);
  await ctx.wait(STEP.short);
  tel.secondLeg(agent, ivrid);
  await ctx.wait(STEP.ring);
  tel.answer(agent, ivrid);
  await ctx.wait(STEP.talk);
  tel.hangup(agent, ivrid, 'Normal hangup');
};

const queue: Scenario = async (ctx) => {
  const { tel, agent, queueId } = ctx;
  const first = newIds(ctx.rng);
  const caller = ctx.rng.pick(CALLER_POOL);
  tel.queueJoin(queueId, { ivrid: first.ivrid, callerId: caller.phone, callerName: caller.name });
  await ctx.wait(STEP.short);
  tel.newCall(agent, {
    ivrid: first.ivrid,
    customData: first.customData,
    callerName: caller.name,
    callerPhone: caller.phone,
    did: DEMO_DID,
    direction: 'Incoming',
    queueId,
  });
  await ctx.wait(STEP.ring);
  tel.answer(agent, first.ivrid);
  tel.queueExit(queueId, first.ivrid);
  await ctx.wait(STEP.talk);
  tel.hangup(agent, first.ivrid, 'Normal hangup');

  const second = newIds(ctx.rng);
  const other = ctx.rng.pick(CALLER_POOL);
  tel.queueJoin(queueId, { ivrid: second.ivrid, callerId: other.phone, callerName: other.name });
  await ctx.wait(STEP.ring * 2);
  tel.queueAbandon(queueId, second.ivrid);
};

const statusChanges: Scenario = async (ctx) => {
  ctx.tel.setStatus(ctx.agent, 3);
  await ctx.wait(STEP.hold);
  ctx.tel.setStatus(ctx.agent, 1);
};

const ROTATION = [
  'missed',
  'ring-group-answered-elsewhere',
  'click2call',
  'queue',
  'status-changes',
  'incoming-hold',
] as const;

/** The app's demo mode: a first call soon after a client connects, then the others, forever. */
const demoLoop: Scenario = async (ctx) => {
  await ctx.waitForClient();
  await ctx.wait(STEP.firstCall);
  await ctx.run('incoming-hold');
  for (let i = 0; ; i++) {
    await ctx.wait(STEP.pause);
    try {
      await ctx.run(ROTATION[i % ROTATION.length] ?? 'incoming-hold');
    } catch (err) {
      // A test may pull an extension or queue out from under a call; the demo keeps going.
      if (isAbortError(err)) throw err;
    }
  }
};

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

export const SCENARIOS = {
  'incoming-hold': incomingHold,
  'ring-group-answered-elsewhere': ringGroup,
  missed,
  click2call,
  queue,
  'status-changes': statusChanges,
  'demo-loop': demoLoop,
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
