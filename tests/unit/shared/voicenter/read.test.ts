import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readId, readLooseNumber, readLooseString } from '../../../../shared/voicenter/read';
import {
  describeIssues,
  idString,
  looseNumber,
  looseString,
  safeErrorMap,
} from '../../../../shared/voicenter/wire';
import { createEventParser, SERVER_EVENT_NAMES } from '../../../../shared/voicenter/parse';
import { extensionEvent, T0, wireCall } from '../../../fixtures/voicenter/builders';

/** The inputs the server has been seen to send, and the odd ones it might. */
const TABLE: unknown[] = [
  undefined,
  null,
  0,
  -3,
  1.5,
  12345678901,
  Number.NaN,
  Infinity,
  -Infinity,
  '',
  '  ',
  '12',
  ' 12 ',
  '-1.25',
  '1e3',
  '0x10',
  'abc',
  true,
  false,
  {},
  [],
  [1],
  { id: 1 },
];

function schemaId(value: unknown): { ok: true; value: string } | { ok: false; problem: string } {
  const result = idString.safeParse(value, { error: safeErrorMap });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problem: describeIssues(result.error.issues) };
}

const anyValue = fc.oneof(fc.constantFrom(...TABLE), fc.anything(), fc.double(), fc.string());

describe('the plain readers give the schemas answers', () => {
  it.each(TABLE.map((value) => [value]))('%j', (value) => {
    expect(readLooseNumber(value)).toEqual(looseNumber.parse(value));
    expect(readLooseString(value)).toEqual(looseString.parse(value));
    expect(readId(value)).toEqual(schemaId(value));
  });

  it('on any value', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(readLooseNumber(value)).toEqual(looseNumber.parse(value));
        expect(readLooseString(value)).toEqual(looseString.parse(value));
        expect(readId(value)).toEqual(schemaId(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the event parser on any input', () => {
  const valid = extensionEvent({
    reason: 'NEWCALL',
    at: T0,
    number: 101,
    calls: [wireCall({ ivrid: 'a' })],
    currentCall: wireCall({ ivrid: 'a' }),
  });

  /** A valid payload with one field, at any depth, replaced by anything. */
  const mutated = fc
    .tuple(fc.constantFrom('reason', 'data', 'servertime', 'ivruniqueid'), fc.anything())
    .chain(([key, value]) =>
      fc.constantFrom<Record<string, unknown>>(
        { ...valid, [key]: value },
        { ...valid, data: { ...(valid.data as object), [key === 'data' ? 'calls' : key]: value } },
        {
          ...valid,
          data: {
            ...(valid.data as object),
            currentCall: { ...wireCall({ ivrid: 'a' }), [key]: value },
          },
        },
      ),
    );

  it('parses or rejects, never throws, and names the event in every error', () => {
    const parser = createEventParser();
    fc.assert(
      fc.property(
        fc.constantFrom(...SERVER_EVENT_NAMES, 'unknownEvent'),
        fc.oneof(fc.anything(), fc.json(), mutated),
        (name, payload) => {
          const result = parser.parse(name, payload);
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
          if (!result.ok && name !== 'unknownEvent')
            expect(result.error.startsWith(name)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
