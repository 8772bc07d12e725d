/**
 * Status names for the board: an account may rename its statuses (spec 2.5), so names an
 * administrator set win over the app's own, in every language; codes nobody named read "Status N"
 * (in the agent's language), never a guess.
 */

/** Status code (as text, the way JSON keys are) -> the account's own name for it. */
export type StatusRenames = Readonly<Record<string, string>>;

export function statusNamer(
  builtIn: (code: number | null) => string,
  renames: StatusRenames,
): (code: number | null) => string {
  return (code) => {
    const renamed = code === null ? undefined : renames[String(code)]?.trim();
    return renamed ? renamed : builtIn(code);
  };
}
