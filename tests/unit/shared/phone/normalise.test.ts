import { describe, expect, it } from 'vitest';
import {
  formatPhoneForDisplay,
  isPhoneRegion,
  normalisePhone,
  samePhone,
} from '../../../../shared/phone/normalise';

describe('normalisePhone', () => {
  it.each([
    ['0501234567', '+972501234567'],
    ['+972501234567', '+972501234567'],
    ['972501234567', '+972501234567'],
    ['050-123-4567', '+972501234567'],
    ['+972 50-123-4567', '+972501234567'],
    ['00972501234567', '+972501234567'],
    ['  050 123 4567 ', '+972501234567'],
    ['0722776772', '+972722776772'],
    ['03-555-1234', '+97235551234'],
    ['1-800-123-456', '+9721800123456'],
    ['+1 415 555 2671', '+14155552671'],
    // Not phone numbers: extensions, short codes, SIP users.
    ['1234567', '1234567'],
    ['9876543', '9876543'],
    ['123', '123'],
    ['*9', '*9'],
    ['+12', '+12'],
    ['SIPSIP1', 'SIPSIP1'],
    ['', ''],
    ['+', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });
});

describe('formatPhoneForDisplay', () => {
  it.each([
    ['0501234567', '050-123-4567'],
    ['+972501234567', '050-123-4567'],
    ['972501234567', '050-123-4567'],
    ['0722776772', '072-277-6772'],
    ['+972722776772', '072-277-6772'],
    ['035551234', '03-555-1234'],
    ['+14155552671', '+1 415 555 2671'],
    ['+447911123456', '+44 7911 123456'],
    ['1234567', '1234567'],
    ['SIPSIP1', 'SIPSIP1'],
    ['', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(formatPhoneForDisplay(raw)).toBe(expected);
  });
});

describe('samePhone', () => {
  it.each([
    ['0501234567', '+972 50-123-4567', true],
    ['972501234567', '050-123-4567', true],
    ['0501234567', '0501234568', false],
    ['1234567', '+9721234567', false],
    ['SIPSIP1', 'SIPSIP2', false],
    ['SIPSIP1', 'SIPSIP1', true],
    ['', '', false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(samePhone(a, b)).toBe(expected);
  });
});

describe('the default region', () => {
  it.each([
    // The three ways one Israeli caller reaches Ringside are one caller, whatever the region.
    ['IL', '0501234567', '+972501234567'],
    ['IL', '972501234567', '+972501234567'],
    ['IL', '+972501234567', '+972501234567'],
    ['GB', '972501234567', '+972501234567'],
    ['GB', '+972501234567', '+972501234567'],
    // Local numbers are read in the configured region.
    ['GB', '07911 123456', '+447911123456'],
    ['GB', '447911123456', '+447911123456'],
    ['US', '(415) 555-2671', '+14155552671'],
    ['US', '14155552671', '+14155552671'],
    // Extensions stay extensions everywhere.
    ['GB', '1234567', '1234567'],
    ['US', '1234567', '1234567'],
  ] as const)('%s: %j -> %j', (region, raw, expected) => {
    expect(normalisePhone(raw, region)).toBe(expected);
  });

  it('reads an Israeli local number as Israeli by default and as foreign elsewhere', () => {
    expect(samePhone('0501234567', '+972501234567')).toBe(true);
    expect(samePhone('0501234567', '972501234567')).toBe(true);
    expect(samePhone('0501234567', '+972501234567', 'GB')).toBe(false);
    expect(samePhone('07911123456', '+447911123456', 'GB')).toBe(true);
  });

  it('formats numbers of the region nationally and others internationally', () => {
    expect(formatPhoneForDisplay('+447911123456', 'GB')).toBe('07911 123456');
    expect(formatPhoneForDisplay('+972501234567', 'GB')).toBe('+972 50 123 4567');
  });

  it.each([
    ['IL', true],
    ['GB', true],
    ['il', false],
    ['XX', false],
    ['ISR', false],
    ['', false],
  ])('isPhoneRegion(%j) is %s', (code, expected) => {
    expect(isPhoneRegion(code)).toBe(expected);
  });
});
