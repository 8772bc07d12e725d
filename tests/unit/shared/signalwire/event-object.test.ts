import { describe, expect, it } from 'vitest';
import {
  MAX_EVENT_TEXT_LENGTH,
  eventLabel,
  parseEventObject,
} from '../../../../shared/signalwire/event-object';

describe('parseEventObject (the event editor rule)', () => {
  it.each([
    [
      '{"action": "order.confirmed", "order_id": "ORD-12345"}',
      { action: 'order.confirmed', order_id: 'ORD-12345' },
    ],
    ['  {}  ', {}],
    ['{"nested": {"a": [1, 2]}, "n": 49.99}', { nested: { a: [1, 2] }, n: 49.99 }],
  ])('accepts the JSON object %s', (text, value) => {
    expect(parseEventObject(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['"order.confirmed"', /JSON object.*not a string/],
    ['[1, 2]', /not a list/],
    ['42', /not a number/],
    ['null', /not null/],
    ['true', /not true\/false/],
  ])('refuses %s, which is JSON but not an object', (text, reason) => {
    const result = parseEventObject(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses invalid JSON with the parser reason', () => {
    const result = parseEventObject('{"action": order}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/^This is not valid JSON: /);
      expect(result.reason.length).toBeGreaterThan('This is not valid JSON: '.length + 3);
    }
  });

  it('refuses an empty editor with an example', () => {
    const result = parseEventObject('   \n');
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('{"action": "order.confirmed"}') as string,
    });
  });

  it('refuses text over the limit before parsing it', () => {
    const text = JSON.stringify({ pad: 'x'.repeat(MAX_EVENT_TEXT_LENGTH) });
    const result = parseEventObject(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/too long/);
  });
});

describe('eventLabel', () => {
  it.each([
    [{ type: 'ringside.call.hold', action: 'x' }, 'ringside.call.hold'],
    [{ action: 'order.confirmed' }, 'order.confirmed'],
    [{ name: 'survey' }, 'survey'],
    [{ type: '  ', order: 1 }, 'event'],
    [{ type: 7 }, 'event'],
  ])('names %j as %s', (event, label) => {
    expect(eventLabel(event)).toBe(label);
  });
});

describe('parseEventObject reasons', () => {
  // The engine's wording differs between versions (Node, Chromium); what matters is the shape.
  it.each(['{"type": oops}', '{"type": "x",}', '{"type": "x"', '{"a": 1} trailing'])(
    'says what is wrong with %s without echoing the text back',
    (text) => {
      const result = parseEventObject(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toMatch(/^This is not valid JSON: \S.*\.$/);
      expect(result.reason).not.toContain(text);
      expect(result.reason).not.toMatch(/is not valid JSON\.$/);
    },
  );
});
