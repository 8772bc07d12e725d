/**
 * zod schemas for the raw payloads of Voicenter Real-Time server events, as the wire actually
 * carries them (see the voicenter-realtime spec, section 2). They validate and tidy types only;
 * converting times and enums into the domain shape happens in `parse.ts`.
 *
 * The server is loose, so the schemas are too: unknown fields pass through, numeric strings become
 * numbers, and an optional field of the wrong type degrades to a default instead of failing the
 * event. Identity fields (a call's `ivrid`, an extension's `number`, a queue's `QueueID`) are
 * required: without them an item cannot be tracked. A bad item inside a list drops only that item
 * (reported in `dropped`), so one odd call never costs the whole snapshot.
 */
import { z } from 'zod';
import type { Lenient } from './wire-types';

/**
 * Error map used for every parse: messages name the problem, never the value, because payloads
 * carry phone numbers and names. Paths come from the schema's keys and list indexes only.
 */
export const safeErrorMap = (issue: { code?: string; input?: unknown; expected?: unknown }) => {
  if (issue.input === undefined) return 'missing';
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    return `expected ${issue.expected}`;
  }
  if (issue.code === 'invalid_union') return 'wrong type';
  return (issue.code ?? 'invalid').replace(/_/g, ' ');
};

/** `a.b[2].c: missing`; issues joined with `; `, at most three of them to keep log lines short. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = formatPath(issue.path, prefix);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  if (issues.length > 3) parts.push(`${issues.length - 3} more`);
  return parts.join('; ');
}

function formatPath(path: readonly PropertyKey[], prefix: string): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

const numericString = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(Number);

/** A finite number, or a numeric string. */
export const numeric = z.union([z.number(), numericString]);

/*
 * Optional fields are usually just missing. `nullish()` lets missing and null through before
 * `.catch` is reached: a caught failure costs zod an issue with a formatted message per field, and
 * most events leave out several optional fields per call (the profile of the realtime pipeline
 * showed it as a fifth of the parse time).
 */

/** Optional number: anything missing or unusable becomes null. */
export const looseNumber = numeric
  .nullish()
  .transform((n) => n ?? null)
  .catch(null);

/** Optional text: a number is stringified, anything else becomes ''. */
export const looseString = z
  .union([z.string(), z.number().transform(String)])
  .nullish()
  .transform((s) => s ?? '')
  .catch('');

/** Required id: non-empty text, or an integer the server sent as a number. */
export const idString = z.union([
  z.string().trim().min(1),
  z
    .number()
    .int()
    .transform((n) => String(n)),
]);

function collect<T extends z.ZodType>(item: T, values: readonly unknown[]): Lenient<z.output<T>> {
  const out: Lenient<z.output<T>> = { items: [], indexes: [], dropped: [] };
  values.forEach((value, index) => {
    const result = item.safeParse(value, { error: safeErrorMap });
    if (result.success) {
      out.items.push(result.data);
      out.indexes.push(index);
    } else {
      out.dropped.push({ index, problem: describeIssues(result.error.issues) });
    }
  });
  return out;
}

/** A list that must be present (a snapshot without its list must not wipe the board). */
export function lenientList<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((values) => collect(item, values));
}

/** A list that may be missing or mistyped: it becomes empty. */
export function optionalLenientList<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .nullish()
    .catch(undefined)
    .transform((values) => collect(item, values ?? []));
}

/** A waiting call in a queue: `ivrid` and `IvrUniqueID` carry the same id; either will do. */
export const wireQueueCall = z
  .looseObject({
    ivrid: idString.optional().catch(undefined),
    IvrUniqueID: idString.optional().catch(undefined),
    CallerID: looseString,
    CallerName: looseString,
    JoinTimeStamp: looseNumber,
    calldurationinterval: looseNumber,
  })
  .transform((call, ctx) => {
    const id = call.ivrid ?? call.IvrUniqueID;
    if (id === undefined) {
      // No `input`: issues must never carry payload values.
      ctx.issues.push({ code: 'custom', path: ['ivrid'], message: 'missing', input: undefined });
      return z.NEVER;
    }
    return { ...call, id };
  });
export type WireQueueCall = z.output<typeof wireQueueCall>;

export const wireQueue = z.looseObject({
  QueueID: numeric,
  QueueName: looseString,
  Calls: optionalLenientList(wireQueueCall),
});
export type WireQueue = z.output<typeof wireQueue>;

const serverTime = {
  servertime: looseNumber,
  servertimeoffset: looseNumber,
};

export const wireLoginSuccess = z.looseObject({
  errorCode: looseNumber,
  errorDesc: looseString,
  ...serverTime,
});

/** `queues` per the SDKs; the seed's table writes `Queues` (the parser accepts both). */
export const wireLoginStatus = z.looseObject({
  errorCode: looseNumber,
  errorDesc: looseString,
  ...serverTime,
  queues: lenientList(wireQueue),
});

export const wireAllExtensionsStatus = z.looseObject({
  errorCode: looseNumber,
  errorDesc: looseString,
  ...serverTime,
  // Thousands of extensions on a large account: each is read by `readExtension` (`read.ts`).
  extensions: z.array(z.unknown()),
});

export const wireQueueEvent = z.looseObject({
  eventName: looseString,
  reason: z.string().trim().min(1),
  ...serverTime,
  telephonyservertime: looseNumber,
  ivruniqueid: looseString,
  data: wireQueue,
});

/** AllDialersStatus / DialerEvent: not described by the seed; only the time is used. */
export const wireDialerEvent = z.looseObject({ ...serverTime });

export const wireKeepaliveResponse = z.looseObject({
  errorCode: looseNumber,
  errorDesc: looseString,
  isOk: z
    .union([z.boolean(), numeric.transform((n) => n !== 0)])
    .nullable()
    .catch(null),
});

/** ExtensionsUpdated / QueuesUpdated / DialersUpdated carry a string nobody needs. */
export const wireMonitoredSetChanged = z.unknown();
