import { describe, expect, it } from 'vitest';
import { english, FSI, PDI, say, translate } from '@shared/messages/translate';
import { effectiveLocale, localeFromTag } from '@shared/messages/locale';

describe('translate', () => {
  const tooLong = say('ipc.too-long', { field: say('field.relay-token'), max: 4096 });

  it('gives logs and plain fields the English sentence without isolation marks', () => {
    expect(english(tooLong)).toBe(
      'The relay token is too long for Ringside to accept (at most 4096 characters). Shorten it and try again.',
    );
  });

  it('isolates every number and id in Hebrew, never regrouping their digits', () => {
    expect(translate('en', tooLong)).toContain('at most 4096 characters');
    expect(translate('he', tooLong)).toContain(`${FSI}4096${PDI}`);
    expect(translate('he', tooLong)).toContain('אסימון הממסר');
  });

  it('ends a Hebrew sentence that ends with an id with its own full stop, after the isolate', () => {
    const text = translate('he', say('sw.test-connected', { target: 'acme.signalwire.com' }));
    expect(text).toBe(`מחובר אל ${FSI}acme.signalwire.com${PDI}.`);
  });

  it('chooses Hebrew plural forms by the language’s rules, two included', () => {
    const minutes = (count: number): string =>
      translate('he', say('time.minutes', { count }), 'none');
    expect([minutes(1), minutes(2), minutes(5)]).toEqual(['דקה', 'שתי דקות', '5 דקות']);
  });

  it('translates a message inside a message in the same language', () => {
    const tray = say('tray.offline', {
      mode: 'demo',
      reason: say('connection.dropped', { host: 'rt.example.com' }),
    });
    expect(english(tray)).toBe('Offline (demo): The connection to rt.example.com dropped');
    expect(translate('he', tray, 'none')).toBe('לא מקוון (הדגמה): החיבור אל rt.example.com נותק');
  });

  it('isolates, in English, an id that holds right-to-left text', () => {
    const named = say('notify.caller-named', { name: 'ישראל ישראלי', number: '050-123-4567' });
    expect(translate('en', named)).toBe(`${FSI}ישראל ישראלי${PDI} 050-123-4567`);
  });

  it('reads a code it does not know as the code itself', () => {
    expect(translate('he', { code: 'from.a.newer.main', params: {} })).toBe('from.a.newer.main');
  });
});

describe('locale', () => {
  it.each([
    ['he-IL', 'he'],
    ['iw', 'he'],
    ['he', 'he'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
  ] as const)('reads the system tag %s as %s', (tag, locale) => {
    expect(localeFromTag(tag)).toBe(locale);
  });

  it('follows the system unless the agent chose a language', () => {
    expect(effectiveLocale('system', 'he-IL')).toBe('he');
    expect(effectiveLocale('en', 'he-IL')).toBe('en');
  });
});
