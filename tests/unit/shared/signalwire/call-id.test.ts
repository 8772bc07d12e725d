import { describe, expect, it } from 'vitest';
import { callIdFromCustomData, parseCallId } from '../../../../shared/signalwire/call-id';

const ID = '0e9c80d7-a149-4917-892d-420043709f45';

describe('parseCallId', () => {
  it('accepts a UUID, trimmed and lower-cased', () => {
    expect(parseCallId(`  ${ID.toUpperCase()}\n`)).toEqual({ ok: true, value: ID });
  });

  it.each(['', '   ', 'CA1234567890abcdef', `${ID}x`, 'not-a-uuid', `{${ID}}`])(
    'refuses %j with a reason',
    (text) => {
      const result = parseCallId(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
    },
  );
});

describe('callIdFromCustomData', () => {
  it('reads the configured key', () => {
    expect(callIdFromCustomData({ signalwire_call_id: ID }, 'signalwire_call_id')).toBe(ID);
    expect(callIdFromCustomData({ sw: ID.toUpperCase() }, 'sw')).toBe(ID);
  });

  it.each([
    [{}, 'signalwire_call_id'],
    [{ signalwire_call_id: 42 }, 'signalwire_call_id'],
    [{ signalwire_call_id: 'CA123' }, 'signalwire_call_id'],
    [{ other: ID }, 'signalwire_call_id'],
    [{ signalwire_call_id: ID }, ''],
  ])('answers null for %j under %j', (data, key) => {
    expect(callIdFromCustomData(data, key)).toBeNull();
  });

  it('does not read inherited properties', () => {
    expect(
      callIdFromCustomData(Object.create({ k: ID }) as Record<string, unknown>, 'k'),
    ).toBeNull();
  });
});
