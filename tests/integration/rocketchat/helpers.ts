/** Captures the error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: unknown): Promise<unknown> {
  try {
    await Promise.resolve(promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
