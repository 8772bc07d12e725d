import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogue, LOCALES } from '@shared/messages/index';
import { dictionaries } from '@shared/messages/dictionaries';

/** Every argument a message uses, including those that choose a plural or select form. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const codes = Object.keys(catalogue) as (keyof typeof catalogue)[];

describe('message dictionaries', () => {
  it.each(LOCALES)('%s has words for every code and no code the catalogue lacks', (locale) => {
    expect(Object.keys(dictionaries[locale]).sort()).toEqual([...codes].sort());
  });

  it.each(LOCALES)('%s uses exactly each code’s parameters', (locale) => {
    const mismatches = codes.flatMap((code) => {
      const used = [...argumentsOf(parse(dictionaries[locale][code], { ignoreTag: true }))].sort();
      const declared = Object.keys(catalogue[code]).sort();
      return used.join() === declared.join() ? [] : [{ code, used, declared }];
    });
    expect(mismatches).toEqual([]);
  });

  it.each(LOCALES)('%s chooses plural forms with categories the language has', (locale) => {
    const categories = new Set<string>(
      new Intl.PluralRules(locale).resolvedOptions().pluralCategories,
    );
    const stray: string[] = [];
    const walk = (elements: MessageFormatElement[], code: string): void => {
      for (const element of elements) {
        if (element.type === TYPE.plural) {
          for (const [key, option] of Object.entries(element.options)) {
            if (!key.startsWith('=') && !categories.has(key)) stray.push(`${code}: ${key}`);
            walk(option.value, code);
          }
        } else if (element.type === TYPE.select) {
          for (const option of Object.values(element.options)) walk(option.value, code);
        }
      }
    };
    for (const code of codes) walk(parse(dictionaries[locale][code], { ignoreTag: true }), code);
    expect(stray).toEqual([]);
  });

  it('ends a Hebrew sentence with the punctuation its English one ends with', () => {
    const endOf = (text: string): string => /[.:!?…]$/.exec(text.trim())?.[0] ?? '';
    const differing = codes.filter(
      (code) => endOf(dictionaries.en[code]) !== endOf(dictionaries.he[code]),
    );
    expect(differing).toEqual([]);
  });
});
