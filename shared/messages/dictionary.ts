import type { ParamKinds } from './catalogue';

/**
 * One language's words for a feature's codes, in ICU MessageFormat: `{name}` places, plurals
 * (`{count, plural, one {…} two {…} other {…}}`) and selects. Every code must be there (a missing
 * one is a compile error); the completeness test checks that each uses its code's parameters.
 */
export type Dictionary<Codes extends Record<string, ParamKinds>> = {
  readonly [C in keyof Codes]: string;
};
