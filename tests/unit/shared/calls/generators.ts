/**
 * Random call traffic for the call store's model and property tests: a small vocabulary of
 * extensions, call ids and reasons, so that calls collide, come back and end in every order.
 * `randomSteps` is a seeded generator (a failing seed replays as it is); `stepsArbitrary` is the
 * same traffic and more (every event kind, hang-up causes, queue abandons) for fast-check, which
 * shrinks a failing sequence to a short one.
 */
import fc from 'fast-check';
import type {
  CallDirection,
  CallInfo,
  CallStatus,
  ExtensionInfo,
  QueueInfo,
  RealtimeEvent,
} from '../../../../shared/domain/calls';
import { makeCall, makeExtension } from '../../../support/calls';

export const EXTS = ['100', '101', '102', '5000001', 'sip-7'];
export const IVRIDS = ['a', 'b', 'c', 'd'];
export const REASONS = [
  'NEWCALL',
  'ANSWER',
  'HOLD',
  'UNHOLD',
  'HANGUP',
  'userStatusUpdate',
  'TRANSFER',
];
export const STATUSES: CallStatus[] = ['ringing', 'dialing', 'talking', 'hold', 'unknown'];
export const DIRECTIONS: CallDirection[] = ['incoming', 'outgoing', 'click2call', 'spy', 'unknown'];
export const CAUSES = [
  'Normal hangup',
  'Answered elsewhere',
  'Call Rejected',
  'User busy',
  'Unallocated (unassigned) number',
  'No user responding',
  'Something new',
];

export function call(ivrid: string, more: Partial<CallInfo> = {}): CallInfo {
  return makeCall({ ivrid, ...more });
}

export function extension(number: string, calls: CallInfo[] = [], statusCode = 1): ExtensionInfo {
  const name = `Agent ${number}`;
  return makeExtension(number, { userName: name, representativeName: name, statusCode, calls });
}

export function extEvent(
  reason: string,
  at: number,
  ext: ExtensionInfo,
  current: CallInfo | null,
  hangupIvrid?: string,
  cause = 'Normal hangup',
): RealtimeEvent {
  return {
    kind: 'extension',
    reason,
    at,
    extension: ext,
    call: current,
    hangup:
      reason === 'HANGUP'
        ? { cause, callerId: '', ivrid: hangupIvrid ?? current?.ivrid ?? '' }
        : null,
  };
}

/** One step of traffic: a server event, or the agent changing their own extensions. */
export type Step = { kind: 'event'; event: RealtimeEvent } | { kind: 'own'; list: string[] };

/** Small deterministic PRNG (mulberry32), so a failing sequence can be replayed by its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randomSteps(seed: number, count: number): Step[] {
  const r = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const some = <T>(list: readonly T[], max: number): T[] =>
    Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(list));
  const randomCall = (): CallInfo =>
    call(pick(IVRIDS), {
      status: pick(STATUSES),
      direction: pick(DIRECTIONS),
      c2cLeg: pick([null, 1, 2] as const),
      answeredAt: r() < 0.4 ? 2_000 : null,
      callerPhone: r() < 0.5 ? '050' : '',
    });
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    const at = 10_000 + i;
    const roll = r();
    if (roll < 0.05) {
      const extensions = [...new Set(some(EXTS, 4))].map((n) =>
        extension(
          n,
          some(IVRIDS, 2).map(() => randomCall()),
        ),
      );
      steps.push({ kind: 'event', event: { kind: 'extensionsSnapshot', at, extensions } });
    } else if (roll < 0.08) {
      steps.push({ kind: 'own', list: some(EXTS, 2) });
    } else if (roll < 0.11) {
      const calls = some(IVRIDS, 2).map((ivrid) => ({
        ivrid,
        callerId: '',
        callerName: '',
        joinedAt: null,
      }));
      const queue = { id: pick([1, 2]), name: 'Q', calls };
      const reason = pick(['JOIN', 'ABANDONED', 'EXIT']);
      steps.push({
        kind: 'event',
        event: { kind: 'queue', reason, at, queue, ivrid: r() < 0.5 ? pick(IVRIDS) : null },
      });
    } else {
      const reason = pick(REASONS);
      const listed = some(IVRIDS, 2).map(() => randomCall());
      const current = r() < 0.7 ? randomCall() : null;
      const hangupIvrid = pick([current?.ivrid ?? '', pick(IVRIDS), '']);
      const ext = extension(pick(EXTS), listed, pick([1, 2, 3]));
      steps.push({ kind: 'event', event: extEvent(reason, at, ext, current, hangupIvrid) });
    }
  }
  return steps;
}

// fast-check: the same traffic, built from arbitraries so that a failure shrinks.

const callArbitrary: fc.Arbitrary<CallInfo> = fc
  .record({
    ivrid: fc.constantFrom(...IVRIDS),
    status: fc.constantFrom(...STATUSES),
    direction: fc.constantFrom(...DIRECTIONS),
    c2cLeg: fc.constantFrom(null, 1 as const, 2 as const),
    answeredAt: fc.option(fc.constantFrom(2_000, 3_000), { freq: 2 }),
    callerPhone: fc.constantFrom('', '050'),
  })
  .map(({ ivrid, ...more }) => call(ivrid, more));

const callsArbitrary = fc.array(callArbitrary, { maxLength: 3 });

const extensionArbitrary: fc.Arbitrary<ExtensionInfo> = fc
  .record({
    number: fc.constantFrom(...EXTS),
    calls: callsArbitrary,
    status: fc.constantFrom(1, 2, 3),
  })
  .map(({ number, calls, status }) => extension(number, calls, status));

/** A step whose time is set by `stepsArbitrary`. */
type Timed = (at: number) => Step;

const event =
  (make: (at: number) => RealtimeEvent): Timed =>
  (at) => ({ kind: 'event', event: make(at) });

const extensionStep: fc.Arbitrary<Timed> = fc
  .record({
    reason: fc.constantFrom(...REASONS, 'NEWCALL', 'HANGUP', 'HANGUP'),
    ext: extensionArbitrary,
    current: fc.option(callArbitrary, { freq: 4 }),
    hangupIvrid: fc.option(fc.constantFrom('', ...IVRIDS)),
    cause: fc.constantFrom(...CAUSES),
  })
  .map(({ reason, ext, current, hangupIvrid, cause }) =>
    event((at) => extEvent(reason, at, ext, current, hangupIvrid ?? undefined, cause)),
  );

const snapshotStep: fc.Arbitrary<Timed> = fc
  .uniqueArray(extensionArbitrary, { maxLength: 4, selector: (e) => e.number })
  .map((extensions) => event((at) => ({ kind: 'extensionsSnapshot', at, extensions })));

const queueArbitrary: fc.Arbitrary<QueueInfo> = fc
  .record({
    id: fc.constantFrom(1, 2),
    ivrids: fc.uniqueArray(fc.constantFrom(...IVRIDS), { maxLength: 3 }),
  })
  .map(({ id, ivrids }) => ({
    id,
    name: `Q${id}`,
    calls: ivrids.map((ivrid) => ({ ivrid, callerId: '050', callerName: '', joinedAt: 1_000 })),
  }));

const queueStep: fc.Arbitrary<Timed> = fc
  .record({
    reason: fc.constantFrom('JOIN', 'EXIT', 'ANSWER', 'ABANDONED', 'ABANDONED'),
    queue: queueArbitrary,
    ivrid: fc.option(fc.constantFrom(...IVRIDS)),
  })
  .map(({ reason, queue, ivrid }) => event((at) => ({ kind: 'queue', reason, at, queue, ivrid })));

const otherStep: fc.Arbitrary<Timed> = fc.oneof(
  fc.constant(event((at) => ({ kind: 'loginSuccess', at }))),
  fc.constant(event((at) => ({ kind: 'dialers', at }))),
  queueArbitrary.map((q) => event((at) => ({ kind: 'queuesSnapshot', at, queues: [q] }))),
  fc.constant(event(() => ({ kind: 'monitoredSetChanged', which: 'extensions' }))),
  fc.constant(event(() => ({ kind: 'keepaliveResponse', ok: true, code: 0, description: '' }))),
);

const ownStep: fc.Arbitrary<Timed> = fc
  .array(fc.constantFrom(...EXTS, ' 100 ', ''), { maxLength: 3 })
  .map((list) => () => ({ kind: 'own', list }));

/**
 * Sequences of up to `maxLength` steps, mostly extension events, at non-decreasing times (several
 * events can share a second, as a ring group's do).
 */
export function stepsArbitrary(maxLength: number): fc.Arbitrary<Step[]> {
  const timed = fc.oneof(
    { arbitrary: extensionStep, weight: 12 },
    { arbitrary: snapshotStep, weight: 1 },
    { arbitrary: queueStep, weight: 1 },
    { arbitrary: otherStep, weight: 1 },
    { arbitrary: ownStep, weight: 1 },
  );
  return fc
    .array(fc.tuple(timed, fc.integer({ min: 0, max: 2 })), { maxLength, size: 'max' })
    .map((items) => {
      let at = 10_000;
      return items.map(([make, gap]) => make((at += gap)));
    });
}
