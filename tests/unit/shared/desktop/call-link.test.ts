import { describe, expect, it } from 'vitest';
import { callLinkFromArgv, callLinkOf } from '@shared/desktop/call-link';

describe('callLinkOf', () => {
  it('normalises the number and keeps a display form', () => {
    expect(callLinkOf('tel:050-123-4567')).toEqual({
      number: '+972501234567',
      display: '050-123-4567',
      extension: null,
    });
    expect(callLinkOf('callto://+972722776772;ext=12')).toMatchObject({
      number: '+972722776772',
      extension: '12',
    });
  });

  it.each([
    'tel:',
    'tel:--inspect=9229',
    'tel:0501234567" --inspect',
    'tel:javascript:alert(1)',
    'callto:skype.user',
    'https://example.com/tel:0501234567',
    'tel:0501234567\n--gpu-launcher=calc',
  ])('refuses %j', (url) => {
    expect(callLinkOf(url)).toBeNull();
  });
});

describe('callLinkFromArgv', () => {
  it('finds the link a second launch carries, skipping the program and flags', () => {
    expect(callLinkFromArgv(['C:\\Ringside\\Ringside.exe', '--hidden', 'tel:0501234567'])).toBe(
      'tel:0501234567',
    );
  });

  it('never reads a flag as a link, nor the program path', () => {
    expect(callLinkFromArgv(['tel:0501234567'])).toBeNull();
    expect(callLinkFromArgv(['ringside', '--open-url=tel:0501234567'])).toBeNull();
    expect(callLinkFromArgv(['ringside', '-tel:0501234567'])).toBeNull();
  });

  it('skips an argument that only starts like a link', () => {
    expect(
      callLinkFromArgv(['ringside', 'tel:050" --renderer-cmd-prefix=calc', 'callto:0722776772']),
    ).toBe('callto:0722776772');
  });
});
