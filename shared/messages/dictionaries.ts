/** Every language's words for the whole catalogue, assembled from the per-feature files. */
import type { Locale } from './locale';
import type { Catalogue } from './index';
import type { Dictionary } from './dictionary';
import * as en from './en';
import * as he from './he';

const assemble = (parts: Record<string, Readonly<Record<string, string>>>): Dictionary<Catalogue> =>
  Object.assign({}, ...Object.values(parts)) as Dictionary<Catalogue>;

export const dictionaries: Readonly<Record<Locale, Dictionary<Catalogue>>> = {
  en: assemble(en),
  he: assemble(he),
};
