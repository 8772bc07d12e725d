import { describe, expect, it } from 'vitest';
import { normaliseServer, orderServers } from '../../../../electron/core/voicenter/server-list';

describe('orderServers', () => {
  it('keeps URLList order: the first entry is the main server', () => {
    expect(
      orderServers({
        url: 'https://monitor1.voicenter.co',
        urlList: ['https://monitor1.voicenter.co', 'https://monitor3.voicenter.co.il'],
      }),
    ).toEqual(['https://monitor1.voicenter.co', 'https://monitor3.voicenter.co.il']);
  });

  it('orders MonitorList by larger Priority first, ties in server order', () => {
    expect(
      orderServers({
        monitorList: [
          { Domain: 'monitor5.voicenter.co.il', Priority: 0 },
          { Domain: 'monitor11.voicenter.co', Priority: 2 },
          { Domain: 'monitor1.voicenter.co', Priority: 5 },
          { Domain: 'monitor4.voicenter.co.il', Priority: 3 },
          { Domain: 'monitor3.voicenter.co.il', Priority: 4 },
          { Domain: 'tie-a.example', Priority: 2 },
        ],
      }),
    ).toEqual([
      'https://monitor1.voicenter.co',
      'https://monitor3.voicenter.co.il',
      'https://monitor4.voicenter.co.il',
      'https://monitor11.voicenter.co',
      'https://tie-a.example',
      'https://monitor5.voicenter.co.il',
    ]);
  });

  it('prefers MonitorList over URLList when both are sent', () => {
    expect(
      orderServers({
        urlList: ['https://a.example'],
        monitorList: [
          { Domain: 'b.example', Priority: 1 },
          { Domain: 'c.example', Priority: 9 },
        ],
      }),
    ).toEqual(['https://c.example', 'https://b.example']);
  });

  it('falls back to Url alone and appends it when the list lacks it', () => {
    expect(orderServers({ url: 'monitor1.voicenter.co' })).toEqual([
      'https://monitor1.voicenter.co',
    ]);
    expect(orderServers({ url: 'https://x.example', urlList: ['https://y.example'] })).toEqual([
      'https://y.example',
      'https://x.example',
    ]);
  });

  it('drops duplicates and unusable entries', () => {
    expect(
      orderServers({
        urlList: [
          'https://a.example/',
          'https://A.example',
          '',
          'ftp://b.example',
          'https://user:pw@c.example',
          'http://127.0.0.1:4000',
        ],
      }),
    ).toEqual(['https://a.example', 'http://127.0.0.1:4000']);
    expect(orderServers({})).toEqual([]);
  });
});

describe('normaliseServer', () => {
  it.each([
    ['monitor1.voicenter.co', 'https://monitor1.voicenter.co'],
    ['https://monitor1.voicenter.co/socket.io/', 'https://monitor1.voicenter.co'],
    ['wss://monitor1.voicenter.co', 'https://monitor1.voicenter.co'],
    ['ws://127.0.0.1:9000', 'http://127.0.0.1:9000'],
    ['  http://localhost:81  ', 'http://localhost:81'],
    ['javascript:alert(1)', null],
    ['https://', null],
    // The socket token rides in the query: plain http only to this computer.
    ['http://monitor1.voicenter.co', null],
    ['ws://monitor1.voicenter.co', null],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseServer(input)).toBe(expected);
  });
});
