import { describe, expect, it } from 'vitest';
import { mirrorEvent } from '../../../../shared/signalwire/mirror';

describe('mirrorEvent', () => {
  it.each([
    ['hold', 'ringside.call.hold'],
    ['unhold', 'ringside.call.unhold'],
    ['end', 'ringside.call.end'],
  ] as const)('builds the %s event with its own event_id and an ISO time', (which, type) => {
    expect(mirrorEvent(which, '1700000000123456', Date.UTC(2026, 0, 2, 3, 4, 5), 'e-1')).toEqual({
      type,
      ivrid: '1700000000123456',
      at: '2026-01-02T03:04:05.000Z',
      event_id: 'e-1',
    });
  });
});
