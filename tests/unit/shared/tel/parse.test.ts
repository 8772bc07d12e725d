import { describe, expect, it } from 'vitest';
import { parseTelUrl, telUrlFromArgv } from '../../../../shared/tel/parse';

describe('parseTelUrl', () => {
  it.each([
    ['tel:+972-50-123-4567', { number: '+972501234567', extension: null }],
    ['TEL:050 123 4567', { number: '0501234567', extension: null }],
    ['tel:0501234567;phone-context=+972', { number: '0501234567', extension: null }],
    ['tel:+1-201-555-0123;ext=1234', { number: '+12015550123', extension: '1234' }],
    ['tel:%2B972%20(50)%20123.4567', { number: '+972501234567', extension: null }],
    ['callto:+972501234567', { number: '+972501234567', extension: null }],
    ['callto://0722776772', { number: '0722776772', extension: null }],
    ['tel:*9', { number: '*9', extension: null }],
    ['tel:201?call', { number: '201', extension: null }],
  ])('%s', (input, expected) => {
    expect(parseTelUrl(input)).toEqual(expected);
  });

  it.each([
    'https://example.com',
    'tel:',
    'tel:1',
    'callto:skype.user',
    'tel:050abc',
    'tel:%E0%A4%A',
    'tel:+97250;ext=abc',
    'javascript:alert(1)',
    `tel:${'1'.repeat(40)}`,
    'mailto:tel:0501234567',
  ])('refuses %s', (input) => {
    expect(parseTelUrl(input)).toBeNull();
  });
});

describe('telUrlFromArgv', () => {
  it('finds the link among the arguments Windows and Linux pass to a second instance', () => {
    expect(telUrlFromArgv(['/opt/Ringside/ringside', '--flag', 'tel:0501234567'])).toBe(
      'tel:0501234567',
    );
    expect(telUrlFromArgv(['/opt/Ringside/ringside', '--config', '/etc/r.json'])).toBeNull();
  });
});
