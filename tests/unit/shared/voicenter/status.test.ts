import { describe, expect, it } from 'vitest';
import { isAvailableStatus, statusLabel } from '../../../../shared/voicenter/status';

describe('statusLabel', () => {
  it.each([
    [1, 'Available'],
    [2, 'Logout'],
    [3, 'Lunch'],
    [5, 'Administrative'],
    [7, 'Private'],
    [9, 'Other'],
    [11, 'Training'],
    [12, 'Team meeting'],
    [13, 'Brief'],
    [4, 'Status 4'],
    [10, 'Status 10'],
    [99, 'Status 99'],
    [0, 'Status 0'],
    [null, 'Unknown'],
  ])('%s -> %s', (code, label) => {
    expect(statusLabel(code)).toBe(label);
  });

  it('only status 1 is available', () => {
    expect([1, 2, 3, 13, 99, null].map(isAvailableStatus)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
