import { describe, expect, it } from 'vitest';
import { csvField, historyCsv } from '../../../../shared/history/csv';
import { entry } from './support';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    // Formulas become text.
    ['=1+2', "'=1+2"],
    ['+972501234567', "'+972501234567"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
    ['דנה לוי', 'דנה לוי'],
  ])('%j -> %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('historyCsv', () => {
  it('writes a BOM, a header and one CRLF row per call', () => {
    const csv = historyCsv(
      [
        entry(
          {
            callerName: '=cmd|calc',
            callerPhone: '972501234567',
            startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
          },
          {
            roomLink: 'https://chat.example/r/1',
            wrapUp: { comment: 'Called, "ok"', tags: ['a', 'b'] },
          },
        ),
      ],
      'IL',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[0]).toContain('started,ended,direction,outcome,number');
    expect(lines[1]).toBe(
      [
        '2026-01-02T03:04:05Z',
        '1970-01-01T00:01:02Z',
        'incoming',
        'answered',
        '050-123-4567',
        "'=cmd|calc",
        '072-277-6772',
        '1001',
        '',
        '60',
        '',
        'Normal hangup',
        'https://chat.example/r/1',
        '"Called, ""ok"""',
        'a; b',
      ].join(','),
    );
  });
});
