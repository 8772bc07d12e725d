/**
 * How a message code declares its parameters. Main sends `{ code, params }`; each language's
 * dictionary turns it into words. A parameter's kind decides how it is put into a sentence:
 * - `text`: words, as they are (a server's own error text, a field's name);
 * - `id`: a number, an address, an id or a name that must keep its own direction in a Hebrew
 *   sentence: isolated (FSI … PDI, or `<bdi>` in the window), never regrouped (`4096`, not `4,096`);
 * - `count`: a number that chooses a plural form (`{count, plural, one {…} other {…}}`);
 * - `message`: another message, translated in the same language before it is put in.
 */
export type ParamKind = 'text' | 'id' | 'count' | 'message';
export type ParamKinds = Readonly<Record<string, ParamKind>>;

/** A message as it crosses IPC: a code and its parameters, no words. */
export interface Message {
  readonly code: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}
export type ParamValue = string | number | Message;

type ValueOf<K extends ParamKind> = K extends 'text'
  ? string
  : K extends 'id'
    ? string | number
    : K extends 'count'
      ? number
      : Message;

/** The parameters a code takes, typed from its declaration. */
export type ParamsOf<K extends ParamKinds> = { readonly [P in keyof K]: ValueOf<K[P]> };

/** Declares a feature's codes; kept as written so the compiler knows each code's parameters. */
export const defineMessages = <const T extends Record<string, ParamKinds>>(codes: T): T => codes;
