/** Polls until `check` holds; the timeout only bounds a hang, it is not what is tested. */
export async function waitFor(
  check: () => boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not met in time`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Captures the error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: unknown): Promise<unknown> {
  try {
    await Promise.resolve(promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
