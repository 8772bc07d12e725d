import { describe, expect, it } from 'vitest';
import { badgeOf } from '@shared/desktop/missed-badge';

describe('badgeOf', () => {
  it.each([
    [0, 0, ''],
    [-3, 0, ''],
    [Number.NaN, 0, ''],
    [1, 1, '1'],
    [9, 9, '9'],
    [10, 10, '9+'],
  ])('%d -> %d "%s"', (count, expected, label) => {
    expect(badgeOf(count)).toEqual({ count: expected, label });
  });
});
