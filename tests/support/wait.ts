/**
 * Polls until `check` holds. Tests wait on behaviour, not on timings: the timeout only bounds a
 * hang (generous, for a loaded machine), it is never what a test asserts.
 */
export async function waitFor(
  check: () => boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not met in time`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `waitFor` for a check that has to ask (a file, another process). */
export async function waitForAsync(
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not met in time`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
