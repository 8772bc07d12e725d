/** "a, b,, c " -> ["a", "b", "c"]: wrap-up tags as the agent types them, at most 20, no repeats. */
export const parseTags = (text: string): string[] =>
  [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ].slice(0, 20);
